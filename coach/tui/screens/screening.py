"""Questionnaires (PHQ-9, GAD-7): one question at a time, then the result.

A screening, never a diagnosis. When PHQ-9 item 9 is above 0 the SOS screen
opens before any score is shown.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coach.context import Context
from coach.i18n import pick, t
from coach.services import screenings
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class ScreeningScreen(CoachScreen):
    DEFAULT_CSS = """
    ScreeningScreen #screening { padding: 1 2; }
    ScreeningScreen .muted { color: $text-muted; }
    ScreeningScreen #question { text-style: bold; margin: 1 0; }
    ScreeningScreen #stem { margin-top: 1; }
    ScreeningScreen OptionList { height: auto; max-height: 10; margin-top: 1; }
    ScreeningScreen #result-score { text-style: bold; margin-bottom: 1; }
    ScreeningScreen #result-followup { background: $error-muted; padding: 0 1; margin-bottom: 1; }
    ScreeningScreen #result-professional {
        background: $warning-muted; padding: 0 1; margin-bottom: 1;
    }
    ScreeningScreen .block { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("backspace", "previous", "screening.key_previous"),
        Binding("r", "again", "screening.key_again"),
    ]

    def __init__(self, context: Context, questionnaire: str | None = None, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.questionnaire: screenings.Questionnaire | None = None
        self.answers: list[int] = []
        self.result: dict | None = None
        self._start = questionnaire

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="screening"):
            with Vertical(id="choose"):
                yield Static(t("screening.choose"), classes="block")
                yield OptionList(*self._choices(), id="choices")
            with Vertical(id="ask"):
                yield Static("", id="progress", classes="muted")
                yield Static("", id="about", classes="muted")
                yield Static("", id="stem")
                yield Static("", id="question")
                yield OptionList(id="options")
                yield Static(t("screening.answer_keys"), classes="muted")
            with Vertical(id="result"):
                yield Static("", id="result-score")
                yield Static("", id="result-followup")
                yield Static("", id="result-professional")
                yield Static(t("screening.not_diagnosis"), classes="block")
                yield Static("", id="result-previous", classes="block")
                yield Static(t("screening.result_keys"), classes="muted block")
                yield Static("", id="attribution", classes="muted")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        if self._start:
            self.begin(self._start)
        else:
            self._show("choose")
            choices = self.query_one("#choices", OptionList)
            choices.highlighted = 0
            choices.focus()

    def _choices(self) -> list[Option]:
        options = []
        for q in screenings.questionnaires().values():
            results = screenings.all_results(self.context, q.id)
            if results:
                last = results[-1]
                band = screenings.band_label(q.id, last["band"])
                state = t(
                    "screening.last_result", total=last["total"], band=band, date=last["at"][:10]
                )
            else:
                state = t("screening.never_taken")
            title = escape(pick(q.title))
            options.append(Option(f"[b]{title}[/b]\n  [dim]{escape(state)}[/dim]", id=q.id))
        return options

    def _show(self, part: str) -> None:
        for name in ("choose", "ask", "result"):
            self.query_one(f"#{name}").display = name == part
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "previous":
            return self.questionnaire is not None and self.result is None and bool(self.answers)
        if action == "again":
            return self.result is not None
        return True

    # --- asking ---

    def begin(self, questionnaire_id: str) -> None:
        self.questionnaire = screenings.get(questionnaire_id)
        self.answers = []
        self.result = None
        q = self.questionnaire
        self.query_one("#about", Static).update(escape(pick(q.about)))
        self.query_one("#stem", Static).update(escape(pick(q.stem)))
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(
            [Option(f"{v}  {escape(pick(texts))}", id=str(v)) for v, texts in q.options]
        )
        self._show("ask")
        self._ask()
        options.focus()

    def _ask(self, highlight: int = 0) -> None:
        q = self.questionnaire
        index = len(self.answers)
        self.query_one("#progress", Static).update(
            t("screening.progress", n=index + 1, total=len(q.items)) + f" · {q.short}"
        )
        self.query_one("#question", Static).update(escape(pick(q.items[index])))
        options = self.query_one("#options", OptionList)
        options.highlighted = highlight
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "choices" and event.option.id:
            self.begin(event.option.id)
        elif event.option_list.id == "options" and event.option.id is not None:
            self.answer(int(event.option.id))

    def on_key(self, event: events.Key) -> None:
        if self.questionnaire is None or self.result is not None or not event.character:
            return
        if event.character.isdigit() and int(event.character) in self.questionnaire.values:
            event.stop()
            self.answer(int(event.character))

    def answer(self, value: int) -> None:
        q = self.questionnaire
        if q is None or self.result is not None:
            return
        self.answers.append(value)
        if len(self.answers) < len(q.items):
            self._ask()
            return
        self.finish()

    def action_previous(self) -> None:
        if self.answers and self.result is None:
            previous = self.answers.pop()
            self._ask(highlight=list(self.questionnaire.values).index(previous))

    # --- the result ---

    def finish(self) -> None:
        q = self.questionnaire
        result = screenings.score(q, self.answers)
        previous = screenings.all_results(self.context, q.id)
        self.result = screenings.save(self.context, result)
        if result.safety_followup:
            # Before any score: crisis help comes first, whatever the total.
            from coach.tui.screens.sos import SosScreen

            self.app.push_screen(SosScreen(self.context))
        self._render_result(q, previous[-1] if previous else None)

    def _render_result(self, q: screenings.Questionnaire, previous: dict | None) -> None:
        record = self.result
        band = q.band(record["total"]).label()
        self.query_one("#result-score", Static).update(
            escape(
                t(
                    "screening.result",
                    name=q.short,
                    total=record["total"],
                    max=q.max_total,
                    band=band,
                )
            )
        )
        followup = self.query_one("#result-followup", Static)
        followup.update(escape(t("screening.item9_followup")) if record["safety_followup"] else "")
        followup.display = record["safety_followup"]
        professional = self.query_one("#result-professional", Static)
        professional.update(escape(t("screening.suggest_professional")))
        professional.display = record["suggest_professional"]
        previous_line = ""
        if previous is not None:
            previous_line = t(
                "screening.previous_result",
                date=previous["at"][:10],
                total=previous["total"],
                band=screenings.band_label(q.id, previous["band"]),
            )
        self.query_one("#result-previous", Static).update(escape(previous_line))
        self.query_one("#attribution", Static).update(escape(pick(q.attribution)))
        self._show("result")

    def action_again(self) -> None:
        if self.questionnaire is not None:
            self.begin(self.questionnaire.id)


def glance(context: Context) -> str | None:
    results = screenings.all_results(context)
    if not results:
        return None
    last = results[-1]
    q = screenings.questionnaires().get(last["questionnaire"])
    if q is None:
        return None
    return t(
        "screening.glance",
        name=q.short,
        total=last["total"],
        band=screenings.band_label(q.id, last["band"]),
        date=last["at"][:10],
    )


AREA = Area(
    id="screening",
    order=45,
    key="q",
    title="screening.title",
    description="screening.description",
    screen=ScreeningScreen,
    glance=glance,
)
