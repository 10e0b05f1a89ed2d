"""Pinned screens of the frame: home on an empty day, and the keys."""

from __future__ import annotations

from datetime import UTC, datetime

from coach.config import load
from coach.context import Context
from coach.paths import resolve
from coach.tui.app import CoachApp


def _app(lang: str) -> CoachApp:
    p = resolve()
    config = load(p, environ={}).with_overrides(language=lang)
    fixed = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    context = Context(p, config, clock=lambda: fixed)
    return CoachApp(context)


def test_home_snapshot(snap_compare) -> None:
    assert snap_compare(_app("en"), terminal_size=(100, 34))


def test_help_snapshot_in_french(snap_compare) -> None:
    from coach.i18n import set_language

    set_language("fr")
    assert snap_compare(_app("fr"), press=["f2"], terminal_size=(100, 40))
