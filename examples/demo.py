"""`make demo`: the main job end to end, on this machine, with no account and no network.

1. validate the spec (the operations it describes are listed once, by the mock in step 3);
2. compare it with the docs page it was transcribed from (the docs-drift check);
3. start `leeloo-mock --stateful` on a free port (``mock_server._serving.serving_command``); it
   prints the table of operations it serves;
4. run the client quickstart (`examples/quickstart.py`) against it: list tags, find a person by
   e-mail, tag them, send a message — through the generated `leeloo_client`;
5. read the person back to show that the mock remembered the tag, then stop the mock.

The token is a made-up one for the mock: the real one is never needed here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from mock_server._serving import ServerStartError, serving_command

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "openapi.yaml"
PAGE = ROOT / "spec" / "source" / "leeloo-api-v2-2026-01-ru.txt"  # the spec's source (the Makefile's PAGE)
DEMO_TOKEN = "demo-token"  # the mock's own token (passed with --token); not a Leeloo secret
PERSON_ID = "5e1c7ce2b4066a01900cdba0"  # Feliks, from the spec's GET /people example
BIN = Path(sys.executable).parent


def step(title: str) -> None:
    print(f"\n=== {title}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a step; stop the demo with its exit status when it fails."""
    completed = subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def mock_command(port: int) -> list[str]:
    """The installed ``leeloo-mock``, stateful, on ``port``, taking the demo's token."""
    return [str(BIN / "leeloo-mock"), str(SPEC), "--port", str(port), "--stateful", "--token", DEMO_TOKEN]


def main() -> int:
    step("1. The spec")
    run(sys.executable, "-m", "openapi_document.spec_check", SPEC)  # the mock prints the table below

    step("2. The spec against the docs page")
    run(sys.executable, "-m", "generator.docs_drift", PAGE, SPEC)

    step("3. leeloo-mock --stateful")
    try:  # its banner and request log go to this terminal; it is stopped when the block ends
        with serving_command(
            mock_command, name="leeloo-mock", cwd=ROOT, start_timeout_s=15, capture_output=False
        ) as mock:
            try:
                use_the_mock(mock.url + "/api/v2")
            finally:
                step("6. Stopping the mock")
    except ServerStartError as exc:
        sys.exit(str(exc))
    print("\ndemo finished: spec valid, docs in step, client and mock agree")
    return 0


def use_the_mock(base_url: str) -> None:
    """Steps 4 and 5: the client quickstart against the mock, then the person it tagged read back."""
    step("4. The client quickstart against the mock")
    env = {**os.environ, "LEELOO_AUTH_TOKEN": DEMO_TOKEN, "LEELOO_BASE_URL": base_url}
    run(sys.executable, ROOT / "examples" / "quickstart.py", "--email", "feliks@gmail.com", env=env)

    step("5. The mock remembered: GET /people/{person_id}")
    answer = httpx.get(f"{base_url}/people/{PERSON_ID}", headers={"X-Leeloo-AuthToken": DEMO_TOKEN})
    person = answer.json()["data"]
    print(f"{answer.status_code}: {person['name']} now has the tags {person.get('tags')}")


if __name__ == "__main__":
    sys.exit(main())
