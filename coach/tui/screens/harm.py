"""Harm-reduction cards: short, sourced, chosen by topic. Reached from trackers
(and from urge surfing); opens on a topic when given one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coach.context import Context
from coach.i18n import t
from coach.trackers import harm
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class HarmScreen(CoachScreen):
    DEFAULT_CSS = """
    HarmScreen #harm { height: 1fr; }
    HarmScreen #harm-topics { width: 26; height: 100%; border-right: solid $panel; }
    HarmScreen #harm-cards { padding: 0 2; }
    HarmScreen #harm-body { margin-top: 1; }
    HarmScreen #harm-emergency {
        margin-top: 1; color: $text; background: $error-muted; padding: 0 1;
    }
    """

    def __init__(self, context: Context, topic: str | None = None, **kwargs) -> None:
        super().__init__(context, **kwargs)
        topics = harm.topics()
        self.topic = topic if topic in topics else topics[0]

    def compose(self) -> ComposeResult:
        lang = self.context.lang
        with Horizontal(id="harm"):
            yield OptionList(
                *[Option(escape(t(f"harm.topic.{name}", lang)), id=name) for name in harm.topics()],
                id="harm-topics",
            )
            with VerticalScroll(id="harm-cards"):
                yield Static("", id="harm-body")
                yield Static(escape(t("harm.emergency", lang)), id="harm-emergency")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        topics = self.query_one("#harm-topics", OptionList)
        topics.highlighted = harm.topics().index(self.topic)
        topics.focus()
        self.show(self.topic)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.topic:
            self.show(event.option.id)

    def show(self, topic: str) -> None:
        """Draw the topic's cards into the one body widget (updated, never remounted)."""
        self.topic = topic
        lang = self.context.lang
        heading = t("harm.title", lang) + " · " + t(f"harm.topic.{topic}", lang)
        parts = [f"[b $accent]{escape(heading)}[/]"]
        for card in harm.select(topic):
            data = card.to_json(lang)
            parts.append(f"[b]{escape(data['title'])}[/b]\n{escape(data['body'])}")
            sources = "\n".join(f"  {s['name']}: {s['url']}" for s in data["sources"])
            parts.append(f"[dim]{escape(t('harm.sources', lang))}\n{escape(sources)}[/dim]")
        self.query_one("#harm-body", Static).update("\n\n".join(parts))
        self.query_one("#harm-cards", VerticalScroll).scroll_home(animate=False)


AREA = Area(
    id="harm",
    order=51,
    key="",
    title="harm.title",
    description="harm.description",
    screen=HarmScreen,
    hidden=True,
)
