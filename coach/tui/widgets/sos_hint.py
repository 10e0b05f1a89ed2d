"""The line on every screen that says crisis help is one key away.

Not docked: two widgets docked at the bottom overlap, and the footer is one.
Screens place it last before the footer, under a `1fr` body.
"""

from __future__ import annotations

from textual.widgets import Static

from coach.i18n import t


class SosHint(Static):
    DEFAULT_CSS = """
    SosHint { height: 1; width: 100%; padding: 0 1; background: $error-muted; color: $text; }
    """

    def __init__(self) -> None:
        super().__init__(t("tui.sos_hint"))

    def on_click(self) -> None:
        self.app.action_sos()
