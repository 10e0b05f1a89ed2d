"""The companion on a llama.cpp server: OpenAI-compatible chat completions, streamed.

For laptops too weak for a good model: a stronger machine at home, or a
clinic's server, runs the model (llama.cpp's `llama-server` or
llama-cpp-python's server). This backend plugs under `Companion.reply` like
the local runtime, so the safety check before, the guard during streaming and
the context trimming are the same code for both.

A reply is one connection, read as server-sent events (`data:` lines, a
final `[DONE]`). The stop flag is watched by a small thread that shuts the
socket down (see `server_http.Watch`), so a reply stops at once, even while
the server still reads the prompt, and the server sees the connection close
and stops computing. A server whose window is smaller than we assumed is
learned from its error: the prompt is trimmed the companion's way and sent
once more, and the next turns fit at once.

Where coach may connect, and the confirmations of plain http, are in
`server_url`; the API key in `server_auth`; the wire and its errors in
`server_http`; token counts in `server_tokens`.
"""

from __future__ import annotations

import http.client
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.companion import server_auth, server_url, sse
from coach.companion.runtime import REPLY_TOKENS, Busy, Stats
from coach.companion.server_http import (
    MAX_LINE,
    NETWORK_ERRORS,
    ContextOverflow,
    Link,
    ServerError,
    Watch,
    error_detail,
    hang_up,
    lines,
)
from coach.companion.server_tokens import Tokens
from coach.companion.server_url import InsecureServer, confirm
from coach.i18n import t

__all__ = ["InsecureServer", "ServerBackend", "ServerError", "confirm", "read_api_key"]

log = logging.getLogger("coach.server")
log.addHandler(logging.NullHandler())

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0  # `companion.timeout`: a slow CPU server may think before the first token
DEFAULT_SERVER_CTX = 2048  # llama-cpp-python's server default, when the server does not say


class _Silent(Exception):
    """The server sent an empty stream: no event, no [DONE]."""


@dataclass
class ServerStats(Stats):
    finish_reason: str = ""
    # The server ended the reply itself without a reason (llama-cpp-python does that to a
    # reply when another request comes in, unless started with --interrupt_requests false).
    cut_short: bool = False


def read_api_key(key_file: str, environ: dict[str, str] | None = None) -> str:
    """The API key from COACH_API_KEY or a 0600 file ("" when none is set)."""
    from coach.config import Config

    config = Config({"companion.api_key_file": key_file})
    return server_auth.api_key(config, environ) or ""


