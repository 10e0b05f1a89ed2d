"""The report for a doctor, from the TUI: a preview, notes only if asked, saved where you say."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Markdown, Static

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.services import report
from coach.tui.markup import escape
from coach.tui.screens.base import CoachModal


class ReportModal(CoachModal):
    """Shows the Markdown summary; `ctrl+s` writes it (0600) to the path in the box."""

    DEFAULT_CSS = """
    ReportModal { align: center middle; }
    ReportModal #report-box {
        width: 90%; height: 90%; border: round $accent; background: $surface; padding: 0 1;
    }
    ReportModal #report-preview { height: 1fr; border: tall $panel; }
    ReportModal #report-row { height: auto; margin-top: 1; }
    ReportModal #report-path { width: 1fr; }
    ReportModal #report-error { color: $error; }
    ReportModal .muted { color: $text-muted; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "insights.key_save_report", priority=True)]

    def __init__(self, context: Context, days: int = 30) -> None:
        super().__init__()
        self.context = context
        self.days = days

    def compose(self) -> ComposeResult:
        with Vertical(id="report-box"):
            yield Label(f"[b]{escape(t('insights.report_tui_title', days=self.days))}[/b]")
            with VerticalScroll(id="report-preview"):
                yield Markdown(self._markdown(False), id="report-md")
            yield Checkbox(t("insights.report_tui_notes"), id="report-notes")
            with Horizontal(id="report-row"):
                yield Input(str(report.default_path(self.context)), id="report-path")
                yield Button(t("insights.report_tui_save"), id="report-save", variant="primary")
            if getattr(self.context, "encrypted", False):
                yield Static(escape(t("insights.report_tui_plain")), classes="muted")
            yield Static("", id="report-error")

    def _markdown(self, with_notes: bool) -> str:
        return report.build(self.context, days=self.days, with_notes=with_notes)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#report-md", Markdown).update(self._markdown(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "report-save":
            event.stop()
            self.action_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        raw = self.query_one("#report-path", Input).value.strip()
        with_notes = self.query_one("#report-notes", Checkbox).value
        try:
            if not raw:
                raise CoachError(t("insights.report_tui_no_path"))
            path = report.write_file(Path(raw), self._markdown(with_notes))
        except CoachError as exc:
            self.query_one("#report-error", Static).update(escape(str(exc)))
            return
        self.app.notify(t("insights.report_saved_tui", path=path), timeout=10)
        self.dismiss(path)
