"""Counting tokens for a server, so the context is trimmed as for the local model.

The server's own tokenizer is used when it has one: llama-cpp-python's
`/extras/tokenize/count`, or llama-server's `/tokenize`. Each message is
counted once and remembered, so a new turn costs one small request, not one
per message of the history. A server without a tokenizer gets an estimate
that errs on the side of more tokens (a prompt trimmed a little early, never
one that overflows).

The estimate is also the fast path (see ServerBackend.count_tokens): a
prompt far from the window needs no exact count, and on llama-cpp-python's
server a count request waits in the same queue as everyone's replies.
"""

from __future__ import annotations

from coach.companion.server_http import Link

MESSAGE_OVERHEAD = 6  # chat-template tokens around one message (ChatML: 5, Llama 3: 5)
REPLY_OVERHEAD = 4  # the assistant header the template adds at the end
BYTES_PER_TOKEN = 3  # the estimate: English and French run at about 4 to 5
_KEEP = 4096  # counts remembered; a long conversation is far fewer messages


class Tokens:
    def __init__(self, link: Link) -> None:
        self.link = link
        self.kind: str | None = None  # "llama-cpp-python", "llama-server" or "estimate"
        self._counts: dict[str, int] = {}

    def count(self, messages: list[dict[str, str]]) -> int:
        """The prompt's size in the server's own tokens (estimated if it cannot count)."""
        total = REPLY_OVERHEAD
        for message in messages:
            total += MESSAGE_OVERHEAD + self.text(str(message.get("content", "")))
        return total

    @staticmethod
    def estimate(messages: list[dict[str, str]]) -> int:
        """A generous size with no request: more tokens than real for ordinary text."""
        total = REPLY_OVERHEAD
        for message in messages:
            total += MESSAGE_OVERHEAD + _guess(str(message.get("content", "")))
        return total

    def text(self, text: str) -> int:
        if not text:
            return 0
        cached = self._counts.get(text)
        if cached is not None:
            return cached
        count = self._ask(text)
        if count is None:
            count = _guess(text)
        if len(self._counts) >= _KEEP:
            self._counts.clear()
        self._counts[text] = count
        return count

    def describe(self) -> str:
        if self.kind is None:
            self.text("coach")
        return self.kind or "estimate"

    def _ask(self, text: str) -> int | None:
        if self.kind in (None, "llama-cpp-python"):
            status, data = self.link.json("POST", "/extras/tokenize/count", {"input": text})
            if status == 200 and isinstance(data, dict) and isinstance(data.get("count"), int):
                self.kind = "llama-cpp-python"
                return data["count"]
            if self.kind is not None:
                raise self.link.status_error(status, data, "/extras/tokenize/count")
        if self.kind in (None, "llama-server"):
            status, data = self.link.json("POST", "/tokenize", {"content": text})
            tokens = data.get("tokens") if isinstance(data, dict) else None
            if status == 200 and isinstance(tokens, list):
                self.kind = "llama-server"
                return len(tokens)
            if self.kind is not None:
                raise self.link.status_error(status, data, "/tokenize")
        self.kind = "estimate"
        return None


def _guess(text: str) -> int:
    return len(text.encode("utf-8")) // BYTES_PER_TOKEN + 1 if text else 0
