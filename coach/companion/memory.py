"""Stored conversations (concern `chat`, one file a year) and fitting them in the window.

A conversation is one record: its turns, each `{role, content, at}`. A user
message that the safety check found to be a crisis is kept (we never lose what
someone wrote) but marked, and never goes back into the model's context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CONCERN = "chat"
TABLE = "conversations"
TITLE_CHARS = 60
REPLY_ROOM = 400  # tokens kept free for the reply


@dataclass
class Conversation:
    id: int | None = None
    year: int | None = None
    started: str = ""
    title: str = ""
    model: str = ""
    turns: list[dict[str, Any]] = field(default_factory=list)
    # How many of the oldest history turns the model no longer sees (see `fit`).
    context_start: int = 0

    def history(self) -> list[dict[str, str]]:
        """The turns the model may see: no crisis turns, nothing the guard replaced."""
        out = []
        for turn in self.turns:
            if turn.get("crisis") or turn.get("withheld"):
                continue
            if turn.get("role") in ("user", "assistant") and turn.get("content"):
                out.append({"role": turn["role"], "content": turn["content"]})
        return out

    def to_doc(self) -> dict[str, Any]:
        return {"started": self.started, "title": self.title, "model": self.model,
                "turns": self.turns}  # fmt: skip


class ConversationStore:
    def __init__(self, context: Any) -> None:
        self.context = context

    def new(self, model: str = "") -> Conversation:
        now = self.context.now()
        return Conversation(year=now.year, started=now.isoformat(), model=model)

    def _collection(self, year: int):
        return self.context.store.collection(CONCERN, TABLE, year=year)

    def add_turn(self, conversation: Conversation, role: str, content: str, **extra: Any) -> None:
        """Append a turn and save the conversation at once (a crash loses nothing said)."""
        turn = {"role": role, "content": content, "at": self.context.now().isoformat(), **extra}
        conversation.turns.append(turn)
        if not conversation.title and role == "user" and not extra.get("crisis"):
            conversation.title = " ".join(content.split())[:TITLE_CHARS]
        self.save(conversation)

    def save(self, conversation: Conversation) -> None:
        if conversation.year is None:
            conversation.year = self.context.now().year
        collection = self._collection(conversation.year)
        if conversation.id is None:
            conversation.id = collection.insert(conversation.to_doc())["id"]
        else:
            collection.update(conversation.id, conversation.to_doc())

    def list(self, limit: int = 50) -> list[Conversation]:
        """Earlier conversations, the latest first."""
        found: list[Conversation] = []
        for year in sorted(self.context.store.years(CONCERN), reverse=True):
            for doc in self._collection(year).all():
                found.append(_from_doc(doc, year))
            if len(found) >= limit:
                break
        found.sort(key=lambda c: c.turns[-1]["at"] if c.turns else c.started, reverse=True)
        return found[:limit]

    def get(self, year: int, conversation_id: int) -> Conversation | None:
        doc = self._collection(year).get(conversation_id)
        return None if doc is None else _from_doc(doc, year)

    def remove(self, conversation: Conversation) -> bool:
        if conversation.id is None or conversation.year is None:
            return False
        return self._collection(conversation.year).remove(conversation.id)


def _from_doc(doc: dict[str, Any], year: int) -> Conversation:
    return Conversation(
        id=doc.get("id"),
        year=year,
        started=str(doc.get("started", "")),
        title=str(doc.get("title", "")),
        model=str(doc.get("model", "")),
        turns=list(doc.get("turns", [])),
    )


def fit(
    system: str,
    history: list[dict[str, str]],
    message: str,
    count: Callable[[list[dict[str, str]]], int],
    n_ctx: int,
    start: int = 0,
    reply_room: int = REPLY_ROOM,
) -> tuple[list[dict[str, str]], int]:
    """The messages to send: the system prompt, the recent history that fits, the message.

    `start` is how many of the oldest history turns were already left out.
    While the prompt fits, that point does not move, so every turn begins with
    the same tokens as the one before and llama.cpp reuses its KV cache. When
    the window is full, the oldest turns go, two by two, until the prompt takes
    at most half the room: one big cut, then many turns of a stable prefix
    again. The system prompt always stays first. Returns the messages and the
    new `start`.
    """
    head = [{"role": "system", "content": system}]
    tail = [{"role": "user", "content": message}]
    limit = max(64, n_ctx - reply_room)
    start = min(max(0, start), len(history))
    messages = head + history[start:] + tail
    if count(messages) <= limit:
        return messages, start
    target = limit // 2
    while start < len(history):
        # Drop a user turn and the reply that answered it; begin again on a user turn.
        start += 1
        while start < len(history) and history[start]["role"] != "user":
            start += 1
        messages = head + history[start:] + tail
        if count(messages) <= target:
            break
    return messages, start
