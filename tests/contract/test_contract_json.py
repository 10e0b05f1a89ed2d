"""Every command with `--json` prints valid JSON of the shape `docs/scripting.md` documents."""

from __future__ import annotations

import json

import contract_shapes as cs
import pytest

EXAMPLES, NAMED = cs.load()
COMMANDS = cs.app_commands()


def _has(path: str, option: str) -> bool:
    command = COMMANDS.get(path)
    return command is not None and option in cs.options_of(command)


def test_every_command_with_json_is_documented() -> None:
    with_json = {p for p, c in COMMANDS.items() if "--json" in cs.options_of(c) and not c.hidden}
    documented = {e.path for e in EXAMPLES}
    missing = sorted(with_json - documented)
    assert not missing, f"add a section to docs/scripting.md for: {missing}"
    stale = sorted(p for p in documented if not _has(p, "--json"))
    assert not stale, f"docs/scripting.md documents commands without --json: {stale}"


def test_each_example_ends_with_its_own_command() -> None:
    for example in EXAMPLES:
        words = example.command.argv
        assert " ".join(words[: len(example.path.split())]) == example.path, example.path
        assert "--json" in words, example.path


def test_the_shape_checker_is_strict() -> None:
    """The checks below mean something: wrong types, missing and extra keys are caught."""
    shape = {"id": "int", "at": "datetime", "tags": ["str"], "note": "str|null"}
    good = {"id": 1, "at": "2026-03-06T21:00:00+01:00", "tags": ["a"], "note": None}
    assert cs.mismatches(good, shape, {}) == []
    assert cs.mismatches({**good, "id": True}, shape, {})
    assert cs.mismatches({**good, "at": "2026-03-06T21:00:00"}, shape, {})  # no offset
    assert cs.mismatches({**good, "tags": [1]}, shape, {})
    assert cs.mismatches({k: v for k, v in good.items() if k != "note"}, shape, {})
    assert cs.mismatches({**good, "extra": 1}, shape, {})
    assert cs.mismatches({**good, "extra": 1}, {**shape, "...": "any"}, {}) == []
    assert cs.mismatches([good], ["@x"], {"x": shape}) == []
    optional = {"id": "int", "hours?": "str"}
    assert cs.mismatches({"id": 1}, optional, {}) == []
    assert cs.mismatches({"id": 1, "hours": 3}, optional, {})


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path)
def test_json_output_matches_the_docs(example: cs.Example, cli, monkeypatch) -> None:
    if example.skip:
        pytest.skip(example.skip)
    result = None
    for line in example.lines:
        with monkeypatch.context() as env:
            for key, value in line.env.items():
                env.setenv(key, value)
            result = cli(*line.argv, input=line.input)
        assert result.code == 0, (line.argv, result.err)
    data = json.loads(result.out)  # one JSON document, nothing else on stdout
    problems = cs.mismatches(data, example.shape, NAMED)
    assert not problems, "\n".join(problems)


NL = [e for e in EXAMPLES if _has(e.path, "--nl") and not e.skip]


def test_list_commands_offer_nl() -> None:
    assert {"history", "track list", "remind list"} <= {e.path for e in NL}


@pytest.mark.parametrize("example", NL, ids=lambda e: e.path)
def test_nl_prints_one_documented_object_a_line(example: cs.Example, cli, monkeypatch) -> None:
    for line in example.lines[:-1]:
        with monkeypatch.context() as env:
            for key, value in line.env.items():
                env.setenv(key, value)
            assert cli(*line.argv, input=line.input).code == 0
    argv = ["--nl" if word == "--json" else word for word in example.command.argv]
    result = cli(*argv)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines, "the example should list something"
    item_shape = example.shape[0] if isinstance(example.shape, list) else example.shape
    for text in lines:
        assert cs.mismatches(json.loads(text), item_shape, NAMED) == []
