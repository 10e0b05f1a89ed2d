"""One form for the four moments of a tracker: a pledge, a review, a new start, an urge.

The form only checks values; the trackers screen passes the note through the
safety gate and saves, so the SOS screen (if needed) opens over it, not over a
closing form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.trackers import text, validate
from coach.trackers.service import TrackerService
from coach.trackers.timeutil import utc
from coach.tui.markup import escape
from coach.tui.screens.form_modal import FormModal

MODES = ("pledge", "review", "slip", "urge")


@dataclass(frozen=True)
class Entry:
    """What the form hands back, already checked."""

    name: str
    mode: str
    note: str = ""
    rating: int | None = None
    trigger: str = ""
    urge: int | None = None
    at: datetime | None = None  # None: now


class TrackerEntryModal(FormModal):
    DEFAULT_CSS = """
    TrackerEntryModal { align: center middle; }
    TrackerEntryModal #entry-form {
        width: 72; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; padding: 1 2; background: $surface;
    }
    TrackerEntryModal .form-title { text-style: bold; margin-bottom: 1; }
    TrackerEntryModal .form-intro { color: $text-muted; margin-bottom: 1; }
    TrackerEntryModal Label { margin-top: 1; }
    TrackerEntryModal .form-error { color: $error; margin-top: 1; }
    TrackerEntryModal .form-buttons { height: auto; margin-top: 1; }
    TrackerEntryModal .form-buttons Button { margin-right: 2; }
    TrackerEntryModal RadioSet { width: 100%; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "trackers.key_save")]

    def __init__(self, context: Context, name: str, mode: str, **kwargs) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        super().__init__(**kwargs)
        self.context = context
        self.tracker_name = name
        self.mode = mode

    def compose(self) -> ComposeResult:
        mode = self.mode
        with VerticalScroll(id="entry-form"):
            title = t(f"trackers.form.{mode}_title", name=self.tracker_name)
            yield Static(escape(title), classes="form-title")
            if mode == "pledge":
                yield Static(escape(t("trackers.pledge_words")), classes="form-intro")
            if mode == "slip":
                yield Static(escape(t("trackers.form.slip_intro")), classes="form-intro")
            if mode == "review":
                yield Label(t("trackers.form.rating"))
                with RadioSet(id="rating"):
                    for value in range(1, 6):
                        yield RadioButton(text.rating(value))
            if mode in ("slip", "urge"):
                yield Label(t("trackers.form.trigger"))
                yield Input(id="trigger")
                yield Label(t("trackers.form.urge"))
                yield Input(id="urge", placeholder="0-10")
                yield Label(t("trackers.form.at"))
                yield Input(id="at", placeholder=t("trackers.form.since_placeholder"))
            yield Label(t("trackers.form.note"))
            yield Input(id="note")
            yield Static("", id="error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("trackers.form.save"), variant="primary", id="save")
                yield Button(t("trackers.form.cancel"), id="cancel")

    def on_mount(self) -> None:
        first = (
            "#rating"
            if self.mode == "review"
            else "#trigger"
            if self.mode
            in (
                "slip",
                "urge",
            )
            else "#note"
        )
        self.query_one(first).focus()

    def action_save(self) -> None:
        try:
            entry = self._entry()
        except CoachError as error:
            self.query_one("#error", Static).update(escape(str(error)))
            return
        self.dismiss(entry)

    def _entry(self) -> Entry:
        note = validate.note(self._value("note"))
        if self.mode == "pledge":
            return Entry(self.tracker_name, "pledge", note=note)
        if self.mode == "review":
            index = self.query_one("#rating", RadioSet).pressed_index
            if index < 0:  # no answer is chosen for the person: "easy" is not a default
                raise CoachError(t("trackers.pick_rating"))
            return Entry(self.tracker_name, "review", note=note, rating=index + 1)
        service = TrackerService(self.context)
        now = service.now()
        raw_urge, raw_at = self._value("urge"), self._value("at")
        at = validate.when(raw_at, now, service.zone(now), "--at") if raw_at else None
        if at is not None and self.mode == "slip":
            since = service.find(self.tracker_name).since
            if utc(at) < utc(since):
                zone = service.zone(now)
                raise CoachError(t("trackers.slip_before_start", since=text.when(since, zone)))
        return Entry(
            self.tracker_name,
            self.mode,
            note=note,
            trigger=validate.trigger(self._value("trigger")),
            urge=validate.urge(raw_urge) if raw_urge else None,
            at=at,
        )
