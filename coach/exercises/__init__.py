"""Exercises as data: the schema and loader of `exercises/*.toml`, the plan and the engine
that walk them, and the sessions service that keeps every run. No Textual, no Typer here."""
