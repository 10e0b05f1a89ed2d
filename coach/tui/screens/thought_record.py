"""The seven-column thought record, as one form that reads top to bottom.

1 situation · 2 moods 0-100 · 3 automatic thoughts, with the hot one chosen
(and the thinking traps recognised) · 4 evidence for · 5 evidence against ·
6 a balanced thought and how much it is believed · 7 the moods rated again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import pick, t
from coach.safety import Detection
from coach.services import journal, thought_form
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class ThoughtRecordScreen(CoachScreen):
    DEFAULT_CSS = """
    ThoughtRecordScreen #record { padding: 1 2; }
    ThoughtRecordScreen .field-label { text-style: bold; margin-top: 1; }
    ThoughtRecordScreen TextArea { height: 4; }
    ThoughtRecordScreen #thoughts { height: 5; }
    ThoughtRecordScreen #traps { height: 8; }
    ThoughtRecordScreen Input { width: 70; }
    ThoughtRecordScreen #belief { width: 12; }
    ThoughtRecordScreen #record-error { color: $error; margin-top: 1; }
    ThoughtRecordScreen #record-save { margin-top: 1; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "journal.key_save", priority=True)]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.saved: dict | None = None
        self._gated: dict[str, Detection] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="record"):
            title = escape(t("journal.record_title"))
            yield Static(f"[b]{title}[/b] — {escape(t('journal.record_description'))}")
            yield Label(t("journal.step_situation"), classes="field-label")
            yield TextArea(id="situation", soft_wrap=True)
            yield Label(t("journal.step_moods"), classes="field-label")
            yield Input(id="moods")
            yield Label(t("journal.step_thoughts"), classes="field-label")
            yield TextArea(id="thoughts", soft_wrap=True)
            yield Label(t("journal.step_hot"), classes="field-label")
            yield Select([], prompt=t("journal.hot_placeholder"), id="hot")
            yield Label(t("journal.step_traps"), classes="field-label")
            yield SelectionList(
                *(Selection(f"{tr.label()} — {pick(tr.hint)}", tr.id) for tr in journal.traps()),
                id="traps",
            )
            yield Label(t("journal.step_for"), classes="field-label")
            yield TextArea(id="evidence_for", soft_wrap=True)
            yield Label(t("journal.step_against"), classes="field-label")
            yield TextArea(id="evidence_against", soft_wrap=True)
            yield Label(t("journal.step_balanced"), classes="field-label")
            yield TextArea(id="balanced", soft_wrap=True)
            yield Label(t("journal.step_belief"), classes="field-label")
            yield Input(id="belief", placeholder="0-100", type="integer")
            yield Label(t("journal.step_after"), classes="field-label")
            yield Input(id="moods_after")
            yield Static("", id="record-error")
            yield Button(t("checkin.button_save"), id="record-save", variant="primary")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#situation", TextArea).focus()

    def _thought_lines(self) -> list[str]:
        text = self.query_one("#thoughts", TextArea).text
        return [line.strip().lstrip("*").strip() for line in text.splitlines() if line.strip()]

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "thoughts":
            return
        select = self.query_one("#hot", Select)
        lines = self._thought_lines()
        current = select.value
        select.set_options([(line, index) for index, line in enumerate(lines)])
        if isinstance(current, int) and current < len(lines):
            select.value = current
        elif lines:
            select.value = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "moods":
            try:
                names = [name for name, _ in thought_form.parse_mood_list(event.value)]
            except CoachError:
                return  # half-typed; the error is shown when saving
            self.query_one("#moods_after", Input).placeholder = ", ".join(f"{n} ?" for n in names)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "record-save":
            event.stop()
            self.action_save()

    def build(self) -> dict:
        value = lambda widget_id: self.query_one(f"#{widget_id}").text  # noqa: E731
        before = thought_form.parse_mood_list(self.query_one("#moods", Input).value)
        after = thought_form.parse_mood_list(self.query_one("#moods_after", Input).value)
        after_by_name = {name.casefold(): rating for name, rating in after}
        # An "after" list of bare numbers ("40, 30") rates the moods in the same order.
        unnamed: list[int] = []
        if after and all(name.isdigit() for name, _ in after):
            unnamed = [int(name) for name, _ in after]
        moods = []
        for index, (name, rating) in enumerate(before):
            later = after_by_name.get(name.casefold())
            if later is None and index < len(unnamed):
                later = unnamed[index]
            moods.append({"name": name, "before": rating, "after": later})
        hot = self.query_one("#hot", Select).value
        thoughts = [
            {"text": line, "hot": isinstance(hot, int) and index == hot}
            for index, line in enumerate(self._thought_lines())
        ]
        return journal.build_thought_record(
            self.context.now(),
            situation=value("situation"),
            moods=moods,
            thoughts=thoughts,
            traps_=list(self.query_one("#traps", SelectionList).selected),
            evidence_for=value("evidence_for"),
            evidence_against=value("evidence_against"),
            balanced=value("balanced"),
            belief=self.query_one("#belief", Input).value.strip() or None,
        )

    def action_save(self) -> None:
        error = self.query_one("#record-error", Static)
        try:
            record = self.build()
        except CoachError as exc:
            error.update(escape(str(exc)))
            typed = self._typed()
            if typed:
                self._gate(typed)  # help must not wait for a rating to be fixed
            return
        error.update("")
        detection = self._gate(journal.free_text(record))
        self.saved = journal.save(self.context, record)
        self.app.notify(t("journal.saved_record"))
        if not (detection.is_crisis and self.app.screen is not self):
            self._close()

    def _typed(self) -> str:
        """Everything typed so far, as it stands in the form."""
        parts = [area.text for area in self.query(TextArea)]
        parts += [self.query_one(f"#{i}", Input).value for i in ("moods", "moods_after")]
        return "\n".join(p.strip() for p in parts if p.strip())

    def _gate(self, text: str) -> Detection:
        """The safety gate, once per text: fixing a rating must not reopen the SOS screen."""
        if text not in self._gated:
            from coach.tui.safety_gate import check

            self._gated[text] = check(self, text)
        return self._gated[text]

    def on_screen_resume(self) -> None:
        if self.saved is not None:
            self._close()

    def _close(self) -> None:
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()


AREA = Area(
    id="thought_record",
    order=36,
    key="r",
    title="journal.record_title",
    description="journal.record_description",
    screen=ThoughtRecordScreen,
)
