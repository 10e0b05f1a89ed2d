"""`coach data`: encryption at rest, export, import, wipe, and where everything lives."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.errors import CoachError
from coach.i18n import t


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("data.help"), no_args_is_help=True)
    json_opt = typer.Option(False, "--json", help=t("cli.json_help"))

    @sub.command("encrypt", help=t("data.encrypt_help"))
    def encrypt(ctx: typer.Context, as_json: bool = json_opt) -> None:
        from coach.privacy import encryption, unlock
        from coach.store import crypto

        p = get_context(ctx).paths
        state = encryption.status(p)
        if state.pending not in (None, "encrypt"):
            raise encryption.interrupted_error(state.pending)
        if state.encrypted and state.pending is None:
            raise CoachError(t("data.already_encrypted"))
        check = crypto.key_check_path(p.data)
        if state.pending == "encrypt" and check.exists():
            passphrase = unlock.ask_current(check)
        else:
            if unlock.can_prompt() and unlock.from_environment(unlock.ENV, None) is None:
                say(t("data.encrypt_warning", n=state.files))
            passphrase = unlock.ask_new()
        outcome = encryption.encrypt(p, passphrase)
        _report(outcome, as_json)

    @sub.command("decrypt", help=t("data.decrypt_help"))
    def decrypt(ctx: typer.Context, as_json: bool = json_opt) -> None:
        from coach.privacy import encryption, unlock
        from coach.store import crypto

        p = get_context(ctx).paths
        state = encryption.status(p)
        if state.pending not in (None, "decrypt"):
            raise encryption.interrupted_error(state.pending)
        check = crypto.key_check_path(p.data)
        if not check.exists():
            if state.pending is None:
                raise CoachError(t("data.not_encrypted"))
            passphrase = unlock.from_environment() or ""
        else:
            passphrase = unlock.ask_current(check)
        _report(encryption.decrypt(p, passphrase), as_json)

    @sub.command("passphrase", help=t("data.passphrase_help"))
    def passphrase(ctx: typer.Context, as_json: bool = json_opt) -> None:
        from coach.privacy import encryption, unlock
        from coach.store import crypto

        p = get_context(ctx).paths
        encryption.settle(p)
        state = encryption.status(p)
        if state.pending not in (None, "passphrase"):
            raise encryption.interrupted_error(state.pending)
        if not state.encrypted:
            raise CoachError(t("data.not_encrypted"))
        current = unlock.ask_current(crypto.key_check_path(p.data))
        new = unlock.ask_new(unlock.ENV_NEW)
        _report(encryption.change_passphrase(p, current, new), as_json)

    @sub.command("status", help=t("data.status_help"))
    def status(ctx: typer.Context, as_json: bool = json_opt) -> None:
        from coach.privacy import encryption

        p = get_context(ctx).paths
        encryption.settle(p)
        state = encryption.status(p)
        if as_json:
            emit_json(
                {"encrypted": state.encrypted, "interrupted": state.pending, "files": state.files}
            )
            return
        typer.echo(t("data.status_encrypted" if state.encrypted else "data.status_plain"))
        typer.echo(t("data.status_files", n=state.files))
        if state.pending:
            typer.echo(t("data.interrupted", command=f"coach data {state.pending}"))

    @sub.command("export", help=t("data.export_help"))
    def export(
        ctx: typer.Context,
        fmt: str = typer.Option(
            "json", "--format", help=t("data.format_help"), metavar="json|csv|md"
        ),
        out: str = typer.Option(None, "--out", help=t("data.out_help"), metavar="FILE"),
    ) -> None:
        from coach.privacy.export import collect, count_records, write_private
        from coach.privacy.render import FORMATS, render

        if fmt not in FORMATS:
            raise typer.BadParameter(t("data.bad_format", fmt=fmt), param_hint="--format")
        if out is None and fmt == "csv" and sys.stdout.isatty():
            raise CoachError(t("data.csv_needs_out"))
        document = collect(get_context(ctx))
        data = render(document, fmt)
        if out is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        target = Path(out).expanduser()
        write_private(target, data)
        say(t("data.exported", n=count_records(document), path=target))
        say(t("data.export_clear"))

    @sub.command("import", help=t("data.import_help"))
    def import_(
        ctx: typer.Context,
        file: str = typer.Argument(..., metavar="FILE", help=t("data.import_file_help")),
        merge: bool = typer.Option(False, "--merge", help=t("data.merge_help")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.privacy.restore import parse, restore

        if file == "-":
            raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
            raw = raw.encode("utf-8") if isinstance(raw, str) else raw
        else:
            try:
                raw = Path(file).expanduser().read_bytes()
            except OSError as exc:
                raise CoachError(
                    t("data.import_unreadable", path=file, reason=exc.strerror)
                ) from None
        done = restore(get_context(ctx), parse(raw), merge=merge)
        if as_json:
            emit_json({"files": done.files, "added": done.added, "skipped": done.skipped})
        else:
            say(t("data.imported", n=done.added, files=done.files, skipped=done.skipped))

    @sub.command("wipe", help=t("data.wipe_help"))
    def wipe(
        ctx: typer.Context,
        models: bool = typer.Option(False, "--models", help=t("data.wipe_models_help")),
        yes: bool = typer.Option(False, "--yes", help=t("data.wipe_yes_help")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.privacy import erase

        p = get_context(ctx).paths
        planned = erase.plan(p, models)
        if not yes:
            if not interactive():
                raise CoachError(t("data.wipe_needs_yes"))
            _confirm_wipe(planned)
        done = erase.wipe(p, models)
        if as_json:
            emit_json(
                {
                    "erased": [str(x) for x in done.paths],
                    "kept": [str(x) for x in planned.kept],
                    "reminders": done.reminders,
                }
            )
        else:
            say(t("data.wiped", n=len(done.paths), reminders=len(done.reminders)))

    @sub.command("path", help=t("data.path_help"))
    def path(ctx: typer.Context, as_json: bool = json_opt) -> None:
        from coach.privacy.locations import locations

        places = locations(get_context(ctx).paths)
        if as_json:
            emit_json({name: str(where) for name, where in places.items()})
            return
        width = max(len(name) for name in places)
        for name, where in places.items():
            typer.echo(f"{name.ljust(width)}  {where}")

    app.add_typer(sub, name="data")


def _report(outcome, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "operation": outcome.operation,
                "changed": outcome.changed,
                "files": outcome.files,
                "resumed": outcome.resumed,
            }
        )
        return
    if outcome.resumed:
        say(t("data.resumed"))
    say(t(f"data.done_{outcome.operation}", n=outcome.changed))


def _confirm_wipe(planned) -> None:
    word = t("data.confirm_word")
    say(t("data.wipe_list"))
    for target in planned.existing():
        say(f"  {target}")
    say(f"  {t('data.wipe_reminders')}")
    for kept in planned.kept:
        if kept.exists():
            say(t("data.wipe_keeps", path=kept))
    # The prompt goes to stderr with the other messages; stdout stays for data.
    sys.stderr.write(t("data.wipe_prompt", word=word))
    sys.stderr.flush()
    typed = sys.stdin.readline()
    if typed.strip().lower() != word:
        raise CoachError(t("data.wipe_cancelled"))
