"""`coach nudge`: one kind line for a prompt, a status bar or a timer."""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("nudge", help=t("nudge.help"))
    def nudge(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.reminders.nudge import QUIET_JSON, compute

        found = compute(get_context(ctx))
        if as_json:
            emit_json(found.to_json() if found else QUIET_JSON)
        elif found is not None:
            typer.echo(found.text)
        # Quiet hours: nothing at all on stdout, and still exit 0.
