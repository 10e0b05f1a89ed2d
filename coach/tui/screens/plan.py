"""The safety plan editor: seven short lists, in the user's own words.

Written on a calmer day, read on a hard one (the SOS screen shows it). Each
part is a text box, one item a line. Ctrl+S saves; leaving saves too, so
nothing written here is ever lost.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Label, Static, TextArea

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.safety import plan as service
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class PlanScreen(CoachScreen):
    DEFAULT_CSS = """
    PlanScreen #plan { padding: 1 2; }
    PlanScreen .plan-title { text-style: bold; margin-top: 1; }
    PlanScreen .plan-hint { color: $text-muted; }
    PlanScreen TextArea { height: 4; }
    PlanScreen #plan-status { color: $text-muted; margin-top: 1; }
    PlanScreen #plan-save { margin-top: 1; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "plan.key_save", priority=True)]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.plan = service.load(context)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="plan"):
            yield Static(f"[b]{escape(t('plan.title'))}[/b] — {escape(t('plan.intro'))}")
            yield Static(escape(t("plan.editor_hint")), classes="plan-hint")
            for step in service.STEPS:
                yield Label(t(f"plan.step.{step}.title"), classes="plan-title")
                yield Static(escape(t(f"plan.step.{step}.hint")), classes="plan-hint")
                yield TextArea("\n".join(self.plan.items(step)), id=f"step-{step}", soft_wrap=True)
            yield Static("", id="plan-status")
            yield Button(t("plan.key_save"), id="plan-save", variant="primary")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(f"#step-{service.STEPS[0]}", TextArea).focus()

    def steps(self) -> dict[str, list[str]]:
        """What the boxes hold now, one item a non-empty line."""
        return {
            step: [
                line.strip()
                for line in self.query_one(f"#step-{step}", TextArea).text.splitlines()
                if line.strip()
            ]
            for step in service.STEPS
        }

    def changed(self) -> bool:
        return self.steps() != {s: self.plan.items(s) for s in service.STEPS}

    def action_save(self) -> bool:
        """Save the plan; True when it was saved (or had nothing new)."""
        steps = self.steps()
        if not self.changed():
            self.query_one("#plan-status", Static).update(t("plan.unchanged"))
            return True
        self._gate(steps)
        try:
            self.plan = service.save(self.context, steps)
        except CoachError as exc:
            self.query_one("#plan-status", Static).update(escape(str(exc)))
            return False
        self.query_one("#plan-status", Static).update(t("plan.saved"))
        self.notify(t("plan.saved"), timeout=3)
        return True

    def _gate(self, steps: dict[str, list[str]]) -> None:
        """The plan's words pass the detector like all others.

        A plan is written about hard moments ("when I start thinking of ending
        it"), so here a crisis does not pull the SOS screen over the editor: a
        notice points at F1 instead, and the plan is saved.
        """
        from coach.safety import detect

        detection = detect(
            "\n".join(i for items in steps.values() for i in items), self.context.lang
        )
        if detection.level != "none":
            self.notify(t("safety.concern_tui"), timeout=12)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "plan-save":
            event.stop()
            self.action_save()

    def action_back(self) -> None:
        if self.changed() and not self.action_save():
            return  # the message says what to fix; stay
        super().action_back()


def _glance(context: Context) -> str | None:
    plan = service.load(context)
    written = sum(1 for step in service.STEPS if plan.items(step))
    return t("plan.glance", n=written) if written else None


AREA = Area(
    id="plan",
    order=55,
    key="p",
    title="plan.title",
    description="plan.description",
    screen=PlanScreen,
    glance=_glance,
)
