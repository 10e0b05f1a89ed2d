"""A form to start a tracker: name, kind, start, and what it used to cost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.trackers import text, validate
from coach.trackers.model import KIND_FROM_NAME, KINDS, name_key
from coach.trackers.service import TrackerService
from coach.tui.markup import escape
from coach.tui.screens.form_modal import FormModal


class TrackerAddModal(FormModal):
    """Dismissed with the new tracker's name, or None when cancelled."""

    DEFAULT_CSS = """
    TrackerAddModal { align: center middle; }
    TrackerAddModal #add-form {
        width: 70; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; padding: 1 2; background: $surface;
    }
    TrackerAddModal .form-title { text-style: bold; margin-bottom: 1; }
    TrackerAddModal Label { margin-top: 1; }
    TrackerAddModal .form-error { color: $error; margin-top: 1; }
    TrackerAddModal .form-buttons { height: auto; margin-top: 1; }
    TrackerAddModal .form-buttons Button { margin-right: 2; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "trackers.key_save")]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.service = TrackerService(context)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="add-form"):
            yield Static(escape(t("trackers.form.add_title")), classes="form-title")
            yield Label(t("trackers.form.name"))
            yield Input(placeholder=t("trackers.form.name_placeholder"), id="name")
            yield Label(t("trackers.form.kind"))
            yield Select(
                [(text.kind(k), k) for k in KINDS], value="other", allow_blank=False, id="kind"
            )
            yield Label(t("trackers.form.since"))
            yield Input(placeholder=t("trackers.form.since_placeholder"), id="since")
            yield Label(t("trackers.form.cost"))
            yield Input(id="cost")
            yield Label(t("trackers.form.time"))
            yield Input(id="time")
            yield Static("", id="error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("trackers.form.save"), variant="primary", id="save")
                yield Button(t("trackers.form.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        # A name that says what it is picks the kind (the person can still change it).
        if event.input.id == "name":
            kind = KIND_FROM_NAME.get(name_key(event.value))
            if kind:
                self.query_one("#kind", Select).value = kind

    def action_save(self) -> None:
        try:
            now = self.service.now()
            since, cost, minutes = self._value("since"), self._value("cost"), self._value("time")
            status = self.service.add(
                validate.name(self._value("name")),
                kind=str(self.query_one("#kind", Select).value),
                since=validate.when(since, now, self.service.zone(now), "--since")
                if since
                else None,
                cost_per_day=validate.amount(cost) if cost else None,
                time_per_day=validate.minutes(minutes) if minutes else None,
            )
        except CoachError as error:
            self.query_one("#error", Static).update(escape(str(error)))
            return
        self.dismiss(status.tracker.name)
