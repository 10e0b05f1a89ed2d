"""A small form in a modal: Enter in a field or the save button saves, any other button cancels."""

from __future__ import annotations

from textual.widgets import Button, Input

from coach.tui.screens.base import CoachModal


class FormModal(CoachModal):
    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def action_save(self) -> None:
        raise NotImplementedError
