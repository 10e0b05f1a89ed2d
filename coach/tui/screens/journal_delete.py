"""Asks before a journal entry is deleted for good."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.i18n import t
from coach.tui.markup import escape
from coach.tui.screens.base import CoachModal


class ConfirmDeleteEntry(CoachModal):
    """Dismisses with True to delete, None to keep."""

    DEFAULT_CSS = """
    ConfirmDeleteEntry { align: center middle; }
    ConfirmDeleteEntry #confirm {
        width: 70; height: auto; border: round $warning; background: $surface; padding: 1 2;
    }
    ConfirmDeleteEntry #confirm-buttons { height: auto; margin-top: 1; }
    ConfirmDeleteEntry Button { margin-right: 2; }
    """
    BINDINGS = [Binding("y", "delete", "journal.key_confirm_delete")]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(f"[b]{escape(t('journal.delete_question'))}[/b]")
            yield Static(f"[dim]{escape(self.summary)}[/dim]")
            with Horizontal(id="confirm-buttons"):
                yield Button(t("journal.delete_yes"), id="delete", variant="warning")
                yield Button(t("journal.delete_no"), id="keep", variant="default")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()  # the safe choice is the default

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True if event.button.id == "delete" else None)

    def action_delete(self) -> None:
        self.dismiss(True)
