"""`coach remind add/list/rm/open/fire`: reminders kept by the user's own scheduler."""

from __future__ import annotations

import typer

from coach.cli.common import color_allowed, emit_json, emit_nl, get_context, say
from coach.i18n import t


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("remind.help"), no_args_is_help=True)

    @sub.command("add", help=t("remind.add_help"))
    def add(
        ctx: typer.Context,
        time: str = typer.Argument(..., metavar="HH:MM", help=t("remind.time_help")),
        action: str = typer.Argument(
            ..., metavar="ACTION", help=t("remind.action_help"), autocompletion=_actions
        ),
        arg: str = typer.Argument(None, metavar="[ID]", help=t("remind.arg_help")),
        days: str = typer.Option(None, "--days", help=t("remind.days_help"), metavar="DAYS"),
        via: str = typer.Option(
            None,
            "--via",
            help=t("remind.via_help"),
            metavar="systemd|cron",
            autocompletion=lambda: ["systemd", "cron"],
        ),
        dry_run: bool = typer.Option(False, "--dry-run", help=t("remind.dry_run_help")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.reminders.service import Reminders

        context = get_context(ctx)
        reminders = Reminders(context)
        plan = reminders.plan(time, action, arg, days, via)
        if dry_run:
            if as_json:
                emit_json({**plan.to_json(), "dry_run": True, "created": False})
            else:
                _print_plan(plan)
            return
        reminder = reminders.add(plan)
        if as_json:
            emit_json(
                {
                    **plan.to_json(),
                    # What was written, under the id the store really gave.
                    **plan.backend.describe(reminder),
                    "reminder": reminder.to_json(),
                    "dry_run": False,
                    "created": plan.existing is None,
                }
            )
        key = "remind.added" if plan.existing is None else "remind.already"
        say(t(key, id=reminder.id, **_words(reminder)))
        if plan.backend.name == "systemd" and not getattr(plan.backend, "session", True):
            say(t("remind.next_login"))

    @sub.command("list", help=t("remind.list_help"))
    def list_(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
        as_nl: bool = typer.Option(False, "--nl", help=t("cli.nl_help")),
    ) -> None:
        from coach.reminders.service import Reminders

        reminders = Reminders(get_context(ctx))
        found = reminders.all()
        installed = reminders.installed() if found else {}
        rows = [{**r.to_json(), "installed": r.id in installed.get(r.via, set())} for r in found]
        if as_json:
            emit_json(rows)
        elif as_nl:
            emit_nl(rows)
        elif not rows:
            say(t("remind.none"))
        else:
            color = color_allowed()  # a terminal, and no NO_COLOR

            def paint(text: str, **style: object) -> str:
                return typer.style(text, **style) if color else text

            for r, row in zip(found, rows, strict=True):
                words = _words(r)
                line = (
                    f"{r.id:>3}  {paint(r.time, bold=True)}  {words['label']:<16} "
                    f"{words['days']:<16} {paint(r.via, dim=True)}"
                )
                if not row["installed"]:
                    line += "  " + paint(f"({t('remind.not_installed')})", fg="yellow")
                typer.echo(line, color=color)

    @sub.command("rm", help=t("remind.rm_help"))
    def rm(
        ctx: typer.Context,
        reminder_id: int = typer.Argument(..., metavar="ID"),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.reminders.service import Reminders

        reminder, removed = Reminders(get_context(ctx)).remove(reminder_id)
        if as_json:
            emit_json(
                {
                    "id": reminder_id,
                    "reminder": reminder.to_json() if reminder else None,
                    "removed_from": removed,
                }
            )
        where = ", ".join(removed) or "-"
        key = "remind.removed" if reminder is not None else "remind.removed_orphan"
        say(t(key, id=reminder_id, where=where))

    @sub.command("open", help=t("remind.open_help"))
    def open_(ctx: typer.Context, reminder_id: int = typer.Argument(..., metavar="ID")) -> None:
        from coach.cli.common import open_tui
        from coach.errors import CoachError
        from coach.reminders.service import Reminders

        context = get_context(ctx)
        reminder = Reminders(context).get(reminder_id)
        if reminder is None:
            raise CoachError(t("remind.not_found", id=reminder_id))
        area, options = reminder.screen()
        open_tui(context, screen=area, **options)

    @sub.command("fire", help=t("remind.fire_help"), hidden=True)
    def fire(
        ctx: typer.Context,
        reminder_id: int = typer.Argument(..., metavar="ID"),
        action: str = typer.Argument(None, metavar="[ACTION]"),
        arg: str = typer.Argument(None, metavar="[ARG]"),
    ) -> None:
        from coach.reminders.fire import due_reminder, notification
        from coach.reminders.notify import deliver

        context = get_context(ctx)
        note = notification(context, due_reminder(context, reminder_id, action, arg))
        if note is not None:
            deliver(note)

    app.add_typer(sub, name="remind")


def _actions() -> list[str]:
    from coach.reminders.model import ACTIONS

    return list(ACTIONS)


def _words(reminder) -> dict[str, str]:
    from coach.reminders.model import DAYS

    if not reminder.days:
        days = t("remind.every_day")
    elif reminder.days == DAYS[:5]:
        days = t("remind.weekdays")
    elif reminder.days == DAYS[5:]:
        days = t("remind.weekends")
    else:
        days = ",".join(t(f"remind.day_short.{d}") for d in reminder.days)
    return {"label": reminder.label(), "time": reminder.time, "days": days, "via": reminder.via}


def _print_plan(plan) -> None:
    """The dry run: every file with its exact content, every command, on stdout."""
    data = plan.backend.describe(plan.reminder)
    if plan.existing is not None:
        typer.echo(f"# {t('remind.dry_run_same', id=plan.reminder.id)}")
    if "files" in data:
        for item in data["files"]:
            typer.echo(f"# {t('remind.dry_run_file', path=item['path'])}")
            typer.echo(item["content"], nl=False)
            typer.echo()
        for command in data["commands"]:
            typer.echo(f"# {t('remind.dry_run_command', command=command)}")
    else:
        typer.echo(f"# {t('remind.dry_run_cron', crontab=data['crontab'])}")
        typer.echo(data["crontab_line"])
    say(t("remind.dry_run"))
