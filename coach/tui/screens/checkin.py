"""The check-in screen: mood first, the rest optional, saved in under a minute."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Static

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.safety import Detection
from coach.services import checkins
from coach.services.charts import number
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.mood_sparkline import MoodSparkline
from coach.tui.widgets.rating_scale import RatingScale
from coach.tui.widgets.sos_hint import SosHint

LOW_MOOD = 3  # from here a check-in gets a word about where help is


class CheckinScreen(CoachScreen):
    DEFAULT_CSS = """
    CheckinScreen #checkin { padding: 1 2; }
    CheckinScreen .field-label { margin-top: 1; text-style: bold; }
    CheckinScreen #checkin-intro { margin-bottom: 1; }
    CheckinScreen #checkin-hint { color: $text-muted; }
    CheckinScreen Input { width: 60; }
    CheckinScreen #checkin-error { color: $error; margin-top: 1; }
    CheckinScreen #checkin-save { margin-top: 1; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "checkin.key_save", priority=True)]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.saved: dict | None = None
        self._gated: dict[str, Detection] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="checkin"):
            yield Static(t("checkin.screen_intro"), id="checkin-intro")
            recent = self._last_week()
            if recent is not None:
                yield recent
            yield Label(t("checkin.label_mood"), classes="field-label")
            yield RatingScale(*checkins.MOOD, empty_label=t("checkin.not_set"), id="mood")
            yield Label(t("checkin.label_energy"), classes="field-label")
            yield RatingScale(*checkins.ENERGY, empty_label=t("checkin.not_set"), id="energy")
            yield Label(t("checkin.label_anxiety"), classes="field-label")
            yield RatingScale(*checkins.ANXIETY, empty_label=t("checkin.not_set"), id="anxiety")
            yield Static(t("checkin.scale_hint"), id="checkin-hint")
            yield Label(t("checkin.label_sleep"), classes="field-label")
            yield Input(placeholder=t("checkin.placeholder_sleep"), id="sleep")
            yield Label(t("checkin.label_tags"), classes="field-label")
            yield Input(placeholder=t("checkin.placeholder_tags"), id="tags")
            yield Label(t("checkin.label_note"), classes="field-label")
            yield Input(placeholder=t("checkin.placeholder_note"), id="note")
            yield Static("", id="checkin-error")
            yield Button(t("checkin.button_save"), id="checkin-save", variant="primary")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#mood", RatingScale).focus()

    def _last_week(self) -> MoodSparkline | None:
        """The past seven days at a glance, so today's answer has its context."""
        from coach.services.insights import mood_window, moods_by_day

        now = self.context.now()
        week = mood_window(moods_by_day(checkins.all_checkins(self.context), now), 7, now.date())
        if week.average is None:
            return None
        detail = t("insights.window_detail", avg=number(week.average), n=week.count)
        return MoodSparkline(t("checkin.last_week"), week.series, detail, id="checkin-week")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "checkin-save":
            event.stop()
            self.action_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        error = self.query_one("#checkin-error", Static)
        try:
            record = checkins.build(
                self.context.now(),
                mood=self.query_one("#mood", RatingScale).value,
                energy=self.query_one("#energy", RatingScale).value,
                anxiety=self.query_one("#anxiety", RatingScale).value,
                sleep=self.query_one("#sleep", Input).value.strip() or None,
                tags=[self.query_one("#tags", Input).value],
                note=self.query_one("#note", Input).value,
            )
        except CoachError as exc:
            error.update(escape(str(exc)))
            note = self.query_one("#note", Input).value.strip()
            if note:
                self._gate(note)  # help must not wait for a typo to be fixed
            return
        error.update("")
        detection = self._gate(record["note"]) if record["note"] else None
        self.saved = checkins.save(self.context, record)
        message = t("checkin.saved_tui", mood=self.saved["mood"])
        if self.saved["mood"] <= LOW_MOOD:
            message += "\n" + t("checkin.low_mood_tui")
        self.app.notify(message, timeout=10 if self.saved["mood"] <= LOW_MOOD else 4)
        if detection is not None and detection.is_crisis and self.app.screen is not self:
            return  # The SOS screen is on top: leave the person there; we close on return.
        self._close()

    def _gate(self, text: str) -> Detection:
        """The safety gate, once per text: fixing a typo must not reopen the SOS screen."""
        if text not in self._gated:
            from coach.tui.safety_gate import check

            self._gated[text] = check(self, text)
        return self._gated[text]

    def on_screen_resume(self) -> None:
        if self.saved is not None:
            self._close()  # Back from SOS after saving: the check-in is done.

    def _close(self) -> None:
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()


def glance(context: Context) -> str | None:
    today = checkins.today(context)
    if not today:
        return t("checkin.glance_none")
    moods = [r["mood"] for r in today]
    if len(moods) == 1:
        return t("checkin.glance_today", mood=moods[0])
    average = number(sum(moods) / len(moods), 1, context.lang)
    return t("checkin.glance_today_many", mood=average, n=len(moods))


AREA = Area(
    id="checkin",
    order=10,
    key="c",
    title="checkin.title",
    description="checkin.description",
    screen=CheckinScreen,
    glance=glance,
)
