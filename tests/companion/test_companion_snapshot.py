"""What a first chat looks like: the AI notice, the missing model, the one-key download."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_apps" / "chat_app.py"


def test_first_chat_snapshot(snap_compare):
    async def until_missing(pilot) -> None:
        for _ in range(400):  # bounded: the worker finds no model quickly
            if getattr(pilot.app.screen, "state", "") == "missing":
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(APP, terminal_size=(100, 24), run_before=until_missing)
