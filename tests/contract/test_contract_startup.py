"""Scripted commands never import Textual or llama.cpp, and print no colour when piped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import contract_shapes as cs

EXAMPLES, _ = cs.load()
HEAVY = ("textual", "llama_cpp")

# Runs each example in one child process (each in its own COACH_HOME), then the
# same final command without --json; reports the heavy modules loaded so far.
CHILD = r"""
import contextlib, io, json, os, sys
from coach.cli.main import main
plan = json.loads(sys.stdin.read())
heavy = tuple(plan["heavy"])
report = []
def run(argv, env, stdin):
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    sys.stdin = io.StringIO(stdin or "")
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return code, out.getvalue(), err.getvalue()
for step in plan["steps"]:
    os.environ["COACH_HOME"] = step["home"]
    outputs = []
    for argv, env, stdin in step["lines"]:
        outputs.append(run(argv, env, stdin))
    loaded = [m for m in heavy if m in sys.modules]
    report.append({"name": step["name"], "loaded": loaded, "outputs": outputs})
    if loaded:
        break
print(json.dumps(report))
"""


def _plan(tmp_path: Path) -> dict:
    steps = [
        {"name": "--help", "home": str(tmp_path / "h0"), "lines": [[["--help"], {}, None]]},
        {"name": "--version", "home": str(tmp_path / "h1"), "lines": [[["--version"], {}, None]]},
    ]
    for i, example in enumerate(EXAMPLES):
        if example.skip:
            continue
        lines = [[line.argv, line.env, line.input] for line in example.lines]
        last = example.command
        plain = [w for w in last.argv if w != "--json"]
        lines.append([plain, last.env, last.input])
        steps.append({"name": example.path, "home": str(tmp_path / f"e{i}"), "lines": lines})
    return {"heavy": list(HEAVY), "steps": steps}


def test_scripted_commands_load_no_tui_and_no_model_runtime(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update({"COLUMNS": "100", "TERM": "xterm-256color"})  # a colour terminal, were it one
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(_plan(tmp_path)),
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    offenders = [(r["name"], r["loaded"]) for r in report if r["loaded"]]
    assert not offenders, f"scripted commands imported {offenders}"
    assert len(report) == len(_plan(tmp_path)["steps"])
    # Piped output: no colour codes anywhere, on stdout or stderr.
    for step in report:
        for _code, out, err in step["outputs"]:
            assert "\x1b[" not in out and "\x1b[" not in err, (step["name"], out[:200], err[:200])
            assert "Traceback" not in err, (step["name"], err[-500:])


def test_import_time_of_help_has_no_heavy_module(tmp_path: Path) -> None:
    """`python -X importtime -m coach --help`: the loader's own record of every import."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coach", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COACH_HOME": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "typer" in imported or any(m.startswith("typer") for m in imported)
    for heavy in HEAVY:
        assert not any(m == heavy or m.startswith(heavy + ".") for m in imported), heavy
