"""Answers without `Unset` (issue 26): an optional field absent from an answer reads None.

Absent and `null` stay apart in `model_fields_set`, and `to_dict()` writes back exactly what came;
a model built in code writes the fields that hold a value. The models' round trip over data
generated from every schema is the property test in contract_tests/test_properties.py.
"""

from __future__ import annotations

import datetime
import inspect
import json
import pickle
from pathlib import Path

import httpx
import leeloo_client
import pytest
from leeloo_client import LeelooClient, models
from leeloo_client.models import CreatePersonRequest, Person

from contract_tests._spec import component_schema

from ._fake_api import FakeAPI
from .test_typing import ROOT, run_mypy

ID = "5b3f543bb2737000133d25b0"


def test_an_absent_optional_field_reads_none_and_a_present_one_its_value() -> None:
    person = Person.from_dict({"id": ID, "name": "Ann", "email": "ann@example.com"})

    assert person.phone is None
    assert person.created_at is None
    assert person.email == "ann@example.com"
    assert person.model_fields_set == {"id", "name", "email"}


def test_absent_and_null_stay_apart_and_to_dict_writes_back_exactly_what_came() -> None:
    came = {"id": ID, "name": "Ann", "locale": None, "tags": ["vip"]}

    person = Person.from_dict(came)

    assert person.locale is None and person.phone is None
    assert "locale" in person.model_fields_set  # it came, as null
    assert "phone" not in person.model_fields_set  # it did not come
    assert person.to_dict() == came


def test_nested_models_keep_what_came_too() -> None:
    came = {
        "id": ID,
        "name": "Ann",
        "custom_fields": [{"type": "KEYWORD", "name": "city", "value": "Riga"}],
        "created_at": "2024-01-02T03:04:05+00:00",
    }

    person = Person.from_dict(came)

    assert person.created_at == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert person.to_dict() == came


def test_a_model_built_in_code_writes_only_the_fields_holding_a_value() -> None:
    body = CreatePersonRequest(name="Ann", email="ann@example.com", phone="+1", leadgentool_id=ID)

    written = body.to_dict()

    assert "connected_users_ids" not in written
    assert body.connected_users_ids is None
    body.connected_users_ids = [ID]  # set later: written from then on
    assert body.to_dict()["connected_users_ids"] == [ID]
    assert "connected_users_ids" in body.model_fields_set


def test_a_field_set_to_none_after_the_answer_is_written_as_null() -> None:
    person = Person.from_dict({"id": ID, "name": "Ann", "email": "ann@example.com"})

    person.email = None

    assert person.to_dict() == {"id": ID, "name": "Ann", "email": None}


def test_equality_and_pickling_ignore_how_a_model_was_made() -> None:
    came = Person.from_dict({"id": ID, "name": "Ann", "locale": None})
    built = Person(id=ID, name="Ann")

    assert came == built  # the same values; only what to_dict writes differs
    restored = pickle.loads(pickle.dumps(came))
    assert restored == came
    assert restored.to_dict() == came.to_dict()


def _annotations(model: type) -> dict[str, str]:
    """The field annotations of a model as written (the models postpone their evaluation)."""
    return {name: str(hint) for name, hint in inspect.get_annotations(model).items()}


MODEL_NAMES = sorted(name for name in models.__all__ if hasattr(getattr(models, name), "from_dict"))


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_no_model_field_mentions_a_sentinel_type(name: str) -> None:
    model = getattr(models, name)
    source = inspect.getsource(model)

    assert "Unset" not in source and "UNSET" not in source
    for field_name, hint in _annotations(model).items():
        assert "Unset" not in hint, (name, field_name)


def test_an_optional_field_of_the_spec_is_typed_x_or_none() -> None:
    required = set(component_schema("Person").get("required", []))
    hints = _annotations(Person)

    assert "email" not in required and "id" in required
    assert hints["email"] == "str | None"
    assert hints["id"] == "str"


def test_an_answer_that_leaves_a_field_out_reads_none_through_the_client(
    fake_api: FakeAPI, client: LeelooClient
) -> None:
    fake_api.answer = lambda request: httpx.Response(
        200,
        json={"status": 1, "data": {"id": ID, "name": "Ann"}, "included": {}},
    )

    person = client.people.get(ID).data

    assert person.email is None
    assert person.to_dict() == {"id": ID, "name": "Ann"}


_USER_SCRIPT = """\
from leeloo_client import LeelooClient
from leeloo_client.models import Person, PersonSummary


def email_domain(person: Person | PersonSummary) -> str | None:
    if person.email is not None:
        return person.email.split("@")[1]
    return None


def domains(client: LeelooClient) -> list[str]:
    found: list[str] = []
    for person in client.people.iterate(limit=50):
        domain = email_domain(person)
        if domain is not None:
            found.append(domain)
    return found


def unchecked(person: Person) -> str:
    return person.email.upper()
"""


def test_mypy_strict_accepts_a_none_check_and_flags_a_missing_one(tmp_path: Path) -> None:
    script = tmp_path / "user_code.py"
    script.write_text(_USER_SCRIPT, encoding="utf-8")

    completed = run_mypy("--strict", "--config-file", str(ROOT / "pyproject.toml"), str(script))

    errors = [line for line in completed.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, completed.stdout
    unchecked_line = _USER_SCRIPT.splitlines().index("    return person.email.upper()") + 1
    assert f"user_code.py:{unchecked_line}:" in errors[0] and "None" in errors[0], completed.stdout
    assert "Unset" not in json.dumps(completed.stdout)


def test_the_package_exports_no_sentinel() -> None:
    assert not hasattr(leeloo_client, "Unset")
    assert not hasattr(leeloo_client, "UNSET")
