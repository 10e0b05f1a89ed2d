"""Insights: mood over 7/30/90 days, check-in days, streaks, what helps, gentle early signals.

When the signal is on (mood drifting down over two weeks, or a questionnaire
score that rose), a calm note suggests talking to someone, with the safety
plan one key away (`p`). Never alarmist: no red, no exclamation marks.
"""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Label, Static
from textual.worker import get_current_worker

from coach.context import Context
from coach.i18n import t
from coach.services import charts
from coach.services import insights as service
from coach.services.screenings import band_label, questionnaires
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.checkin_calendar import CheckinCalendar
from coach.tui.widgets.mood_sparkline import MoodSparkline
from coach.tui.widgets.sos_hint import SosHint


class InsightsScreen(CoachScreen):
    DEFAULT_CSS = """
    InsightsScreen #insights { padding: 1 2; }
    InsightsScreen .section { text-style: bold; margin-top: 1; }
    InsightsScreen #signal { border: round $accent; padding: 0 1; margin-bottom: 1; }
    InsightsScreen #signal-keys { color: $text-muted; }
    InsightsScreen .muted { color: $text-muted; }
    InsightsScreen DataTable { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("p", "plan", "insights.key_plan"),
        Binding("r", "report", "insights.key_report"),
        Binding("f5", "refresh", "insights.key_refresh"),
    ]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.data: service.Insights | None = None

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="insights")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="insights")
    def load(self) -> None:
        """Ten years of data take a moment to read: never on the UI thread."""
        data = service.compute(self.context)
        titles = service.exercise_titles(self.context, [e.exercise_id for e in data.exercises])
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, data, titles)

    async def show(self, data: service.Insights, titles: dict[str, str]) -> None:
        if self not in self.app.screen_stack:
            return  # the person left before the numbers were ready
        self.data = data
        body = self.query_one("#insights", VerticalScroll)
        await body.remove_children()
        await body.mount_all(list(self._widgets(data, titles)))

    def _widgets(self, data: service.Insights, titles: dict[str, str]):
        if data.signal.active:
            yield self._signal(data.signal)
        yield Label(t("insights.mood_title"), classes="section")
        if data.checkins == 0:
            yield Static(escape(t("insights.no_checkins")), classes="muted")
        for window in data.windows:
            series = window.series if window.days <= 30 else charts.squeeze(window.series)
            if window.average is None:
                detail = t("insights.window_empty")
            else:
                detail = t(
                    "insights.window_detail", avg=charts.number(window.average), n=window.count
                )
            yield MoodSparkline(t("insights.window", days=window.days), series, detail)
        yield Label(t("insights.calendar_title"), classes="section")
        today = datetime.fromisoformat(data.as_of).date()
        yield CheckinCalendar(data.calendar, today, t("insights.weekdays").split())
        yield Static(
            escape(t("insights.streak", current=data.streak_current, longest=data.streak_longest))
        )
        yield Label(t("insights.exercises_title"), classes="section")
        if data.exercises:
            yield self._exercise_table(data, titles)
        else:
            yield Static(escape(t("insights.no_exercises")), classes="muted")
        yield Label(t("insights.screenings_title"), classes="section")
        if not data.screenings:
            yield Static(escape(t("insights.no_screenings")), classes="muted")
        for result in data.screenings:
            q = questionnaires().get(result["questionnaire"])
            name = q.short if q else result["questionnaire"]
            band = band_label(result["questionnaire"], result["band"])
            yield Static(escape(f"{name}  {result['total']} · {band} ({result['at'][:10]})"))

    def _signal(self, signal: service.Signal) -> Vertical:
        box = Vertical(
            Static(f"[b]{escape(t('insights.signal_title'))}[/b]"),
            Static(escape("\n".join(service.signal_lines(signal, self.context.lang)))),
            Static(escape(t("insights.signal_tui_plan")), id="signal-keys"),
            id="signal",
        )
        box.styles.height = "auto"
        return box

    def _exercise_table(self, data: service.Insights, titles: dict[str, str]) -> DataTable:
        table: DataTable = DataTable(cursor_type="row", zebra_stripes=True, id="exercises")
        table.add_columns(
            t("insights.col_exercise"),
            t("insights.col_change"),
            t("insights.col_rated"),
            t("insights.col_sessions"),
        )
        for effect in data.exercises:
            change = (
                "–"
                if effect.average_change is None
                else charts.number(effect.average_change, 1, sign=True)
            )
            if effect.lower_is_better and effect.average_change is not None:
                change += " " + t("insights.urge_mark")
            table.add_row(
                titles.get(effect.exercise_id, effect.exercise_id),
                change,
                str(effect.rated),
                str(effect.sessions),
            )
        return table

    def action_plan(self) -> None:
        if self.app.area("plan") is not None:
            self.app.open_area("plan")
        else:
            self.app.action_sos()  # The SOS screen shows the plan too.

    def action_report(self) -> None:
        from coach.tui.screens.report import ReportModal

        self.app.push_screen(ReportModal(self.context))


def glance(context: Context) -> str | None:
    from coach.services import checkins

    records = checkins.all_checkins(context)
    if not records:
        return None
    now = context.now()
    from coach.services.screenings import all_results

    daily = service.daily_moods(records, now)
    signal_slope, _ = service.trend_of(daily, now.date())
    falling = signal_slope is not None and signal_slope <= service.TREND_SLOPE
    if falling or service.rises(all_results(context), now):
        return t("insights.glance_signal")
    current, _ = service.streaks(set(daily), now.date())
    return t("insights.glance_streak", n=current) if current >= 2 else None


AREA = Area(
    id="insights",
    order=60,
    key="i",
    title="insights.title",
    description="insights.description",
    screen=InsightsScreen,
    glance=glance,
)
