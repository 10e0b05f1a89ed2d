"""Helpers every command group shares: the context, output on stdout, messages on stderr."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import Any

import typer

from coach.context import Context
from coach.errors import CoachError


def get_context(ctx: typer.Context) -> Context:
    root = ctx.find_root()
    if not isinstance(root.obj, Context):
        root.obj = Context.load()
    return root.obj


def interactive() -> bool:
    """True when a person is at the keyboard: prompts and the TUI are allowed."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def color_allowed() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=_default)


def emit_json(data: Any) -> None:
    """Data for scripts: one JSON document on stdout."""
    sys.stdout.write(to_json(data) + "\n")
    sys.stdout.flush()


def emit_nl(items: Iterable[Any]) -> None:
    """Data for scripts: one JSON object a line (`--nl`)."""
    for item in items:
        sys.stdout.write(to_json(item) + "\n")
    sys.stdout.flush()


def say(message: str) -> None:
    """A message for the person, not data: stderr."""
    print(message, file=sys.stderr)


def fail(message: str, code: int = 1) -> None:
    error = CoachError(message)
    error.exit_code = code
    raise error


def open_tui(context: Context, screen: str | None = None, **options: Any) -> None:
    """Start the Textual app (imported only now: scripted commands never pay for it)."""
    if not interactive():
        from coach.i18n import t

        fail(t("cli.no_terminal"), 1)
    if screen != "sos":
        # An encrypted store asks its passphrase now, before the TUI owns the terminal;
        # crisis help never waits on it (the SOS screen works with the store locked).
        _ = context.store
    context.allow_prompt = False
    from coach.tui.app import CoachApp

    CoachApp(context, start=screen, start_options=options).run()
