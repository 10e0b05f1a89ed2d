"""The line on every screen that says crisis help is one key away."""

from __future__ import annotations

from textual.widgets import Static

from coach.i18n import t


class SosHint(Static):
    DEFAULT_CSS = """
    SosHint { dock: bottom; height: 1; padding: 0 1; background: $error-muted; color: $text; }
    """

    def __init__(self) -> None:
        super().__init__(t("tui.sos_hint"))

    def on_click(self) -> None:
        self.app.action_sos()
