"""One turn of conversation: the safety check, the model, the guard, the store.

Every path to the model (TUI, `coach chat`, `coach ask`, a server backend)
goes through `Companion.reply`, so none can skip a step:
1. `safety.detect` on the user's words first. A crisis never reaches the
   model: the turn is stored, marked, and kept out of later context.
2. The prompt: the fixed system prompt, the history that fits, the message.
3. Each piece of the reply passes `safety.guard.ReplyGuard` as it streams;
   only what the guard lets out reaches `on_text`, and only that is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from coach.companion import memory, prompt
from coach.i18n import t
from coach.safety import detect
from coach.safety.guard import ReplyGuard


@dataclass
class TurnResult:
    level: str
    reasons: list[str] = field(default_factory=list)
    reply: str = ""  # what the user was shown (guarded), markers included
    blocked: bool = False  # the guard replaced the reply
    stopped: bool = False
    exercises: list[str] = field(default_factory=list)
    tokens: int = 0
    seconds_to_first_token: float = 0.0
    tokens_per_second: float = 0.0
    note: str = ""  # a kind line of ours after the reply (concern)

    @property
    def crisis(self) -> bool:
        return self.level == "crisis"


class Companion:
    def __init__(self, context: Any, backend: Any, store: memory.ConversationStore | None = None):
        self.context = context
        self.backend = backend
        self.store = store or memory.ConversationStore(context)
        self._menu: list[tuple[str, str]] | None = None
        self._system: str | None = None

    @property
    def exercise_ids(self) -> list[str]:
        return [eid for eid, _ in self.menu]

    @property
    def menu(self) -> list[tuple[str, str]]:
        if self._menu is None:
            self._menu = prompt.exercise_menu(self.context)
        return self._menu

    def system(self) -> str:
        # Built once per companion: the same words every turn keep the KV cache useful.
        if self._system is None:
            self._system = prompt.system_prompt(
                self.context.lang, self.menu, prompt.user_context(self.context)
            )
        return self._system

    def new_conversation(self) -> memory.Conversation:
        return self.store.new(getattr(self.backend, "model_id", ""))

    def reply(
        self,
        conversation: memory.Conversation,
        text: str,
        on_text: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
        detection: Any = None,
        temperature: float = 0.0,
    ) -> TurnResult:
        lang = self.context.lang
        detection = detection or detect(text, lang)
        result = TurnResult(detection.level, list(detection.reasons))
        if detection.is_crisis:
            # Kept for the person, never for the model, now or in later turns.
            self.store.add_turn(conversation, "user", text, crisis=True)
            return result
        messages, conversation.context_start = memory.fit(
            self.system(),
            conversation.history(),
            text,
            self.backend.count_tokens,
            self.backend.n_ctx,
            conversation.context_start,
        )
        self.store.add_turn(conversation, "user", text, level=detection.level)
        guard = ReplyGuard(lang)
        shown: list[str] = []

        def emit(piece: str) -> None:
            if piece:
                shown.append(piece)
                if on_text:
                    on_text(piece)

        try:
            for chunk in self.backend.stream(messages, stop=stop, temperature=temperature):
                emit(guard.feed(chunk))
                if guard.blocked:
                    break  # nothing more of this reply will be shown: stop computing it
            emit(guard.finish())
        finally:
            stats = self.backend.stats
            result.tokens = stats.tokens
            result.seconds_to_first_token = round(stats.seconds_to_first_token, 4)
            result.tokens_per_second = round(stats.tokens_per_second, 2)
            result.stopped = bool(stats.stopped) or bool(stop is not None and stop.is_set())
        result.reply = "".join(shown)
        result.blocked = guard.blocked
        result.reasons += list(guard.reasons)
        result.exercises = prompt.suggested_exercises(result.reply, self.exercise_ids)
        if detection.is_concern:
            result.note = t("companion.concern_note", lang)
        self.store.add_turn(
            conversation,
            "assistant",
            result.reply,
            withheld=guard.blocked,
            stopped=result.stopped,
            model=getattr(self.backend, "model_id", ""),
        )
        return result
