"""The SOS screen for the snapshot test: the country comes from COACH_COUNTRY, a short plan."""

from __future__ import annotations

from coach.context import Context
from coach.safety import plan
from coach.tui.app import CoachApp

context = Context.load(lang="en")
plan.add(context, "warning_signs", "I stop answering messages")
plan.add(context, "ask_for_help", "Sam 06 12 34 56 78")
plan.add(context, "reasons", "My cat Miso")
app = CoachApp(context)
