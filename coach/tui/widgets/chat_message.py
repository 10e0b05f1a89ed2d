"""One message of the chat: who said it, then the text as Markdown (updated as it streams)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.widgets import Markdown, Static

from coach.companion.prompt import strip_markers
from coach.tui.markup import escape


class ChatMessage(Vertical):
    DEFAULT_CSS = """
    ChatMessage { height: auto; margin: 0 0 1 0; padding: 0 1; }
    ChatMessage.-user { border-left: thick $accent; background: $boost; }
    ChatMessage.-assistant { border-left: thick $success 60%; }
    ChatMessage.-notice { border-left: thick $warning; color: $text-muted; }
    ChatMessage .who { color: $text-muted; text-style: bold; }
    ChatMessage Markdown { margin: 0; padding: 0; }
    """

    def __init__(self, role: str, who: str, text: str = "", **kwargs) -> None:
        super().__init__(classes=f"-{role}", **kwargs)
        self.role = role
        self.who = who
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(escape(self.who), classes="who")
        yield Markdown(self._shown())

    def _shown(self) -> str:
        # Exercise markers become buttons below the reply; they are not shown as text.
        return strip_markers(self.text) if self.role == "assistant" else self.text

    def on_mount(self) -> None:
        self._refresh()  # pieces may have arrived while the message was being mounted

    def append(self, piece: str) -> None:
        self.text += piece
        self._refresh()

    def set_text(self, text: str) -> None:
        self.text = text
        self._refresh()

    def _refresh(self) -> None:
        try:
            markdown = self.query_one(Markdown)
        except NoMatches:
            return  # not composed yet: compose() shows the text so far
        markdown.update(self._shown())
