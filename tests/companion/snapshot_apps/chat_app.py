"""The chat screen of a first run: no model yet, the offer to download it with one key."""

from __future__ import annotations

from coach.context import Context
from coach.tui.app import CoachApp

app = CoachApp(Context.load(lang="en"), start="chat")
