"""Earlier conversations with the companion: pick one to read and go on with it."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.context import Context
from coach.i18n import t
from coach.tui.markup import escape
from coach.tui.screens.base import CoachModal


class ChatHistoryScreen(CoachModal):
    DEFAULT_CSS = """
    ChatHistoryScreen { align: center middle; }
    ChatHistoryScreen #history { width: 80%; max-width: 90; height: 70%; border: round $accent;
        padding: 0 1; background: $surface; }
    ChatHistoryScreen OptionList { height: 1fr; }
    """

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        from coach.companion.memory import ConversationStore

        self.context = context
        self.conversations = ConversationStore(context).list()

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield Static(f"[b]{escape(t('companion.tui.earlier_title'))}[/b]")
            if not self.conversations:
                yield Static(escape(t("companion.tui.earlier_none")))
            options = []
            for i, conv in enumerate(self.conversations):
                when = _day(conv.turns[-1]["at"] if conv.turns else conv.started)
                title = conv.title or t("companion.tui.untitled")
                count = sum(1 for turn in conv.turns if turn.get("role") == "user")
                messages = t("companion.tui.messages", n=count)
                line = f"{when}  {escape(title)}  [dim]({messages})[/dim]"
                options.append(Option(line, id=str(i)))
            yield OptionList(*options, id="history-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.conversations[int(event.option.id or 0)])


def _day(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]
