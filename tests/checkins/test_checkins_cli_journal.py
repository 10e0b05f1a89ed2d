"""`coach journal`: free entries, thought records from the form, stdin, and the private editor."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

import coach.cli.journal as journal_cli
from coach.privacy.editor import scratch_roots

FORM = """\
# guidance lines are ignored
## Situation
Meeting with my manager moved to Friday.

## Moods (0-100)
anxious 80
sad: 40

## Automatic thoughts
They are going to let me go.
* I always mess things up.

## Thinking traps
fortune_telling, Overgeneralising

## Evidence for the hot thought
I missed a deadline in May.

## Evidence against the hot thought
My last review was good.

## Balanced thought
One missed deadline is not "always".

## Belief in the balanced thought (0-100)
70

## Moods now (0-100)
anxious 40
sad 20
"""


def test_free_entry(cli, context):
    r = cli("journal", "--text", "Walked by the river.", "--json")
    assert r.code == 0, r
    record = r.json()
    assert record["kind"] == "entry" and record["text"] == "Walked by the river."
    assert record["id"] == 1 and datetime.fromisoformat(record["at"]).utcoffset() is not None
    assert context.store.collection("journal").get(1)["text"] == "Walked by the river."


def test_thought_record_from_the_form(cli):
    r = cli("journal", "--thought-record", "--text", FORM, "--json")
    assert r.code == 0, r
    rec = r.json()
    assert rec["kind"] == "thought_record"
    assert rec["situation"] == "Meeting with my manager moved to Friday."
    assert rec["moods"] == [
        {"name": "anxious", "before": 80, "after": 40},
        {"name": "sad", "before": 40, "after": 20},
    ]
    assert rec["thoughts"] == [
        {"text": "They are going to let me go.", "hot": False},
        {"text": "I always mess things up.", "hot": True},
    ]
    assert rec["traps"] == ["fortune_telling", "overgeneralising"]
    assert rec["evidence_for"] == "I missed a deadline in May."
    assert rec["evidence_against"] == "My last review was good."
    assert rec["balanced"] == 'One missed deadline is not "always".'
    assert rec["belief"] == 70


def test_french_headings_and_trap_names(cli):
    form = (
        "## Situation\nRéunion annulée.\n## Émotions (0-100)\ntristesse 60\n"
        "## Pensées automatiques\nPersonne ne m'aime.\n## Pièges de pensée\nLecture de pensée\n"
        "## Émotions maintenant (0-100)\ntristesse 30\n"
    )
    r = cli("--lang", "fr", "journal", "--thought-record", "--text", form, "--json")
    assert r.code == 0, r
    rec = r.json()
    assert rec["traps"] == ["mind_reading"]
    assert rec["moods"] == [{"name": "tristesse", "before": 60, "after": 30}]
    assert rec["thoughts"] == [{"text": "Personne ne m'aime.", "hot": True}]  # the only one


def test_text_from_stdin(cli):
    r = cli("journal", "--text", "-", "--json", input="from a pipe\nsecond line\n")
    assert r.json()["text"] == "from a pipe\nsecond line"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["--text", "   "], None),
        (["--thought-record", "--text", "## Moods (0-100)\nsad 120\n## Situation\nx"], None),
        (["--thought-record", "--text", "## Thinking traps\nbeing_sad\n## Situation\nx"], None),
        (["--thought-record", "--text", "## Automatic thoughts\n* a\n* b\n"], None),
        (["--thought-record", "--text", "## Situation\n\n"], None),
        (["--thought-record", "--text", "## Feelings\nx"], None),
        (["--thought-record", "--text", "before any heading\n## Situation\nx"], None),
        (
            [
                "--thought-record",
                "--text",
                "## Situation\nx\n## Belief in the balanced thought (0-100)\nlots",
            ],
            None,
        ),
        ([], None),  # no terminal, no text
    ],
)
def test_bad_values(cli, context, args, stdin):
    r = cli("journal", *args, "--json", input=stdin)
    assert r.code == 1, r
    assert r.out == "" and r.err.startswith("coach: ") and r.err.count("\n") == 1
    assert context.store.collection("journal").all() == []


def test_a_crisis_entry_shows_help_and_is_kept(cli, context):
    r = cli("journal", "--text", "I want to kill myself tonight", "--json")
    assert r.code == 0 and "immediate danger" in r.err
    assert context.store.collection("journal").get(1)["text"].startswith("I want to kill")


FAKE_EDITOR = """
import json, os, stat, sys
path = sys.argv[-1]
folder = os.path.dirname(path)
log = os.environ["FAKE_EDITOR_LOG"]
with open(path, encoding="utf-8") as fh:
    template = fh.read()
