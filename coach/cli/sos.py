"""`coach sos [--country CC] [--json]`: crisis help in the shell, at once.

Loads no model, imports no Textual, reads no rule: the lines, the emergency
number and the user's own safety plan, printed straight away.
"""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("sos", help=t("sos.help"))
    def sos(
        ctx: typer.Context,
        country: str = typer.Option(None, "--country", help=t("sos.country_help"), metavar="CC"),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.safety.sos import build, render_text

        if country is not None:
            country = country.strip().upper()
            if len(country) != 2 or not country.isalpha():
                raise typer.BadParameter(
                    t("sos.bad_country", country=country), param_hint="--country"
                )
        context = get_context(ctx)
        # Crisis lines never wait on a passphrase prompt: on an encrypted store the plan
        # shows when COACH_PASSPHRASE (or COACH_PASSPHRASE_FILE) is set, else it is skipped.
        context.allow_prompt = False
        info = build(context, country=country)
        if as_json:
            emit_json(info.to_dict())
        else:
            typer.echo(render_text(info))
