"""A snapshot of the insights screen on fixture data (fixed clock)."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_apps" / "insights_app.py"


async def _loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_insights_snapshot(snap_compare, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    assert snap_compare(APP, terminal_size=(100, 56), run_before=_loaded)
