"""The user's data in the user's hands: encryption at rest, export, import, wipe.

Plain Python services (no typer, no textual): the CLI in `coach.cli.data` and
any screen call them with the paths or the context.
"""
