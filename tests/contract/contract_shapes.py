"""The scripting contract, read from `docs/scripting.md` itself.

Each `### \\`coach ...\\`` section of the page holds a ```console block (the
example: setup lines, then the command) and a ```json block (the shape). The
tests run the examples and check the output against the shapes, so the page
and the program cannot drift apart.

Shapes are JSON whose leaves name types: `int`, `float` (an int is a float too),
`str`, `bool`, `null`, `any`, `datetime` (ISO 8601 with an offset), `date`,
joined with `|` for either. `[shape]` is a list of that shape, `[]` any list.
An object lists every key (`"key?"`: may be absent); `"...": "any"` allows more
keys; `{"*": shape}` is a map. `"@name"` refers to a block opened with ```json shape=name.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parents[2] / "docs" / "scripting.md"


@dataclass
class Line:
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    input: str | None = None


@dataclass
class Example:
    path: str  # "remind add"
    lines: list[Line]
    shape: Any
    skip: str | None = None

    @property
    def command(self) -> Line:
        return self.lines[-1]


def _line(text: str) -> Line:
    words = shlex.split(text)
    stdin = None
    if "|" in words:
        cut = words.index("|")
        left, words = words[:cut], words[cut + 1 :]
        if left[:1] != ["echo"]:
            raise ValueError(f"only `echo ... |` is understood: {text}")
        stdin = " ".join(left[1:]) + "\n"
    env = {}
    while words and re.match(r"^[A-Z_][A-Z0-9_]*=", words[0]):
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    if words[:1] != ["coach"]:
        raise ValueError(f"an example line must run coach: {text}")
    return Line(words[1:], env, stdin)


def parse(text: str) -> tuple[list[Example], dict[str, Any]]:
    named: dict[str, Any] = {}
    for name, body in re.findall(r"```json shape=(\w+)\n(.*?)```", text, re.S):
        named[name] = json.loads(body)
    examples = []
    for match in re.finditer(r"^### `coach ([a-z -]+)`\n(.*?)(?=^#{1,3} |\Z)", text, re.S | re.M):
        path, body = match.group(1).strip(), match.group(2)
        console = re.search(r"```console\n(.*?)```", body, re.S)
        shape = re.search(r"```json\n(.*?)```", body, re.S)
        skip = re.search(r"<!-- not run: (.*?) -->", body)
        if console is None or shape is None:
            raise ValueError(f"section `coach {path}` needs a console and a json block")
        lines = [_line(s[2:]) for s in console.group(1).splitlines() if s.startswith("$ ")]
        examples.append(
            Example(path, lines, json.loads(shape.group(1)), skip.group(1) if skip else None)
        )
    return examples, named


def load() -> tuple[list[Example], dict[str, Any]]:
    return parse(DOC.read_text(encoding="utf-8"))


def _is(value: Any, name: str) -> bool:
    if name == "any":
        return True
    if name == "null":
        return value is None
    if name == "bool":
        return isinstance(value, bool)
    if name == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "str":
        return isinstance(value, str)
    if name == "datetime":
        try:
            return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
        except ValueError:
            return False
    if name == "date":
        try:
            return isinstance(value, str) and bool(date.fromisoformat(value))
        except ValueError:
            return False
    raise ValueError(f"unknown type {name!r} in docs/scripting.md")


def mismatches(value: Any, shape: Any, named: dict[str, Any], where: str = "$") -> list[str]:
    """Every place where `value` departs from `shape` (empty: it matches)."""
    if isinstance(shape, str) and shape.startswith("@") and "|" not in shape:
        return mismatches(value, named[shape[1:]], named, where)
    if isinstance(shape, str):
        options = shape.split("|")
        refs = [o for o in options if o.startswith("@")]
        if any(_is(value, o) for o in options if not o.startswith("@")):
            return []
        if any(not mismatches(value, named[r[1:]], named, where) for r in refs):
            return []
        return [f"{where}: {json.dumps(value)[:80]} is not {shape}"]
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        out: list[str] = []
        if shape:
            for i, item in enumerate(value):
                out += mismatches(item, shape[0], named, f"{where}[{i}]")
        return out
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {type(value).__name__}"]
        if set(shape) == {"*"}:
            out = []
            for key, item in value.items():
                out += mismatches(item, shape["*"], named, f"{where}.{key}")
            return out
        # `"key?"` is a key that may be absent.
        keys = {k.rstrip("?"): sub for k, sub in shape.items() if k != "..."}
        needed = [k for k in shape if k != "..." and not k.endswith("?")]
        out = [f"{where}: missing key {k!r}" for k in needed if k not in value]
        if "..." not in shape:
            out += [f"{where}: undocumented key {k!r}" for k in value if k not in keys]
        for key, sub in keys.items():
            if key in value:
                out += mismatches(value[key], sub, named, f"{where}.{key}")
        return out
    raise ValueError(f"bad shape {shape!r}")


def app_commands() -> dict[str, Any]:
    """Every leaf command of the real app, by path ("remind add"), hidden ones included."""
    from typer.main import get_command

    from coach.cli.main import build_app

    found: dict[str, Any] = {}

    def walk(command: Any, path: list[str]) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
        elif path:
            found[" ".join(path)] = command

    walk(get_command(build_app()), [])
    return found


def options_of(command: Any) -> set[str]:
    return {o for p in command.params for o in getattr(p, "opts", [])}
