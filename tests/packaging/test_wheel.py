"""The mock installs from its wheel alone and serves Leeloo with no argument (issue 15).

The venv is outside the checkout and its commands run in an empty folder, so nothing here can
be found by accident in ``spec/`` or on the checkout's path.
"""

from __future__ import annotations

import email
import shutil

from mock_server.testing import in_child_process
from tests.packaging.conftest import REPO, FreshVenv, run


def test_the_wheel_ships_the_spec_and_its_resource_mapping_unchanged(
    mock_wheel_files: dict[str, bytes],
) -> None:
    assert mock_wheel_files["mock_server/_data/openapi.yaml"] == (REPO / "spec" / "openapi.yaml").read_bytes()
    assert (
        mock_wheel_files["mock_server/_data/mock-resources.yaml"]
        == (REPO / "spec" / "mock-resources.yaml").read_bytes()
    )


def test_the_wheel_has_every_module_the_mock_imports(mock_wheel_files: dict[str, bytes]) -> None:
    for module in (
        "openapi_document/_refs.py",
        "openapi_document/_yaml_positions.py",
        "openapi_document/spec_check.py",
        "openapi_document/_spec_validation.py",
        "mock_server/cli.py",
        "mock_server/py.typed",
    ):
        assert module in mock_wheel_files


def test_the_mock_does_not_require_the_client(mock_wheel_files: dict[str, bytes]) -> None:
    (metadata_name,) = [name for name in mock_wheel_files if name.endswith(".dist-info/METADATA")]
    metadata = email.message_from_bytes(mock_wheel_files[metadata_name])
    required = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert required, "the mock declares its dependencies"
    assert not [r for r in required if r.lower().startswith("leeloo")]


def test_the_installed_mock_has_no_client_beside_it(installed: FreshVenv) -> None:
    assert installed.client_found_alone is False


def _serves_leeloo(installed: FreshVenv, *options: str) -> str:
    """Start the installed ``leeloo-mock`` with ``options`` (no spec named; default ``--port 0``);
    one GET; what it printed on start-up."""
    command = [str(installed.bin / "leeloo-mock")]
    with in_child_process(
        *(options or ("--port", "0")), command=command, cwd=installed.workdir, env=installed.env(), port=None
    ) as mock:
        with mock.client(headers={"X-Leeloo-AuthToken": "t"}) as http:
            answer = http.get("/tags")
        assert answer.status_code == 200, answer.text
        return mock.banner


def test_the_installed_mock_serves_leeloo_with_no_argument(installed: FreshVenv) -> None:
    shown = _serves_leeloo(installed)
    assert "site-packages/mock_server/_data/openapi.yaml" in shown
    assert "listTags" in shown or "list_tags" in shown


def test_the_installed_mock_serves_leeloo_statefully_with_the_shipped_mapping(installed: FreshVenv) -> None:
    assert "stateful" in _serves_leeloo(installed, "--stateful", "--port", "0")


def test_the_installed_mock_takes_the_readme_ci_recipe_command(installed: FreshVenv) -> None:
    """The README's CI recipe starts ``leeloo-mock mock --stateful -p PORT --no-watch``."""
    assert "stateful" in _serves_leeloo(installed, "mock", "--stateful", "-p", "0", "--no-watch")


def test_the_installed_spec_check_runs(installed: FreshVenv) -> None:
    out = run(
        [
            str(installed.python),
            "-c",
            "from mock_server import default_spec_path; from openapi_document.spec_check import check_spec;"
            "print(default_spec_path(), len(check_spec(default_spec_path())))",
        ],
        cwd=installed.workdir,
        env=installed.env(),
        timeout=120,
    )
    assert out.strip().endswith(" 0"), out


def test_the_plugin_example_passes_in_a_fresh_venv(installed_with_client: FreshVenv) -> None:
    """What a user does: copy the example test into their repository's tests/ and run pytest."""
    tests = installed_with_client.workdir / "user-repo" / "tests"
    tests.mkdir(parents=True, exist_ok=True)
    example = REPO / "examples" / "pytest_plugin" / "test_leeloo_integration.py"
    shutil.copy(example, tests / example.name)
    out = run(
        [str(installed_with_client.python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=tests.parent,
        env=installed_with_client.env(),
        timeout=300,
    )
    assert "6 passed" in out, out
