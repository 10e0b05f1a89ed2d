"""`coach report`: a Markdown summary to bring to a doctor or a therapist."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coach.cli.common import emit_json, get_context, say
from coach.errors import CoachError
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("report", help=t("insights.report_help"))
    def report(
        ctx: typer.Context,
        days: str = typer.Option("30", "--days", metavar="N", help=t("insights.report_days_help")),
        out: Annotated[
            Path | None,
            typer.Option("--out", metavar="FILE", help=t("insights.report_out_help")),
        ] = None,
        with_notes: bool = typer.Option(
            False, "--with-notes", help=t("insights.report_notes_help")
        ),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.services import report as service

        if not days.strip().isdigit():
            raise CoachError(t("insights.report_bad_days", days=days, max=service.MAX_DAYS))
        context = get_context(ctx)
        markdown = service.build(context, days=int(days), with_notes=with_notes)
        if out is not None:
            service.write_file(out, markdown)
        if as_json:
            emit_json(
                {
                    "days": int(days),
                    "with_notes": with_notes,
                    "path": str(out.resolve()) if out is not None else None,
                    "markdown": markdown,
                }
            )
        elif out is None:
            typer.echo(markdown, nl=False)
        if out is not None:
            say(t("insights.report_written", path=out))
