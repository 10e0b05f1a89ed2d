"""`coach checkin`: a mood in under a minute, asked interactively or given by flags (cron)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.errors import CoachError
from coach.i18n import t

LOW_MOOD = 3  # from here a check-in gets a word about where help is


def register(app: typer.Typer) -> None:
    @app.command("checkin", help=t("checkin.help"))
    def checkin(
        ctx: typer.Context,
        mood: str = typer.Option(None, "--mood", metavar="1-10", help=t("checkin.mood_help")),
        energy: str = typer.Option(None, "--energy", metavar="1-10", help=t("checkin.energy_help")),
        anxiety: str = typer.Option(
            None, "--anxiety", metavar="0-10", help=t("checkin.anxiety_help")
        ),
        sleep: str = typer.Option(None, "--sleep", metavar="HOURS", help=t("checkin.sleep_help")),
        tag: Annotated[
            list[str] | None,
            typer.Option("--tag", metavar="TAG", help=t("checkin.tag_help")),
        ] = None,
        note: str = typer.Option(None, "--note", metavar="TEXT", help=t("checkin.note_help")),
        at: str = typer.Option(None, "--at", metavar="DATETIME", help=t("checkin.at_help")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.services import checkins

        context = get_context(ctx)
        values: dict[str, Any] = {
            "mood": mood,
            "energy": energy,
            "anxiety": anxiety,
            "sleep": sleep,
            "tags": list(tag or ()),
            "note": note,
            "at": at,
        }
        given = any(v is not None for k, v in values.items() if k != "tags") or values["tags"]
        if not given:
            if not interactive():
                raise CoachError(t("checkin.need_flags"))
            values = _ask(context)
        try:
            record = checkins.build(context.now(), **values)  # every value checked first
        except CoachError:
            # Nothing is stored, but words like these are never just dropped unseen.
            if (values.get("note") or "").strip():
                _gate(context, values["note"])
            raise
        if record["note"]:
            _gate(context, record["note"])
        stored = checkins.save(context, record)
        if as_json:
            emit_json(stored)
        else:
            say(t("checkin.saved", mood=stored["mood"]))
        if stored["mood"] <= LOW_MOOD:
            say(t("checkin.low_mood_cli"))


def _gate(context, text: str) -> None:
    # Imported only when there is a note: the detector's rules take a while to load,
    # and `coach checkin --mood 5` from cron should stay quick.
    from coach.cli.safety_gate import check

    check(context, text)


def _ask(context) -> dict[str, Any]:
    """Ask each value until it is valid; Enter skips the optional ones."""
    from coach.services import checkins

    say(t("checkin.intro"))
    return {
        "mood": _prompt(t("checkin.ask_mood"), lambda v: checkins.check_scale("mood", v), True),
        "energy": _prompt(t("checkin.ask_energy"), lambda v: checkins.check_scale("energy", v)),
        "anxiety": _prompt(t("checkin.ask_anxiety"), lambda v: checkins.check_scale("anxiety", v)),
        "sleep": _prompt(t("checkin.ask_sleep"), checkins.check_sleep),
        "tags": _prompt(t("checkin.ask_tags"), lambda v: checkins.clean_tags([v])) or [],
        "note": _prompt(t("checkin.ask_note"), checkins.clean_note),
        "at": None,
    }


def _prompt(question: str, check: Callable[[str], Any], required: bool = False) -> Any:
    while True:
        raw = typer.prompt(question, default="", show_default=False, err=True).strip()
        if not raw:
            if required:
                continue
            return None
        try:
            return check(raw)
        except CoachError as exc:
            say(str(exc))
