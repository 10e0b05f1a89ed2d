"""The SOS screen: short, calm, drawn at once. F1 opens it from every screen.

One line that acknowledges, the emergency question, the lines of the user's
country, their own safety plan, and one key to a grounding or a breathing
exercise. No model is involved and nothing here waits on one.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from coach.context import Context
from coach.i18n import t
from coach.safety.sos import SosInfo, build
from coach.tui.screens.base import CoachScreen

GROUNDING = "grounding-54321"
BREATHING = "box"


class SosScreen(CoachScreen):
    DEFAULT_CSS = """
    SosScreen #sos { padding: 1 2; }
    SosScreen #sos-ack { text-style: bold; margin-bottom: 1; }
    SosScreen #sos-danger {
        color: $text; background: $error-muted; padding: 0 1; margin-bottom: 1;
    }
    SosScreen .sos-title { text-style: bold; color: $accent; }
    SosScreen .sos-block { margin-bottom: 1; }
    SosScreen #sos-keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("g", "grounding", "sos.key_grounding"),
        Binding("b", "breathing", "sos.key_breathing"),
        Binding("p", "plan", "sos.key_plan"),
    ]

    def __init__(self, context: Context, detected: bool = False, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.detected = detected
        self.info: SosInfo = build(context, detected=detected)

    def compose(self) -> ComposeResult:
        info, lang = self.info, self.info.lang
        with VerticalScroll(id="sos"):
            yield Static(Content(info.acknowledge()), id="sos-ack")
            yield Static(Content(info.danger()), id="sos-danger")
            yield Static(self._lines(), id="sos-lines", classes="sos-block")
            yield Static(self._plan(), id="sos-plan", classes="sos-block")
            hint = "sos.keys_hint" if self._exercises() else "sos.keys_hint_plan_only"
            yield Static(Content(t(hint, lang)), id="sos-keys")
        yield Footer()

    def _lines(self) -> Content:
        info = self.info
        parts: list = []
        if info.resources.lines:
            parts.append((info.lines_title(), "bold"))
            for name, how in info.line_rows():
                row = t("safety.line_row", info.lang, name="\0", how="\1")
                before, _, rest = row.partition("\0")
                middle, _, after = rest.partition("\1")
                parts += ["\n  ", before, name, middle, (how, "bold"), after]
        if not info.resources.known or not info.resources.support_lines():
            parts += ["\n" if parts else "", t("safety.lines_unknown", info.lang)]
        return Content.assemble(*parts)

    def _plan(self) -> Content:
        # Built as Content, not markup: the user's words are shown exactly as typed.
        rows = self.info.plan_rows()
        if not rows:
            # A locked or unreadable plan is not "no plan": say which, never "write one".
            note = self.info.plan_note()
            return Content(note if note is not None else t("sos.plan_none", self.info.lang))
        parts: list = [(t("safety.plan_title", self.info.lang), "bold")]
        for title, items in rows:
            parts += ["\n  ", (title, "bold")]
            for item in items:
                parts += ["\n    – ", item]
        return Content.assemble(*parts)

    def _exercises(self) -> bool:
        return self.app.area("exercise") is not None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("grounding", "breathing"):
            return self._exercises()
        if action == "plan":
            return self.app.area("plan") is not None
        return True

    def action_grounding(self) -> None:
        if self.app.area("exercise"):
            self.app.open_area("exercise", exercise_id=GROUNDING)

    def action_breathing(self) -> None:
        if self.app.area("exercise"):
            self.app.open_area("exercise", exercise_id=BREATHING)

    def action_plan(self) -> None:
        if self.app.area("plan"):
            self.app.open_area("plan")

    def on_screen_resume(self) -> None:
        # The plan may have changed in the editor: show the new one.
        self.info = build(self.context, detected=self.detected)
        self.query_one("#sos-plan", Static).update(self._plan())
