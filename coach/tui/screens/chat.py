"""The companion's chat: streamed replies, a stop key, earlier conversations.

The screen draws at once; the model loads in a worker thread while a line
says so. Every message passes the safety gate first (a crisis opens the SOS
screen and never reaches the model); every reply passes the guard inside
`Companion.reply` before a word of it is shown. Escape stops a reply at once.
"""

from __future__ import annotations

import threading
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Static

from coach.context import Context
from coach.i18n import set_language, t
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.chat_input import ChatInput
from coach.tui.widgets.chat_message import ChatMessage
from coach.tui.widgets.sos_hint import SosHint


class ChatScreen(CoachScreen):
    DEFAULT_CSS = """
    ChatScreen #chat-notice { padding: 0 1; color: $text-muted; background: $boost; }
    ChatScreen #chat-log { height: 1fr; padding: 1 1 0 1; }
    ChatScreen #chat-status { height: auto; padding: 0 1; color: $text-muted; }
    ChatScreen #chat-actions { height: auto; padding: 0 1; }
    ChatScreen #chat-actions Button { margin-right: 1; min-width: 10; }
    ChatScreen #chat-pull { margin: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "stop_or_back", "companion.tui.key_stop_back", priority=True),
        Binding("ctrl+n", "new", "companion.tui.key_new"),
        Binding("ctrl+o", "earlier", "companion.tui.key_earlier"),
        Binding("ctrl+e", "exercise", "companion.tui.key_exercise"),
    ]

    def __init__(self, context: Context, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.state = "loading"  # loading, missing, pulling, ready, generating, failed
        self.companion: Any = None
        self.conversation: Any = None
        self.suggested: list[str] = []
        self._stop = threading.Event()
        self._pull_cancel = threading.Event()
        self._missing: Any = None

    # --- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(escape(self._notice()), id="chat-notice")
        yield VerticalScroll(id="chat-log")
        yield Static("", id="chat-status")
        yield Horizontal(id="chat-actions")
        yield ChatInput(id="chat-input")
        yield SosHint()
        yield Footer()

    def _notice(self) -> str:
        if self.context.config.get("companion.backend") == "server":
            where = str(self.context.config.get("companion.url"))
            return t("companion.ai_notice_server", where=where)
        return t("companion.ai_notice")

    def on_mount(self) -> None:
        self.query_one("#chat-input", ChatInput).focus()
        self._status(t("companion.tui.loading"))
        self.load_model()

    def _status(self, text: str) -> None:
        self.query_one("#chat-status", Static).update(escape(text))

    # --- loading -----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_model(self) -> None:
        from coach.companion.backends import for_context
        from coach.companion.catalog import ModelMissing
        from coach.companion.companion import Companion
        from coach.companion.server import InsecureServer
        from coach.errors import CoachError

        set_language(self.context.lang)  # a worker thread does not inherit the language
        try:
            backend = for_context(self.context)
            if not getattr(backend, "loaded", False):
                model = getattr(backend, "model_id", "")
                self.app.call_from_thread(self._status, t("companion.tui.loading_model", id=model))
            backend.load()
            companion = Companion(self.context, backend)
            warm = getattr(backend, "warm", None)
            if warm is not None:
                warm([{"role": "system", "content": companion.system()}])
        except ModelMissing as exc:
            self.app.call_from_thread(self._show_missing, exc)
            return
        except InsecureServer as exc:
            self.app.call_from_thread(self._show_insecure, exc)
            return
        except CoachError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._ready, companion)

    def _ready(self, companion: Any) -> None:
        self.companion = companion
        if self.conversation is None:
            self.conversation = companion.new_conversation()
        self.state = "ready"
        backend = companion.backend
        model = getattr(backend, "model_id", "")
        where = getattr(backend, "name", "local")
        if where == "server":
            where = f"{where} {backend.where}"
        self._status(t("companion.tui.ready", id=model, backend=where))
        self.query_one("#chat-input", ChatInput).focus()

    def _failed(self, message: str) -> None:
        self.state = "failed"
        self._status(message)

    def _show_missing(self, exc: Any) -> None:
        from coach.companion.catalog import human_size, load_catalog

        self.state = "missing"
        self._missing = exc
        entry = load_catalog().get(exc.model_id)
        self._status(str(exc))
        if entry is not None and entry.source != "local":
            label = t("companion.tui.pull_button", id=entry.id, size=human_size(entry.size))
            button = Button(label, id="chat-pull", variant="primary")
            self.mount(button, after=self.query_one("#chat-status"))
            button.focus()

    def _show_insecure(self, exc: Any) -> None:
        self.state = "failed"
        self._status(str(exc))
        label = t("companion.server_confirm_button", url=exc.url)
        button = Button(label, id="chat-insecure", variant="warning", name=exc.url)
        self.mount(button, after=self.query_one("#chat-status"))

    @on(Button.Pressed, "#chat-insecure")
    def _insecure_confirmed(self, event: Button.Pressed) -> None:
        from coach.companion.server import confirm

        confirm(self.context.paths.config, str(event.button.name))
        event.button.remove()
        self.state = "loading"
        self._status(t("companion.tui.loading"))
        self.load_model()

    # --- pulling the model ---------------------------------------------------------

    @on(Button.Pressed, "#chat-pull")
    def _pull_pressed(self, event: Button.Pressed) -> None:
        event.button.remove()
        self.state = "pulling"
        self._pull_cancel.clear()
        self.pull_model(self._missing.model_id)

    @work(thread=True, exclusive=True, group="pull")
    def pull_model(self, model_id: str) -> None:
        from coach.companion import catalog, fetch
        from coach.errors import CoachError

        set_language(self.context.lang)
        entry = catalog.load_catalog().require(model_id)
        size = catalog.human_size(entry.size)

        def progress(done: int, total: int) -> None:
            pct = int(done * 100 / total) if total else 0
            text = t("companion.tui.pulling", id=model_id, size=size, pct=pct)
            self.app.call_from_thread(self._status, text)

        try:
            fetch.pull(entry, self.context.paths.models, progress, self._pull_cancel)
        except CoachError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._status, t("companion.tui.loading"))
        self.app.call_from_thread(self.load_model)

    # --- sending -------------------------------------------------------------------

    @on(ChatInput.Submitted)
    def _submitted(self, event: ChatInput.Submitted) -> None:
        text = event.text.strip()
        if not text:
            return
        if self.state == "generating":
            self.notify(t("companion.busy"), severity="warning")
            return
        if self.state != "ready":
            self.notify(t("companion.tui.not_ready"), severity="warning")
            return
        from coach.tui import safety_gate

        box = self.query_one("#chat-input", ChatInput)
        box.clear()
        self._clear_suggestions()
        detection = safety_gate.check(self, text)  # opens SOS on crisis
        log = self.query_one("#chat-log", VerticalScroll)
        log.mount(ChatMessage("user", t("companion.you"), text))
        if detection.is_crisis:
            # Stored, marked, never sent: Companion.reply returns before any model call.
            self.companion.reply(self.conversation, text, detection=detection)
            log.mount(
                ChatMessage("notice", t("companion.tui.safety"), t("companion.crisis_no_reply"))
            )
            log.scroll_end(animate=False)
            return
        reply = ChatMessage("assistant", t("companion.companion_name"))
        log.mount(reply)
        log.scroll_end(animate=False)
        self.state = "generating"
        self._stop.clear()
        self._status(t("companion.tui.generating"))
        self.generate(text, detection, reply)

    @work(thread=True, exclusive=True, group="generate")
    def generate(self, text: str, detection: Any, widget: ChatMessage) -> None:
        from coach.errors import CoachError

        set_language(self.context.lang)

        def on_text(piece: str) -> None:
            self.app.call_from_thread(self._append, widget, piece)

        try:
            result = self.companion.reply(
                self.conversation, text, on_text, self._stop, detection=detection
            )
        except CoachError as exc:
            self.app.call_from_thread(self._done, widget, None, str(exc))
            return
        self.app.call_from_thread(self._done, widget, result, "")

    def _append(self, widget: ChatMessage, piece: str) -> None:
        log = self.query_one("#chat-log", VerticalScroll)
        at_bottom = log.scroll_y >= log.max_scroll_y - 1
        widget.append(piece)
        if at_bottom:  # follow the reply only if the reader has not scrolled up
            log.scroll_end(animate=False)

    def _done(self, widget: ChatMessage, result: Any, error: str) -> None:
        self.state = "ready"
        if error:
            self._status(error)
            return
        if result.note:
            widget.append(f"\n\n*{result.note}*")
        if result.stopped:
            widget.append(f" *{t('companion.stopped')}*")
        self._status(
            t("companion.tui.stats", tokens=result.tokens, rate=f"{result.tokens_per_second:.0f}")
            if result.tokens
            else ""
        )
        self._suggest(result.exercises)

    # --- exercises the companion suggests ----------------------------------------------

    def _suggest(self, exercise_ids: list[str]) -> None:
        if self.app.area("exercise") is None:
            return
        titles = dict(self.companion.menu) if self.companion else {}
        self.suggested = list(exercise_ids)
        actions = self.query_one("#chat-actions", Horizontal)
        for eid in exercise_ids:
            label = t("companion.tui.start_exercise", title=titles.get(eid, eid))
            actions.mount(Button(label, id=f"ex-{eid}", classes="exercise"))

    def _clear_suggestions(self) -> None:
        self.suggested = []
        self.query_one("#chat-actions", Horizontal).remove_children()

    @on(Button.Pressed, ".exercise")
    def _exercise_pressed(self, event: Button.Pressed) -> None:
        if event.button.id:
            self.app.open_area("exercise", exercise_id=event.button.id.removeprefix("ex-"))

    def action_exercise(self) -> None:
        if self.suggested:
            self.app.open_area("exercise", exercise_id=self.suggested[0])

    # --- keys -----------------------------------------------------------------------

    def action_stop_or_back(self) -> None:
        if self.state == "generating":
            self._stop.set()  # checked at every token: the reply ends now
            self._status(t("companion.tui.stopping"))
            return
        if self.state == "pulling":
            self._pull_cancel.set()
            return
        self.action_back()

    def action_new(self) -> None:
        if self.state == "generating":
            self.notify(t("companion.busy"), severity="warning")
            return
        self.query_one("#chat-log", VerticalScroll).remove_children()
        self._clear_suggestions()
        if self.companion is not None:
            self.conversation = self.companion.new_conversation()

    def action_earlier(self) -> None:
        if self.state == "generating":
            self.notify(t("companion.busy"), severity="warning")
            return
        from coach.tui.screens.chat_history import ChatHistoryScreen

        self.app.push_screen(ChatHistoryScreen(self.context), self._open_conversation)

    def _open_conversation(self, conversation: Any) -> None:
        if conversation is None:
            return
        self.conversation = conversation
        log = self.query_one("#chat-log", VerticalScroll)
        log.remove_children()
        self._clear_suggestions()
        for turn in conversation.turns:
            if turn.get("role") == "user":
                log.mount(ChatMessage("user", t("companion.you"), turn.get("content", "")))
            elif turn.get("role") == "assistant":
                who = t("companion.companion_name")
                log.mount(ChatMessage("assistant", who, turn.get("content", "")))
        log.scroll_end(animate=False)


AREA = Area(
    id="chat",
    order=70,
    key="a",
    title="companion.tui.title",
    description="companion.tui.description",
    screen=ChatScreen,
)
