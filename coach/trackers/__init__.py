"""Recovery trackers: days since a start, slips that keep the history, pledges,
reviews, milestones and triggers; and the harm-reduction cards.

Plain Python: nothing here imports Textual or Typer.
"""
