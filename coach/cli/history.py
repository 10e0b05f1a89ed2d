"""`coach history`: everything stored, newest first, for a person or a script."""

from __future__ import annotations

from typing import Any

import typer

from coach.cli.common import emit_json, emit_nl, get_context, say
from coach.errors import CoachError, UsageError
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("history", help=t("checkin.history_help"))
    def history(
        ctx: typer.Context,
        days: str = typer.Option(None, "--days", metavar="N", help=t("checkin.days_help")),
        kind: str = typer.Option(
            None,
            "--kind",
            metavar="checkin|screening|journal|exercise",
            help=t("checkin.kind_help"),
        ),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
        as_csv: bool = typer.Option(False, "--csv", help=t("checkin.csv_help")),
        as_nl: bool = typer.Option(False, "--nl", help=t("cli.nl_help")),
    ) -> None:
        from coach.services.history import timeline, to_csv

        if sum((as_json, as_csv, as_nl)) > 1:
            raise UsageError(t("checkin.history_one_format"))
        number = None
        if days is not None:
            if not days.strip().isdigit():
                raise CoachError(t("checkin.history_bad_days", days=days))
            number = int(days)
        context = get_context(ctx)
        items = timeline(context, days=number, kind=kind)
        if as_json:
            emit_json(items)
        elif as_nl:
            emit_nl(items)
        elif as_csv:
            typer.echo(to_csv(items), nl=False)
        elif not items:
            say(t("checkin.history_empty"))
        else:
            titles = {}
            exercise_ids = sorted({i["exercise_id"] for i in items if i["kind"] == "exercise"})
            if exercise_ids:
                from coach.services.insights import exercise_titles

                titles = exercise_titles(context, exercise_ids)
            for item in items:
                typer.echo(line(item, context, titles))


def line(item: dict[str, Any], context, titles: dict[str, str] | None = None) -> str:
    """One readable line for an item of the timeline."""
    from datetime import datetime

    when = datetime.fromisoformat(item["at"]).astimezone(context.now().tzinfo)
    head = f"{when:%Y-%m-%d %H:%M}  {t('checkin.kind.' + item['kind']):<13}"
    return f"{head}  {describe(item, titles or {})}"


def describe(item: dict[str, Any], titles: dict[str, str] | None = None) -> str:
    kind = item["kind"]
    if kind == "checkin":
        parts = [t("checkin.line_mood", mood=item["mood"])]
        if item.get("energy") is not None:
            parts.append(t("checkin.line_energy", n=item["energy"]))
        if item.get("anxiety") is not None:
            parts.append(t("checkin.line_anxiety", n=item["anxiety"]))
        if item.get("sleep_hours") is not None:
            parts.append(t("checkin.line_sleep", h=_hours(item["sleep_hours"])))
        parts += [f"#{tag}" for tag in item.get("tags") or ()]
        text = " · ".join(parts)
        note = " ".join((item.get("note") or "").split())
        return f"{text} — {note}" if note else text
    if kind == "screening":
        from coach.services.screenings import band_label, questionnaires

        q = questionnaires().get(item["questionnaire"])
        name = q.short if q else item["questionnaire"]
        maximum = q.max_total if q else "?"
        band = band_label(item["questionnaire"], item["band"])
        return f"{name} {item['total']}/{maximum} · {band}"
    if kind == "journal":
        from coach.services.journal import summary

        label = t("checkin.journal_kind." + item.get("journal_kind", "entry"))
        return f"{label}: {summary({**item, 'kind': item.get('journal_kind')})}"
    minutes = round((item.get("duration_s") or 0) / 60)
    exercise_id = item.get("exercise_id", "?")
    parts = [(titles or {}).get(exercise_id, exercise_id), t("checkin.line_minutes", n=minutes)]
    if item.get("rating_before") is not None and item.get("rating_after") is not None:
        parts.append(f"{item['rating_before']} → {item['rating_after']}")
    if not item.get("completed"):
        parts.append(t("checkin.line_stopped"))
    return " · ".join(parts)


def _hours(value: float) -> str:
    from coach.i18n import language

    text = f"{value:g}"
    return text.replace(".", ",") if language() == "fr" else text
