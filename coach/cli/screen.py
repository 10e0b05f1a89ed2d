"""`coach screen phq9|gad7`: a questionnaire, asked or answered from a script.

A screening, never a diagnosis. When PHQ-9 item 9 is above 0 the crisis block
goes to stderr before any score is shown, and the JSON says `safety_followup`.
"""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.errors import CoachError
from coach.i18n import pick, t


def register(app: typer.Typer) -> None:
    @app.command("screen", help=t("screening.help"))
    def screen(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="phq9|gad7", help=t("screening.name_help")),
        answers: str = typer.Option(
            None, "--answers", metavar="0,1,2,...", help=t("screening.answers_help")
        ),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.services import screenings

        context = get_context(ctx)
        q = screenings.get(name.strip().lower().replace("-", ""))
        if answers is not None:
            values = screenings.parse_answers(q, answers)
        elif interactive():
            values = _ask(q)
        else:
            raise CoachError(t("screening.need_answers", name=q.id, n=len(q.items)))
        result = screenings.score(q, values)
        if result.safety_followup:
            # Before any score: what matters first is that help is there.
            say(item9_block(context))
        stored = screenings.save(context, result)
        if as_json:
            emit_json(
                {
                    **stored,
                    "max": q.max_total,
                    "band_label": q.band(result.total).label(context.lang),
                }
            )
            return
        for line in summary_lines(q, stored, context.lang):
            typer.echo(line)


def item9_block(context) -> str:
    """Crisis lines and the person's plan, introduced for what they answered (not wrote)."""
    from coach.safety.sos import build, render_text

    rule = "─" * 60
    text = render_text(build(context, detected=False))
    return f"{rule}\n{t('screening.item9_followup', context.lang)}\n\n{text}\n{rule}"


def summary_lines(q, record: dict, lang: str) -> list[str]:
    band = q.band(record["total"]).label(lang)
    lines = [
        t("screening.result", lang, name=q.short, total=record["total"], max=q.max_total, band=band)
    ]
    lines.append(t("screening.not_diagnosis", lang))
    if record["safety_followup"]:
        lines.append(t("screening.item9_followup", lang))
    if record["suggest_professional"]:
        lines.append(t("screening.suggest_professional", lang))
    lines.append("")
    lines.append(pick(q.attribution, lang))
    return lines


def _ask(q) -> list[int]:
    say(pick(q.about))
    say("")
    say(pick(q.stem))
    say("  " + "   ".join(f"{value} = {pick(texts)}" for value, texts in q.options))
    values = []
    high = max(q.values)
    for index, item in enumerate(q.items, start=1):
        while True:
            raw = typer.prompt(
                f"{index}/{len(q.items)}  {pick(item)} [0-{high}]",
                default="",
                show_default=False,
                err=True,
            ).strip()
            if raw.isdigit() and int(raw) in q.values:
                values.append(int(raw))
                break
            say(t("screening.bad_answer", item=index, value=raw, high=high))
    return values