class ServerBackend:
    """A llama.cpp server, used one reply at a time by this client."""

    name = "server"

    def __init__(
        self,
        url: str | server_url.Endpoint,
        api_key: str | None = None,
        model_id: str = "",
        n_ctx: int | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        seed: int = 42,
    ) -> None:
        endpoint = url if isinstance(url, server_url.Endpoint) else server_url.parse(url)
        self.link = Link(endpoint, api_key, connect_timeout, read_timeout)
        self.tokens = Tokens(self.link)
        self.model_id = model_id
        self._model_configured = bool(model_id)
        self._server_model = model_id  # the id the server knows, sent with each request
        self._n_ctx = n_ctx
        self._ctx_from_server = False
        self.seed = seed
        self.max_tokens = REPLY_TOKENS
        self.stats = ServerStats()
        self.loaded = False
        self._busy = threading.Lock()

    @classmethod
    def from_context(cls, context: Any) -> ServerBackend:
        config = context.config
        endpoint = server_url.parse(str(config.get("companion.url") or ""))
        server_url.check(endpoint, server_url.confirmed(context.paths.config))
        # The window: what the server says (see load), else what the person set, else
        # llama-cpp-python's default; never the local model's default of 4096.
        explicit_ctx = "companion.context_length" in config.values
        # No model id: `companion.model` names a local file; the server says what it runs.
        return cls(
            endpoint,
            api_key=server_auth.api_key(config),
            n_ctx=int(config.get("companion.context_length")) if explicit_ctx else None,
            read_timeout=float(config.get("companion.timeout")),
        )

    # --- what the companion reads ---------------------------------------------------

    @property
    def endpoint(self) -> server_url.Endpoint:
        return self.link.endpoint

    @property
    def url(self) -> str:
        return self.link.url

    @property
    def where(self) -> str:
        return self.link.url

    @property
    def api_key(self) -> str | None:
        return self.link.api_key

    @property
    def read_timeout(self) -> float:
        return self.link.read_timeout

    @property
    def n_ctx(self) -> int:
        return self._n_ctx or DEFAULT_SERVER_CTX

    def load(self) -> None:
        """Reach the server once: its model, its context window."""
        if self.loaded:
            return
        status, data = self.link.json("GET", "/v1/models")
        if status != 200:
            raise self.link.status_error(status, data, "/v1/models")
        ids = _model_ids(data)
        if ids is None:
            raise self.link.malformed(t("server.what_models"))
        if not self._model_configured and ids:
            self._server_model = ids[0]
            # llama-cpp-python names a model by its file path unless given an alias.
            self.model_id = Path(ids[0]).name if "/" in ids[0] else ids[0]
        self._read_props()
        self.loaded = True

    def info(self) -> dict[str, Any]:
        """What `coach server check` shows: reached, and what the server said about itself."""
        started = time.perf_counter()
        self.load()
        return {
            "url": self.where,
            "secure": self.endpoint.secure,
            "loopback": self.endpoint.loopback,
            "model": self.model_id,
            "context_length": self.n_ctx,
            "context_from_server": self._ctx_from_server,
            "key": self.api_key is not None,
            "tokenizer": self.tokens.describe(),
            "seconds": round(time.perf_counter() - started, 4),
        }

    def count_tokens(self, messages: list[dict[str, str]]) -> int:
        """The prompt's size, for the companion's trimming (`memory.fit`).

        The generous estimate is enough while it is below half the room for the
        prompt, the lowest line `fit` draws: every decision is then the one an
        exact count would give, without a request. Nearer the window, the
        server counts (its count request would otherwise queue behind other
        people's replies on a busy llama-cpp-python server at every turn).
        """
        from coach.companion.memory import REPLY_ROOM

        estimate = self.tokens.estimate(messages)
        if estimate <= max(64, self.n_ctx - REPLY_ROOM) // 2:
            return estimate
        return self.tokens.count(messages)

    def stream(
        self,
        messages: list[dict[str, str]],
        stop: threading.Event | None = None,
        max_tokens: int | None = None,
        temperature: float = 0.0,
    ) -> Iterator[str]:
        """Yield the reply piece by piece until done, or until `stop` is set."""
        if not self._busy.acquire(blocking=False):
            raise Busy(t("companion.busy"))
        try:
            self.load()
            yield from self._stream(messages, stop, max_tokens or self.max_tokens, temperature)
        finally:
            self._busy.release()

    def close(self) -> None:
        """Nothing is kept open between replies."""

    # --- one reply --------------------------------------------------------------------

    def _stream(
        self,
        messages: list[dict[str, str]],
        stop: threading.Event | None,
        max_tokens: int,
        temperature: float,
    ) -> Iterator[str]:
        try:
            yield from self._attempt(messages, stop, max_tokens, temperature)
        except ContextOverflow as exc:
            if self.stats.tokens or not exc.n_ctx:
                raise
            self._n_ctx = exc.n_ctx
            fitted = self._refit(messages, exc.n_ctx)
            if fitted is None:
                raise
            log.info("the server's window is %d tokens: the prompt was trimmed", exc.n_ctx)
            yield from self._attempt(fitted, stop, max_tokens, temperature)

    def _attempt(
        self,
        messages: list[dict[str, str]],
        stop: threading.Event | None,
        max_tokens: int,
        temperature: float,
    ) -> Iterator[str]:
        self.stats = stats = ServerStats(prompt_tokens=self.count_tokens(messages))
        body = {
            "model": self._server_model or "default",
            "messages": messages,
            "stream": True,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "top_p": 0.9,
            "repeat_penalty": 1.1,  # the local runtime's value; both llama.cpp servers read it
            "seed": self.seed,
        }
        start = time.perf_counter()
        conn = self.link.connect()
        sock = conn.sock
        watch = Watch(sock, stop, self.read_timeout)
        first = 0.0
        response = None
        try:
            response = self._send(conn, body, watch)
            if response is None:
                stats.stopped = True
                return
            for piece in self._pieces(response, watch, stats):
                now = time.perf_counter()
                if not first:
                    first = now
                    stats.seconds_to_first_token = now - start
                stats.tokens += 1
                stats.seconds_generating = now - first
                yield piece
                if stop is not None and stop.is_set():
                    break
            if stop is not None and stop.is_set():
                stats.stopped = True
        except _Silent:
            # An empty answer: llama-cpp-python's way of failing a streamed request whose
            # prompt is too long. Asking again without streaming gets the reason, if any.
            self._diagnose(body)
            raise ServerError(t("server.closed", url=self.where)) from None
        finally:
            watch.close()
            hang_up(sock, conn, response)

    def _send(
        self, conn: http.client.HTTPConnection, body: Any, watch: Watch
    ) -> http.client.HTTPResponse | None:
        """Send the request and read the status; None when the person stopped it meanwhile."""
        try:
            response = self.link.send(conn, "POST", server_url.CHAT_PATH, body)
        except NETWORK_ERRORS as exc:
            if watch.reason == "stop":
                return None
            raise self.link.translate(exc, slow=watch.reason == "slow") from None
        if response.status != 200:
            data = self.link.error_body(response)
            raise self.link.status_error(response.status, data, server_url.CHAT_PATH)
        return response

    def _pieces(
        self, response: http.client.HTTPResponse, watch: Watch, stats: ServerStats
    ) -> Iterator[str]:
        kind = response.getheader("Content-Type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            # A server that ignores `stream`: the whole reply at once is still a reply.
            yield from self._whole(response, watch, stats)
            return
        if kind != "text/event-stream":
            raise self.link.malformed(t("server.what_type", type=kind or "?"))
        done = seen = False
        try:
            for event in sse.events(lines(response)):
                if event is None:
                    continue  # a ping: alive, but no token, so the slow clock keeps running
                seen = True
                if event.data.strip() == "[DONE]":
                    done = True
                    break
                piece, finish = self._delta(event)
                if finish:
                    stats.finish_reason = finish
                if piece or finish:
                    watch.tick()
                if piece:
                    yield piece
        except NETWORK_ERRORS as exc:
            if watch.reason == "stop":
                stats.stopped = True
                return
            raise self.link.translate(exc, slow=watch.reason == "slow") from None
        self._ended(watch, stats, done, seen)

    def _ended(self, watch: Watch, stats: ServerStats, done: bool, seen: bool) -> None:
        """How the stream ended: finished, stopped, too slow, dropped or cut short."""
        if watch.reason == "stop":
            stats.stopped = True
            return
        if watch.reason == "slow":
            raise self.link.translate(TimeoutError(), slow=True)
        if stats.finish_reason:
            return
        if not done and not seen:
            raise _Silent
        if not done:
            # The stream ended without [DONE] and without a reason: the connection dropped.
            raise ServerError(t("server.closed", url=self.where))
        if not stats.tokens:
            # Ended before a word: the server gave its turn to someone else.
            raise ServerError(t("server.interrupted", url=self.where))
        stats.cut_short = stats.stopped = True
        log.warning("the server ended a reply without a finish reason (interrupted)")

    def _delta(self, event: sse.Event) -> tuple[str, str]:
        """The text and finish reason of one chunk, or a clear error if it is not one."""
        if event.event == sse.INVALID:
            raise self.link.malformed(t("server.what_lines"))
        try:
            data = json.loads(event.data)
        except ValueError:
            raise self.link.malformed(t("server.what_json")) from None
        if not isinstance(data, dict):
            raise self.link.malformed(t("server.what_chunk"))
        if "error" in data or event.event == "error":
            raise ServerError(t("server.reply_error", url=self.where, detail=error_detail(data)))
        choices = data.get("choices")
        if not isinstance(choices, list):
            raise self.link.malformed(t("server.what_chunk"))
        if not choices:
            return "", ""  # a usage-only chunk
        choice = choices[0]
        delta = choice.get("delta") if isinstance(choice, dict) else None
        if not isinstance(delta, dict):
            raise self.link.malformed(t("server.what_chunk"))
        content = delta.get("content")
        if content is not None and not isinstance(content, str):
            raise self.link.malformed(t("server.what_chunk"))
        finish = choice.get("finish_reason")
        return content or "", finish if isinstance(finish, str) else ""

    def _whole(
        self, response: http.client.HTTPResponse, watch: Watch, stats: ServerStats
    ) -> Iterator[str]:
        try:
            raw = response.read(MAX_LINE)
        except NETWORK_ERRORS as exc:
            if watch.reason == "stop":
                stats.stopped = True
                return
            raise self.link.translate(exc, slow=watch.reason == "slow") from None
        try:
            choice = json.loads(raw)["choices"][0]
            content = choice["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise self.link.malformed(t("server.what_chunk")) from None
        if not isinstance(content, str):
            raise self.link.malformed(t("server.what_chunk"))
        stats.finish_reason = str(choice.get("finish_reason") or "stop")
        if content:
            yield content

    def _diagnose(self, body: dict[str, Any]) -> None:
        probe = {**body, "stream": False, "max_tokens": 1}
        status, data = self.link.json("POST", server_url.CHAT_PATH, probe)
        if status != 200:
            raise self.link.status_error(status, data, server_url.CHAT_PATH)

    def _refit(self, messages: list[dict[str, str]], n_ctx: int) -> list[dict[str, str]] | None:
        """The messages trimmed to `n_ctx` by the companion's own rule (None if no change)."""
        from coach.companion import memory

        if len(messages) < 2 or messages[0].get("role") != "system":
            return None
        fitted, _ = memory.fit(
            messages[0]["content"],
            messages[1:-1],
            messages[-1]["content"],
            self.tokens.count,  # exact: the estimate just proved too small
            n_ctx,
        )
        return fitted if fitted != messages else None

    def _read_props(self) -> None:
        """llama-server tells its window at /props; llama-cpp-python's server does not."""
        if self._n_ctx is not None:
            return
        status, data = self.link.json("GET", "/props")
        if status == 200 and isinstance(data, dict):
            settings = data.get("default_generation_settings")
            for source in (data, settings if isinstance(settings, dict) else {}):
                value = source.get("n_ctx")
                if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                    self._n_ctx = value
                    self._ctx_from_server = True
                    return


def _model_ids(data: Any) -> list[str] | None:
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        return None
    ids = [m.get("id") for m in data["data"] if isinstance(m, dict)]
    return [i for i in ids if isinstance(i, str) and i]