with open(log, "a", encoding="utf-8") as fh:
    fh.write(json.dumps({
        "argv": sys.argv[1:],
        "path": path,
        "folder_mode": stat.S_IMODE(os.stat(folder).st_mode),
        "file_mode": stat.S_IMODE(os.stat(path).st_mode),
        "template": template,
    }) + "\\n")
with open(path, "a", encoding="utf-8") as fh:
    fh.write(os.environ["FAKE_EDITOR_TEXT"])
"""


@pytest.fixture
def fake_editor(tmp_path, monkeypatch):
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    log = tmp_path / "editor.log"
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("FAKE_EDITOR_LOG", str(log))
    monkeypatch.setattr(journal_cli, "interactive", lambda: True)

    def runs() -> list[dict]:
        return [json.loads(line) for line in log.read_text().splitlines()]

    return runs


def test_editor_in_a_private_folder_removed_afterwards(cli, context, fake_editor, monkeypatch):
    monkeypatch.setenv("FAKE_EDITOR_TEXT", "Today I wrote in my editor.\n# my own hash line\n")
    r = cli("journal", "--json")
    assert r.code == 0, r
    assert r.json()["text"] == "Today I wrote in my editor.\n# my own hash line"
    (run,) = fake_editor()
    path = Path(run["path"])
    assert any(path.is_relative_to(root) for root in scratch_roots(context.paths))
    assert run["folder_mode"] == 0o700 and run["file_mode"] == 0o600
    assert not path.exists() and not path.parent.exists()
    assert "Write freely" in run["template"]


def test_editor_untouched_saves_nothing(cli, context, fake_editor, monkeypatch):
    monkeypatch.setenv("FAKE_EDITOR_TEXT", "")
    r = cli("journal")
    assert r.code == 0 and "nothing saved" in r.err.lower()
    assert context.store.collection("journal").all() == []


def test_editor_thought_record(cli, fake_editor, monkeypatch):
    monkeypatch.setenv("FAKE_EDITOR_TEXT", "\n## Situation\nA call I dreaded.\n")
    r = cli("journal", "--thought-record", "--json")
    assert r.code == 0, r
    assert r.json()["situation"] == "A call I dreaded."
    (run,) = fake_editor()
    assert "## Evidence against the hot thought" in run["template"]
    assert "mind_reading" in run["template"]  # the traps are listed to pick from


def test_editor_failure_saves_nothing(cli, context, fake_editor, monkeypatch):
    monkeypatch.setenv("EDITOR", f"{sys.executable} -c 'raise SystemExit(3)'")
    r = cli("journal")
    assert r.code == 1 and r.err.startswith("coach: ")
    assert context.store.collection("journal").all() == []


def test_editor_form_with_a_mistake_offers_to_edit_again(cli, context, fake_editor, monkeypatch):
    monkeypatch.setenv("FAKE_EDITOR_TEXT", "\n## Situation\nx\n## Moods (0-100)\nsad 400\n")
    r = cli("journal", "--thought-record", input="y\nn\n")
    assert r.code == 1 and "0 to 100" in r.err
    runs = fake_editor()
    assert len(runs) == 2  # opened again once, then the person gave up
    assert "sad 400" in runs[1]["template"]  # the second time, their own text came back
    assert context.store.collection("journal").all() == []


def test_delete_an_entry(cli, context):
    cli("journal", "--text", "first")
    cli("journal", "--text", "second")
    r = cli("journal", "--delete", "1", "--json")
    assert r.code == 0 and r.json() == {"deleted": 1}
    assert [e["text"] for e in context.store.collection("journal").all()] == ["second"]
    for bad in ("1", "99", "x", "-2"):
        r = cli("journal", "--delete", bad)
        assert r.code == 1 and r.err.startswith("coach: ") and r.err.count("\n") == 1
    assert len(context.store.collection("journal").all()) == 1
