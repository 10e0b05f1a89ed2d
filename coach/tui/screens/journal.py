"""The journal: write a free entry, see the recent ones, start a thought record."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.services import journal
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint

RECENT = 30


class JournalScreen(CoachScreen):
    DEFAULT_CSS = """
    JournalScreen #journal { padding: 1 2; }
    JournalScreen .field-label { text-style: bold; margin-top: 1; }
    JournalScreen #entry { height: 10; }
    JournalScreen #entries { height: 1fr; min-height: 5; }
    JournalScreen #journal-error { color: $error; }
    JournalScreen #entry-view { color: $text-muted; max-height: 14; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "journal.key_save", priority=True),
        Binding("ctrl+r", "thought_record", "journal.key_thought_record", priority=True),
        Binding("delete", "delete", "journal.key_delete"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="journal"):
            yield Label(t("journal.new_entry"), classes="field-label")
            yield TextArea(id="entry", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="journal-error")
            yield Label(t("journal.recent"), classes="field-label")
            yield OptionList(id="entries")
            yield Static("", id="entry-view")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#entry", TextArea).focus()

    def on_screen_resume(self) -> None:
        self._fill()

    def _fill(self) -> None:
        entries = self.query_one("#entries", OptionList)
        # Refilling the list must not lose the person's place in it.
        current = self._highlighted() if hasattr(self, "_recent") else None
        entries.clear_options()
        recent = journal.all_entries(self.context)[-RECENT:][::-1]
        self._recent = {str(r["id"]): r for r in recent}
        if not recent:
            entries.add_option(Option(escape(t("journal.no_entries")), disabled=True))
            return
        for record in recent:
            when = datetime.fromisoformat(record["at"]).astimezone(self.context.now().tzinfo)
            kind = t("checkin.journal_kind." + record.get("kind", "entry"))
            text = escape(journal.summary(record))
            line = f"{when:%Y-%m-%d %H:%M}  [dim]{escape(kind)}[/dim]  {text}"
            entries.add_option(Option(line, id=str(record["id"])))
        if current is not None and str(current["id"]) in self._recent:
            entries.highlighted = list(self._recent).index(str(current["id"]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        record = self._recent.get(event.option.id or "")
        view = self.query_one("#entry-view", Static)
        if record is None:
            view.update("")
            return
        parts = []
        for heading, text in journal.describe(record):
            parts.append(f"[b]{escape(heading)}[/b]\n{escape(text)}" if heading else escape(text))
        view.update("\n".join(parts))

    def action_save(self) -> None:
        area = self.query_one("#entry", TextArea)
        error = self.query_one("#journal-error", Static)
        try:
            record = journal.build_entry(self.context.now(), area.text)
        except CoachError as exc:
            error.update(escape(str(exc)))
            return
        error.update("")
        from coach.tui.safety_gate import check

        check(self, record["text"])
        journal.save(self.context, record)
        area.text = ""
        self.app.notify(t("journal.saved_tui"))
        self._fill()

    def _highlighted(self) -> dict | None:
        entries = self.query_one("#entries", OptionList)
        if entries.highlighted is None:
            return None
        option = entries.get_option_at_index(entries.highlighted)
        return self._recent.get(option.id or "")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "delete":
            # Only from the list: in the text box, Delete edits the text.
            return self.focused is self.query_one("#entries") and self._highlighted() is not None
        return True

    def action_delete(self) -> None:
        record = self._highlighted()
        if record is None:
            return
        from coach.tui.screens.journal_delete import ConfirmDeleteEntry

        def done(confirmed: bool | None) -> None:
            if confirmed:
                journal.remove(self.context, record["id"])
                self.app.notify(t("journal.deleted"))
                self._fill()
                self.query_one("#entry-view", Static).update("")

        self.app.push_screen(ConfirmDeleteEntry(journal.summary(record)), done)

    def action_thought_record(self) -> None:
        self.app.open_area("thought_record")


def glance(context: Context) -> str | None:
    entries = journal.all_entries(context)
    if not entries:
        return None
    now = context.now()
    last = datetime.fromisoformat(entries[-1]["at"]).astimezone(now.tzinfo)
    when = t("journal.today") if last.date() == now.date() else last.strftime("%Y-%m-%d")
    return t("journal.glance", when=when)


AREA = Area(
    id="journal",
    order=35,
    key="j",
    title="journal.title",
    description="journal.description",
    screen=JournalScreen,
    glance=glance,
)
