"""Check a request's credentials against an operation's security requirements.

Prism only checks that a credential is present; with ``valid_tokens`` the mock also rejects a
wrong token, so that a client's "bad token" path can be tested (schemathesis' ``ignored_auth``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from mock_server.stages.problems import Issue


@dataclass(frozen=True)
class Credential:
    """Where one security scheme carries its credential."""

    scheme: str
    kind: str  # apiKey, bearer, basic, other
    location: str  # header, query, cookie
    name: str  # header names lower-case, to look them up
    label: str  # the name as the spec spells it, for messages

    @property
    def challenge(self) -> str:
        """The ``WWW-Authenticate`` challenge that tells a client what to send."""
        if self.kind == "bearer":
            return 'Bearer realm="leeloo-mock"'
        if self.kind == "basic":
            return 'Basic realm="leeloo-mock"'
        return f'ApiKey realm="leeloo-mock", {self.location}="{self.label}"'


@dataclass(frozen=True)
class SecurityFailure:
    """Why no alternative of the requirement is met."""

    issues: tuple[Issue, ...]
    challenges: tuple[str, ...]
    missing: bool  # True when no credential was sent at all


def compile_requirements(
    requirements: Sequence[Mapping[str, Any]], schemes: Mapping[str, Mapping[str, Any]]
) -> tuple[tuple[Credential, ...], ...]:
    """The alternatives of an operation's ``security``: any one of them, all its schemes, must pass.

    An empty tuple means the operation is open; so does an empty alternative (``{}``).
    """
    alternatives: list[tuple[Credential, ...]] = []
    for requirement in requirements:
        credentials: list[Credential] = []
        for scheme_name in requirement:
            scheme = schemes.get(scheme_name, {})
            kind = str(scheme.get("type", "other"))
            if kind == "apiKey":
                location = str(scheme.get("in", "header"))
                name = str(scheme.get("name", ""))
                key = name.lower() if location == "header" else name
                credentials.append(Credential(scheme_name, "apiKey", location, key, name))
            elif kind == "http":
                http_scheme = str(scheme.get("scheme", "bearer")).lower()
                kind = http_scheme if http_scheme in ("bearer", "basic") else "other"
                credentials.append(Credential(scheme_name, kind, "header", "authorization", "Authorization"))
            else:  # oauth2 / openIdConnect carry a bearer token
                credentials.append(
                    Credential(scheme_name, "bearer", "header", "authorization", "Authorization")
                )
        if not credentials:
            return ()
        alternatives.append(tuple(credentials))
    return tuple(alternatives)


def _credential_value(
    credential: Credential, headers: Mapping[str, str], query: Mapping[str, Sequence[str]]
) -> str | None:
    if credential.location == "header":
        value = headers.get(credential.name)
    elif credential.location == "query":
        values = query.get(credential.name)
        value = values[0] if values else None
    else:
        cookie = SimpleCookie(headers.get("cookie", ""))
        morsel = cookie.get(credential.name)
        value = morsel.value if morsel is not None else None
    if value is None:
        return None
    if credential.kind in ("bearer", "basic"):
        prefix, _, token = value.partition(" ")
        if prefix.lower() != credential.kind or not token.strip():
            return ""
        return token.strip()
    return value.strip()


def check_security(
    alternatives: tuple[tuple[Credential, ...], ...],
    headers: Mapping[str, str],
    query: Mapping[str, Sequence[str]],
    valid_tokens: Collection[str] | None,
) -> SecurityFailure | None:
    """``None`` when one alternative is satisfied, else every reason none is."""
    if not alternatives:
        return None
    issues: list[Issue] = []
    missing = True
    for credentials in alternatives:
        failed = False
        for credential in credentials:
            value = _credential_value(credential, headers, query)
            if not value:
                failed = True
                issues.append(
                    Issue(
                        "security", _display_name(credential), _missing_message(credential, value), "REQUIRED"
                    )
                )
                continue
            missing = False
            if valid_tokens is not None and value not in valid_tokens:
                failed = True
                issues.append(
                    Issue("security", _display_name(credential), "The token is not valid.", "NOT_VALID")
                )
        if not failed:
            return None
    challenges = tuple(dict.fromkeys(c.challenge for creds in alternatives for c in creds))
    return SecurityFailure(tuple(dict.fromkeys(issues)), challenges, missing)


def _display_name(credential: Credential) -> str:
    return credential.label


def _missing_message(credential: Credential, value: str | None) -> str:
    if value == "" and credential.kind in ("bearer", "basic"):
        return f"The Authorization header must use the {credential.kind.capitalize()} scheme."
    where = {"header": "header", "query": "query parameter", "cookie": "cookie"}[credential.location]
    return f"The {_display_name(credential)} {where} is missing or empty."
