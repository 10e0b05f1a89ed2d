"""The command line: a root Typer app and one module per command group.

Each module here defines `register(app)`; `coach.cli.main` finds them. Nothing
heavy (Textual, llama.cpp) is imported at module level: scripted commands
must start fast.
"""
