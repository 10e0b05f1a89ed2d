"""`coach journal`: a free entry or a seven-column thought record, from $EDITOR or `--text`."""

from __future__ import annotations

import sys

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.errors import CoachError
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("journal", help=t("journal.help"))
    def journal(
        ctx: typer.Context,
        thought_record: bool = typer.Option(
            False, "--thought-record", help=t("journal.thought_record_help")
        ),
        text: str = typer.Option(None, "--text", metavar="TEXT", help=t("journal.text_help")),
        delete: str = typer.Option(None, "--delete", metavar="ID", help=t("journal.delete_help")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.services import journal as service

        context = get_context(ctx)
        now = context.now()
        if delete is not None:
            _delete(service, context, delete, as_json)
            return
        from coach.cli.safety_gate import check

        if text is not None:
            raw = sys.stdin.read() if text == "-" else text
            try:
                record = _parse(service, now, raw, thought_record)
            except CoachError:
                if raw.strip():
                    check(context, raw)  # not stored, but never dropped unseen
                raise
        elif interactive():
            record = _from_editor(service, context, thought_record)
            if record is None:
                say(t("journal.nothing_saved"))
                return
        else:
            raise CoachError(t("journal.need_text"))
        check(context, service.free_text(record))
        stored = service.save(context, record)
        if as_json:
            emit_json(stored)
        else:
            key = "journal.saved_record" if thought_record else "journal.saved_entry"
            say(t(key))


def _delete(service, context, raw_id: str, as_json: bool) -> None:
    """`--delete ID` (the id shown by `coach history --kind journal --json`): gone for good."""
    if not raw_id.strip().isdigit() or not service.remove(context, int(raw_id)):
        raise CoachError(t("journal.no_such_entry", id=raw_id))
    if as_json:
        emit_json({"deleted": int(raw_id)})
    else:
        say(t("journal.deleted_cli", id=int(raw_id)))


def _parse(service, now, raw: str, thought_record: bool) -> dict:
    from coach.services import thought_form

    if thought_record:
        return thought_form.record_from_text(now, raw)
    return service.build_entry(now, thought_form.strip_entry_template(raw))


def _from_editor(service, context, thought_record: bool) -> dict | None:
    """Open the editor until the text is valid; None when the person wrote nothing.

    The privacy area's editor keeps the text in a private scratch folder (tmpfs when
    there is one), with vim's swap, backup, undo and viminfo files off, and erases it after.
    """
    from coach.privacy.editor import edit_text
    from coach.services import thought_form as form

    template = form.record_template() if thought_record else form.entry_template()
    text = template
    while True:
        edited = edit_text(context.paths, text, suffix=".md")
        if edited is None:
            raise CoachError(t("journal.editor_failed_nothing_saved"))
        text = edited
        if text.strip() == template.strip():
            return None
        if not thought_record:
            body = form.strip_entry_template(text)
            return service.build_entry(context.now(), body) if body else None
        try:
            return form.record_from_text(context.now(), text)
        except CoachError as exc:
            if str(exc) == t("journal.record_empty"):
                return None
            say(str(exc))
            if not typer.confirm(t("journal.edit_again"), default=True, err=True):
                raise
