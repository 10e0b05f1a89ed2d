"""The exercise library: every exercise, or one family of them (breathing, relaxation).

A list on the left, the highlighted exercise's details on the right (what it
is, its cautions and its source); Enter opens it on the screen for its kind.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coach.context import Context
from coach.exercises.loader import load_for
from coach.exercises.schema import Exercise
from coach.i18n import t
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class ExercisesScreen(CoachScreen):
    DEFAULT_CSS = """
    ExercisesScreen #library { padding: 1 2; }
    ExercisesScreen #library-title { text-style: bold; color: $accent; margin-bottom: 1; }
    ExercisesScreen #library-list { width: 1fr; border: round $secondary; }
    ExercisesScreen #library-detail { width: 1fr; border: round $primary; padding: 0 1; }
    """

    def __init__(
        self,
        context: Context,
        kind: str | None = None,
        category: str | None = None,
        missing: str | None = None,
        title: str = "exercises.tui.area_library",
        **kwargs,
    ) -> None:
        super().__init__(context, **kwargs)
        self.kind, self.category, self.missing, self.title_key = kind, category, missing, title
        self.library = load_for(context, report=None)
        items = self.library.all(kind, category)
        # Cards have their own screen; the library lists one entry for all of them.
        self.items: list[Exercise] = [e for e in items if e.kind != "card" or kind == "card"]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="library"):
            yield Static(t(self.title_key), id="library-title")
            with Horizontal():
                yield OptionList(*self._options(), id="library-list")
                yield Static("", id="library-detail")
        yield SosHint()
        yield Footer()

    def _options(self) -> list[Option]:
        lang = self.context.lang
        options = [
            Option(
                f"[b]{escape(e.title_in(lang))}[/b]\n[dim]{escape(e.summary_in(lang))}[/dim]",
                id=e.id,
            )
            for e in self.items
        ]
        if self.kind is None and self.category is None and self.library.all("card"):
            options.append(
                Option(
                    f"[b]{t('exercises.tui.area_cards')}[/b]\n"
                    f"[dim]{t('exercises.tui.area_cards_help')}[/dim]",
                    id="@cards",
                )
            )
        return options

    def on_mount(self) -> None:
        if self.missing:
            self.notify(t("exercises.unknown", id=self.missing), severity="warning")
        for problem in self.library.problems:
            self.notify(str(problem), severity="warning", timeout=10)
        options = self.query_one("#library-list", OptionList)
        options.focus()
        if self.items:
            options.highlighted = 0
            self._detail(self.items[0])

    def _detail(self, exercise: Exercise) -> None:
        from coach.exercises.describe import describe_text
        from coach.exercises.plan import build

        text = describe_text(exercise, build(exercise).total_seconds, self.context.lang)
        self.query_one("#library-detail", Static).update(escape(text))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        exercise = self.library.get(event.option.id or "")
        if exercise is not None:
            self._detail(exercise)
        elif event.option.id == "@cards":
            self.query_one("#library-detail", Static).update(t("exercises.tui.area_cards_help"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "@cards":
            self.app.open_area("cards")
        elif event.option.id:
            self.app.open_area("exercise", exercise_id=event.option.id)


def glance(context: Context) -> str | None:
    """`Exercises today: 2 (9 min)` on the home screen, when there were any."""
    from coach.exercises.sessions import Sessions

    runs = Sessions(context).on_day(context.now().date())
    if not runs:
        return None
    minutes = round(sum(r.get("duration_s", 0) for r in runs) / 60)
    return t("exercises.tui.glance", n=len(runs), minutes=minutes)


AREAS = [
    Area(
        id="breathing",
        order=20,
        key="b",
        title="exercises.tui.area_breathing",
        description="exercises.tui.area_breathing_help",
        screen=lambda context, **o: ExercisesScreen(
            context, kind="breathing", title="exercises.tui.area_breathing", **o
        ),
    ),
    Area(
        id="relax",
        order=22,
        key="m",
        title="exercises.tui.area_relax",
        description="exercises.tui.area_relax_help",
        screen=lambda context, **o: ExercisesScreen(
            context, category="relaxation", title="exercises.tui.area_relax", **o
        ),
    ),
    Area(
        id="exercises",
        order=25,
        key="e",
        title="exercises.tui.area_library",
        description="exercises.tui.area_library_help",
        screen=ExercisesScreen,
        glance=glance,
    ),
]
