"""Domain services: plain Python between the interfaces (CLI, TUI) and the store.

Each module holds one concern (check-ins, screenings, journal, ...). None of
them imports Textual or Typer; each takes the `Context` (or the store and a
clock) as an argument, so tests drive them with a fixed clock.
"""
