"""Trackers: each tracker's counter and next milestone, and the keys to act on one.

Milestones newly reached are celebrated here once (the service records them),
with a toast. A slip is offered as "a new start": the history stays.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coach.context import Context
from coach.i18n import t
from coach.trackers import text
from coach.trackers.service import TrackerService
from coach.trackers.stats import Status
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class TrackersScreen(CoachScreen):
    DEFAULT_CSS = """
    TrackersScreen #trackers { padding: 1 2; }
    TrackersScreen #trackers-title { text-style: bold; color: $accent; margin-bottom: 1; }
    TrackersScreen #trackers-list { height: auto; max-height: 60%; }
    TrackersScreen #trackers-detail { margin-top: 1; padding: 0 1; }
    TrackersScreen #trackers-empty { color: $text-muted; }
    """
    BINDINGS = [
        Binding("n", "add", "trackers.key_add"),
        Binding("p", "pledge", "trackers.key_pledge"),
        Binding("r", "review", "trackers.key_review"),
        Binding("s", "slip", "trackers.key_slip"),
        Binding("u", "urge", "trackers.key_urge"),
        Binding("t", "triggers", "trackers.key_triggers"),
        Binding("h", "harm", "trackers.key_harm"),
        # Deleting is rare and erases history: kept off the footer (F2 lists it).
        Binding("d", "remove", "trackers.key_remove", show=False),
    ]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.service = TrackerService(context)
        self.statuses: list[Status] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="trackers"):
            yield Static(escape(t("trackers.title")), id="trackers-title")
            yield Static(escape(t("trackers.empty")), id="trackers-empty")
            yield OptionList(id="trackers-list")
            yield Static("", id="trackers-detail")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        # The counters move while the screen is open; a milestone reached now is celebrated now.
        self.set_interval(60, self._tick)

    def _tick(self) -> None:
        if self.is_current:  # not under an open form: it would move the selection away
            self.refresh_trackers()

    def on_screen_resume(self) -> None:
        """Also runs when the screen is first shown."""
        self.refresh_trackers()

    def refresh_trackers(self, select: str | None = None) -> None:
        """Reload from the store, celebrate new milestones once, keep the selection."""
        current = select or (self.selected.tracker.name if self.selected else None)
        self.statuses = self.service.status()
        for status in self.statuses:
            for line in text.celebration(status):
                self.notify(f"{status.tracker.name}: {line}", timeout=10)
        options = self.query_one("#trackers-list", OptionList)
        options.clear_options()
        options.add_options([self._option(s) for s in self.statuses])
        empty = not self.statuses
        self.query_one("#trackers-empty").display = empty
        options.display = not empty
        self.query_one("#trackers-detail").display = not empty
        if not empty:
            names = [s.tracker.name for s in self.statuses]
            options.highlighted = names.index(current) if current in names else 0
            options.focus()
        self._show_detail()

    def _option(self, status: Status) -> Option:
        tr = status.tracker
        head = f"[b]{escape(tr.name)}[/b] · {escape(text.kind(tr.kind))}"
        counter = f"[b $success]{escape(text.counter(status))}[/b $success]"
        return Option(
            f"{head}\n  {counter}\n  [dim]{escape(text.next_line(status))}[/dim]", id=str(tr.id)
        )

    @property
    def selected(self) -> Status | None:
        if not self.statuses or not self.is_mounted:
            return None
        index = self.query_one("#trackers-list", OptionList).highlighted
        if index is None or index >= len(self.statuses):
            return None
        return self.statuses[index]

    def _show_detail(self) -> None:
        status = self.selected
        detail = self.query_one("#trackers-detail", Static)
        if status is None:
            detail.update("")
            return
        detail.update("\n".join(escape(line) for line in text.status_lines(status)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    # --- actions --------------------------------------------------------------
    def _need_selection(self) -> Status | None:
        status = self.selected
        if status is None:
            self.notify(t("trackers.select_first"), timeout=5)
        return status

    def action_add(self) -> None:
        from coach.tui.screens.tracker_add import TrackerAddModal

        self.app.push_screen(TrackerAddModal(self.context), self._after_change)

    def _entry(self, mode: str) -> None:
        status = self._need_selection()
        if status is None:
            return
        from coach.tui.screens.tracker_entry import TrackerEntryModal

        self.app.push_screen(
            TrackerEntryModal(self.context, status.tracker.name, mode), self._after_entry
        )

    def action_pledge(self) -> None:
        self._entry("pledge")

    def action_review(self) -> None:
        self._entry("review")

    def action_slip(self) -> None:
        self._entry("slip")

    def action_urge(self) -> None:
        self._entry("urge")

    def action_triggers(self) -> None:
        status = self._need_selection()
        if status is not None:
            from coach.tui.screens.tracker_triggers import TrackerTriggersScreen

            self.app.push_screen(TrackerTriggersScreen(self.context, status.tracker.name))

    def action_harm(self) -> None:
        from coach.trackers.kinds import harm_topic

        status = self.selected
        topic = harm_topic(status.tracker.kind) if status else None
        self.app.open_area("harm", **({"topic": topic} if topic else {}))

    def action_remove(self) -> None:
        status = self._need_selection()
        if status is None:
            return
        from coach.tui.screens.tracker_remove import TrackerRemoveModal

        self.app.push_screen(
            TrackerRemoveModal(self.context, status.tracker.name), self._after_change
        )

    def _after_change(self, result: str | None) -> None:
        if result:
            self.refresh_trackers(select=result)

    def _after_entry(self, entry) -> None:
        """Save what the form checked: the note passes the safety gate first."""
        if entry is None:
            return
        from coach.errors import CoachError
        from coach.tui.safety_gate import check

        words = "\n".join(v for v in (entry.trigger, entry.note) if v)
        safety = check(self, words).level if words else "none"
        try:
            message = self._save(entry, safety)
        except CoachError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.notify(message, timeout=8)
        self.refresh_trackers(select=entry.name)

    def _save(self, entry, safety: str) -> str:
        service = self.service
        if entry.mode == "pledge":
            _event, status = service.pledge(entry.name, entry.note, safety)
            streak = text.count("day", status.pledge_streak)
            return t("trackers.pledge_saved", name=status.tracker.name, streak=streak)
        if entry.mode == "review":
            service.review(entry.name, entry.rating, entry.note, safety)
            message = t("trackers.review_saved", rating=text.rating(entry.rating))
            return message + ("\n" + t("trackers.review_hard") if entry.rating >= 4 else "")
        moment = {
            "at": entry.at,
            "trigger": entry.trigger,
            "urge": entry.urge,
            "note": entry.note,
            "safety": safety,
        }
        if entry.mode == "urge":
            service.urge(entry.name, **moment)
            return t("trackers.urge_saved")
        result = service.slip(entry.name, **moment)
        s = result.status
        kept = t(
            "trackers.slip_kept",
            days=text.count("day", result.ended_days),
            longest=text.count("day", s.longest_days),
            total=text.count("day", s.total_clean_days),
        )
        return t("trackers.slip_saved", date=text.when(result.event.at, s.zone)) + "\n" + kept


def glance(context: Context) -> str | None:
    """One line for home: each tracker's days (read only: home never celebrates)."""
    statuses = TrackerService(context).summaries()
    if not statuses:
        return None
    parts = []
    for status in statuses:
        key = "trackers.glance_new" if status.new else "trackers.glance"
        top = text.milestone(status.new[-1]) if status.new else ""
        parts.append(t(key, name=status.tracker.name, days=text.counter(status), milestone=top))
    return " · ".join(parts)


AREA = Area(
    id="trackers",
    order=50,
    key="t",
    title="trackers.title",
    description="trackers.description",
    screen=TrackersScreen,
    glance=glance,
)
