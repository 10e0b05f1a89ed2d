"""`coach track add/list/status/pledge/review/slip/urge/rm/triggers`.

Every value is checked here, before anything is stored, so a bad value is one
line and exit 1 with the store untouched. Notes pass the safety gate first.
"""

from __future__ import annotations

from typing import Any

import typer

from coach.cli.common import emit_json, emit_nl, get_context, interactive, say
from coach.i18n import t

KIND_METAVAR = "alcohol|substance|self-harm|gambling|other"


def _service(ctx: typer.Context):
    from coach.trackers.service import TrackerService

    return TrackerService(get_context(ctx))


def _gate(ctx: typer.Context, text: str) -> str:
    """The safety gate's level for a note; the note is kept whatever it says."""
    if not text:
        return "none"
    from coach.cli.safety_gate import check

    return check(get_context(ctx), text).level


def _print_status(status: Any) -> None:
    from coach.trackers import text

    tr = status.tracker
    typer.echo(f"{tr.name} · {text.kind(tr.kind)}")
    typer.echo(f"  {text.counter(status)}")
    for line in text.status_lines(status):
        typer.echo(f"  {line}")
    for line in text.celebration(status):
        typer.echo(f"  {line}")


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("trackers.help"), no_args_is_help=True)
    json_opt = typer.Option(False, "--json", help=t("cli.json_help"))

    @sub.command("add", help=t("trackers.add_help"))
    def add(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        kind: str = typer.Option(None, "--kind", metavar=KIND_METAVAR, help=t("trackers.opt_kind")),
        since: str = typer.Option(
            None, "--since", metavar="DATETIME", help=t("trackers.opt_since")
        ),
        cost: str = typer.Option(None, "--cost-per-day", metavar="X", help=t("trackers.opt_cost")),
        minutes: str = typer.Option(
            None, "--time-per-day", metavar="MINUTES", help=t("trackers.opt_time")
        ),
        as_json: bool = json_opt,
    ) -> None:
        from coach.trackers import validate

        service = _service(ctx)
        now = service.now()
        status = service.add(
            validate.name(name),
            kind=validate.kind(kind) if kind is not None else None,
            since=validate.when(since, now, service.zone(now), "--since") if since else None,
            cost_per_day=validate.amount(cost) if cost is not None else None,
            time_per_day=validate.minutes(minutes) if minutes is not None else None,
        )
        if as_json:
            emit_json(status.to_json())
            return
        say(t("trackers.added", name=status.tracker.name))
        _print_status(status)

    @sub.command("list", help=t("trackers.list_help"))
    def list_(
        ctx: typer.Context,
        as_json: bool = json_opt,
        as_nl: bool = typer.Option(False, "--nl", help=t("cli.nl_help")),
    ) -> None:
        from coach.trackers import text

        statuses = _service(ctx).summaries()
        if as_json:
            emit_json([s.to_json() for s in statuses])
        elif as_nl:
            emit_nl(s.to_json() for s in statuses)
        elif not statuses:
            say(t("trackers.none_yet"))
        else:
            width = max(len(s.tracker.name) for s in statuses)
            for s in statuses:
                next_ = text.milestone(s.next)
                typer.echo(f"{s.tracker.name:<{width}}  {text.counter(s):<18}  → {next_}")

    @sub.command("status", help=t("trackers.status_help"))
    def status(
        ctx: typer.Context,
        name: str = typer.Argument(None, metavar="[NAME]"),
        as_json: bool = json_opt,
    ) -> None:
        statuses = _service(ctx).status(name)
        if as_json:
            emit_json(
                statuses[0].to_json() if name is not None else [s.to_json() for s in statuses]
            )
            return
        if not statuses:
            say(t("trackers.none_yet"))
        for i, s in enumerate(statuses):
            if i:
                typer.echo()
            _print_status(s)

    @sub.command("pledge", help=t("trackers.pledge_help"))
    def pledge(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        note: str = typer.Option(None, "--note", metavar="TEXT", help=t("trackers.opt_note")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.trackers import text, validate

        service = _service(ctx)
        service.find(name)
        clean = validate.note(note)
        event, status = service.pledge(name, clean, _gate(ctx, clean))
        if as_json:
            emit_json(
                {
                    "tracker": status.tracker.name,
                    "pledge": event.to_json(),
                    "pledge_streak": status.pledge_streak,
                    "status": status.to_json(),
                }
            )
            return
        say(t("trackers.pledge_words"))
        streak = text.count("day", status.pledge_streak)
        say(t("trackers.pledge_saved", name=status.tracker.name, streak=streak))

    @sub.command("review", help=t("trackers.review_help"))
    def review(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        rating: str = typer.Option(..., "--rating", metavar="1-5", help=t("trackers.opt_rating")),
        note: str = typer.Option(None, "--note", metavar="TEXT", help=t("trackers.opt_note")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.trackers import text, validate

        service = _service(ctx)
        service.find(name)
        value = validate.rating(rating)
        clean = validate.note(note)
        event, status = service.review(name, value, clean, _gate(ctx, clean))
        if as_json:
            emit_json(
                {
                    "tracker": status.tracker.name,
                    "review": event.to_json(),
                    "status": status.to_json(),
                }
            )
            return
        say(t("trackers.review_saved", rating=text.rating(value)))
        if value >= 4:
            say(t("trackers.review_hard"))

    def _moment_options(
        ctx: typer.Context,
        name: str,
        trigger: str | None,
        urge: str | None,
        note: str | None,
        at: str | None,
    ) -> dict[str, Any]:
        from coach.trackers import validate

        service = _service(ctx)
        service.find(name)
        now = service.now()
        values = {
            "trigger": validate.trigger(trigger),
            "urge": validate.urge(urge) if urge is not None else None,
            "note": validate.note(note),
            "at": validate.when(at, now, service.zone(now), "--at") if at else None,
        }
        # The trigger is free text too: both pass the gate, in one check (one crisis block).
        words = "\n".join(v for v in (values["trigger"], values["note"]) if v)
        values["safety"] = _gate(ctx, words)
        return values

    @sub.command("slip", help=t("trackers.slip_help"))
    def slip(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        trigger: str = typer.Option(None, "--trigger", metavar="T", help=t("trackers.opt_trigger")),
        urge: str = typer.Option(None, "--urge", metavar="0-10", help=t("trackers.opt_urge")),
        note: str = typer.Option(None, "--note", metavar="TEXT", help=t("trackers.opt_note")),
        at: str = typer.Option(None, "--at", metavar="DATETIME", help=t("trackers.opt_at")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.trackers import text

        values = _moment_options(ctx, name, trigger, urge, note, at)
        result = _service(ctx).slip(name, **values)
        s = result.status
        if as_json:
            emit_json(
                {
                    "tracker": s.tracker.name,
                    "slip": result.event.to_json(),
                    "ended_streak_days": result.ended_days,
                    "status": s.to_json(),
                }
            )
            return
        say(t("trackers.slip_saved", date=text.when(result.event.at, s.zone)))
        say(
            t(
                "trackers.slip_kept",
                days=text.count("day", result.ended_days),
                longest=text.count("day", s.longest_days),
                total=text.count("day", s.total_clean_days),
            )
        )
        say(t("trackers.slip_learn", name=_quoted(s.tracker.name)))
        from coach.trackers.kinds import harm_topic

        topic = harm_topic(s.tracker.kind)
        if topic:
            say(t("trackers.harm_pointer", topic=topic))

    @sub.command("urge", help=t("trackers.urge_help"))
    def urge_(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        trigger: str = typer.Option(None, "--trigger", metavar="T", help=t("trackers.opt_trigger")),
        urge: str = typer.Option(None, "--urge", metavar="0-10", help=t("trackers.opt_urge")),
        note: str = typer.Option(None, "--note", metavar="TEXT", help=t("trackers.opt_note")),
        at: str = typer.Option(None, "--at", metavar="DATETIME", help=t("trackers.opt_at")),
        as_json: bool = json_opt,
    ) -> None:
        values = _moment_options(ctx, name, trigger, urge, note, at)
        event, status = _service(ctx).urge(name, **values)
        if as_json:
            emit_json(
                {
                    "tracker": status.tracker.name,
                    "urge": event.to_json(),
                    "status": status.to_json(),
                }
            )
            return
        say(t("trackers.urge_saved"))

    @sub.command("rm", help=t("trackers.rm_help"))
    def rm(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        yes: bool = typer.Option(False, "--yes", "-y", help=t("trackers.opt_yes")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.errors import CoachError

        service = _service(ctx)
        tracker = service.find(name)
        if not yes:
            if not interactive():
                raise CoachError(t("trackers.rm_needs_yes"))
            if not typer.confirm(t("trackers.rm_confirm", name=tracker.name), default=False):
                say(t("trackers.rm_cancelled"))
                raise typer.Exit(1)
        removed = service.remove(tracker.name)
        if as_json:
            emit_json({"removed": removed.name, "id": removed.id})
        else:
            say(t("trackers.removed", name=removed.name))

    @sub.command("triggers", help=t("trackers.triggers_help"))
    def triggers(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME"),
        as_json: bool = json_opt,
    ) -> None:
        data = _service(ctx).triggers(name)
        if as_json:
            emit_json(data)
            return
        from coach.trackers.text import trigger_lines

        for line in trigger_lines(data):
            typer.echo(line)

    app.add_typer(sub, name="track")


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name
