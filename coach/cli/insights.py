"""`coach insights`: mood over 7/30/90 days, check-in days, streaks, what helps, early signals."""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("insights", help=t("insights.help"))
    def insights(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.services import insights as service

        context = get_context(ctx)
        data = service.compute(context)
        titles = service.exercise_titles(context, [e.exercise_id for e in data.exercises])
        if as_json:
            payload = data.to_dict()
            for effect in payload["exercises"]:
                effect["title"] = titles[effect["exercise_id"]]
            emit_json(payload)
            return
        for line in render(context, data, titles):
            typer.echo(line)


def render(context, data, titles: dict[str, str]) -> list[str]:
    from datetime import datetime

    from coach.services import charts
    from coach.services import insights as service
    from coach.services.screenings import band_label, questionnaires

    lang = context.lang
    out = [t("insights.mood_title", lang)]
    if data.checkins == 0:
        out.append("  " + t("insights.no_checkins", lang))
    for window in data.windows:
        label = t("insights.window", lang, days=window.days)
        if window.average is None:
            detail = t("insights.window_empty", lang)
        else:
            detail = t(
                "insights.window_detail",
                lang,
                avg=charts.number(window.average, 1, lang),
                n=window.count,
            )
        spark = window.sparkline if window.days <= 30 else _squeeze(window.series)
        out.append(f"  {label:<10} {spark}  {detail}")
    out += ["", t("insights.calendar_title", lang)]
    today = datetime.fromisoformat(data.as_of).date()
    names = t("insights.weekdays", lang).split()
    out += ["  " + row for row in charts.calendar_rows(data.calendar, today, 13, names)]
    out.append(
        "  " + t("insights.streak", lang, current=data.streak_current, longest=data.streak_longest)
    )
    out += ["", t("insights.exercises_title", lang)]
    if not data.exercises:
        out.append("  " + t("insights.no_exercises", lang))
    for effect in data.exercises:
        title = titles.get(effect.exercise_id, effect.exercise_id)
        if effect.average_change is None:
            change = t("insights.no_ratings", lang, n=effect.sessions)
        else:
            change = t(
                "insights.change",
                lang,
                change=charts.number(effect.average_change, 1, lang, sign=True)
                + (" " + t("insights.urge_mark", lang) if effect.lower_is_better else ""),
                rated=effect.rated,
                n=effect.sessions,
            )
        out.append(f"  {title:<28} {change}")
    out += ["", t("insights.screenings_title", lang)]
    if not data.screenings:
        out.append("  " + t("insights.no_screenings", lang))
    for result in data.screenings:
        q = questionnaires().get(result["questionnaire"])
        name = q.short if q else result["questionnaire"]
        band = band_label(result["questionnaire"], result["band"], lang)
        out.append(f"  {name:<6} {result['total']:>2} · {band} ({result['at'][:10]})")
    if data.signal.active:
        out += ["", *service.signal_lines(data.signal, lang)]
        out.append(t("insights.signal_cli_plan", lang))
    return out


def _squeeze(series: list[float | None]) -> str:
    """90 days as 30 three-day bars, so the line fits a terminal."""
    from coach.services.charts import sparkline, squeeze

    return sparkline(squeeze(series))
