"""The insights screen on fixture data with a fixed clock, for the snapshot test."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkins_data import FIXED, seed

from coach.context import Context
from coach.tui.app import CoachApp

_base = Context.load(lang="en")
context = Context(_base.paths, _base.config, clock=lambda: FIXED)
# Exercise ids that ship with no library file: the snapshot shows them as they are,
# whatever titles the shipped exercises carry.
seed(context, exercises=("breath-demo", "ground-demo", "urge-demo", "scan-demo"))
app = CoachApp(context, start="insights")
