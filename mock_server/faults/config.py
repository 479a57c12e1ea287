"""The faults room's configuration (``MockConfig.faults``) and its ``--faults`` file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mock_server.faults.values import NO_RULE, FaultRule, FaultValueError, rule_from_mapping
from openapi_document import Located, LocatedError
from openapi_document._yaml_positions import YamlSyntaxError, load_yaml_with_positions

MAX_RULES = 1000  # entries of a --faults file, or posted to /__admin/faults


@dataclass(frozen=True)
class FaultsConfig:
    """What the mock does wrong on purpose: for every operation (``everywhere``), per operation
    (``rules``), with its random draws seeded by ``seed`` (None: a new sequence each start)."""

    everywhere: FaultRule = NO_RULE
    rules: tuple[FaultRule, ...] = ()
    seed: int | None = None
    source: Path | None = None  # the --faults file the rules come from

    @property
    def any(self) -> bool:
        """Whether anything is configured (else the mock only honours ``Prefer: delay/fault``)."""
        return not self.everywhere.empty or bool(self.rules)


class FaultsFileError(LocatedError):
    """A ``--faults`` file that cannot be read or holds a bad entry: ``file:line:column: reason``."""


def load_faults_file(path: Path) -> tuple[FaultRule, ...]:
    """The entries of a ``--faults`` YAML file: a list of ``{operation, delay, fail, rate_limit}``
    (or a mapping with such a list under ``faults``)."""
    try:  # the project's one bounded loader: size, depth and aliases
        loaded = load_yaml_with_positions(path)
    except OSError as exc:
        raise FaultsFileError(Located(path, 1, 1, f"cannot read the faults file ({exc.strerror})")) from None
    except YamlSyntaxError as exc:
        raise FaultsFileError(exc.problems) from None
    data = loaded.data
    root: tuple[str, ...] = ()
    if isinstance(data, dict) and set(data) == {"faults"}:
        data, root = data["faults"], ("faults",)
    if not isinstance(data, list):
        raise FaultsFileError(
            Located(path, 1, 1, "a faults file is a list of entries {operation, delay, fail, rate_limit}")
        )
    if len(data) > MAX_RULES:
        raise FaultsFileError(Located(path, 1, 1, f"at most {MAX_RULES} entries, not {len(data)}"))
    rules = []
    for index, entry in enumerate(data):
        where = loaded.locate((*root, index))
        try:
            rule = rule_from_mapping(entry)
        except FaultValueError as exc:
            raise FaultsFileError(Located(path, where.line, where.column, str(exc))) from None
        if rule.operation is None:
            reason = (
                "an entry names its operation (operationId or 'METHOD /path'); "
                "--delay, --fail and --rate-limit apply to every operation"
            )
            raise FaultsFileError(Located(path, where.line, where.column, reason))
        rules.append(rule)
    return tuple(rules)
