"""The wire to a llama.cpp server: connections, timeouts, and errors in words.

Standard library only (`http.client`): no new dependency for a feature many
people never use. Every failure leaves here as one translated line
(`ServerError`): unreachable, unknown host, slow, refused key, HTTP errors,
certificates, answers that are not HTTP at all.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any

from coach.companion import server_auth
from coach.companion.server_url import Endpoint
from coach.errors import CoachError
from coach.i18n import t

MAX_LINE = 1 << 20  # one SSE line or one JSON answer; a server sending more is not answering
_MAX_ERROR_BODY = 64 * 1024
_WATCH_INTERVAL = 0.05
_OVERFLOW = re.compile(
    r"(?:context (?:window|length|size)[^0-9]{0,40}(\d+))|(?:n_ctx\D{0,5}(\d+))", re.I
)
_DROPPED = (
    ConnectionResetError,
    BrokenPipeError,
    http.client.RemoteDisconnected,
    http.client.IncompleteRead,
)
NETWORK_ERRORS = (OSError, http.client.HTTPException)


class ServerError(CoachError):
    """The server could not be reached or answered in a way we cannot use."""


class ContextOverflow(ServerError):
    """The prompt does not fit the server's window; `n_ctx` is that window when it said so."""

    def __init__(self, message: str, n_ctx: int | None) -> None:
        super().__init__(message)
        self.n_ctx = n_ctx


class Link:
    """How to reach one server: its address, its key, how long to wait."""

    def __init__(
        self,
        endpoint: Endpoint,
        api_key: str | None,
        connect_timeout: float,
        read_timeout: float,
    ) -> None:
        self.endpoint = endpoint
        self.api_key = api_key or None
        self.read_timeout = float(read_timeout)
        self.connect_timeout = min(float(connect_timeout), self.read_timeout)
        self._ssl = ssl.create_default_context() if endpoint.scheme == "https" else None

    @property
    def url(self) -> str:
        return self.endpoint.url

    def connect(self) -> http.client.HTTPConnection:
        ep = self.endpoint
        if self._ssl is not None:
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                ep.host, ep.port, timeout=self.connect_timeout, context=self._ssl
            )
        else:
            conn = http.client.HTTPConnection(ep.host, ep.port, timeout=self.connect_timeout)
        try:
            conn.connect()
        except NETWORK_ERRORS as exc:
            conn.close()
            raise self.translate(exc, connecting=True) from None
        # Waiting for tokens has its own limit (see Watch); this one catches a silent server.
        conn.sock.settimeout(self.read_timeout + 5)
        return conn

    def send(
        self, conn: http.client.HTTPConnection, method: str, path: str, body: Any = None
    ) -> http.client.HTTPResponse:
        headers = {"Accept": "text/event-stream, application/json", "User-Agent": "coach"}
        payload = None
        if body is not None:
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        conn.request(method, self.endpoint.path(path), body=payload, headers=headers)
        return conn.getresponse()

    def json(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """A short request; the answer as JSON, or as text when it is not JSON."""
        conn = self.connect()
        try:
            conn.sock.settimeout(self.read_timeout)
            response = self.send(conn, method, path, body)
            return response.status, read_body(response, MAX_LINE)
        except NETWORK_ERRORS as exc:
            raise self.translate(exc) from None
        finally:
            conn.close()

    def error_body(self, response: http.client.HTTPResponse) -> Any:
        return read_body(response, _MAX_ERROR_BODY)

    # --- errors in words -------------------------------------------------------------

    def translate(
        self, exc: BaseException, slow: bool = False, connecting: bool = False
    ) -> ServerError:
        url = self.url
        if slow or isinstance(exc, TimeoutError):
            seconds = self.connect_timeout if connecting else self.read_timeout
            key = "server.connect_slow" if connecting else "server.slow"
            return ServerError(t(key, url=url, seconds=f"{seconds:g}"))
        if isinstance(exc, ConnectionRefusedError):
            return ServerError(t("server.unreachable", url=url))
        if isinstance(exc, socket.gaierror):
            return ServerError(t("server.unknown_host", host=self.endpoint.host))
        if isinstance(exc, ssl.SSLCertVerificationError):
            detail = exc.verify_message or str(exc)
            return ServerError(t("server.certificate", url=url, detail=detail))
        if isinstance(exc, ssl.SSLError):
            return ServerError(t("server.tls", url=url, detail=exc.reason or str(exc)))
        if isinstance(exc, _DROPPED):
            return ServerError(t("server.closed", url=url))
        if isinstance(exc, (http.client.BadStatusLine, http.client.LineTooLong)):
            return ServerError(t("server.not_http", url=url))
        if isinstance(exc, OSError):
            detail = exc.strerror or exc.__class__.__name__
            return ServerError(t("server.network", url=url, detail=detail))
        return ServerError(t("server.not_http", url=url))

    def status_error(self, status: int, data: Any, path: str) -> ServerError:
        detail = error_detail(data)
        url = self.url
        if status in (401, 403):
            key = "server.key_refused" if self.api_key else "server.key_needed"
            return ServerError(t(key, url=url, env=server_auth.ENV))
        if status == 404:
            return ServerError(t("server.not_found", url=url + self.endpoint.path(path)))
        if status == 503:
            return ServerError(t("server.unavailable", url=url))
        if status == 400 and ("context" in detail.lower() or _error_field(data, "n_ctx")):
            # llama-server says `n_ctx` in its error; llama-cpp-python says it in words.
            n_ctx = _error_field(data, "n_ctx")
            overflow = _OVERFLOW.search(detail)
            if not isinstance(n_ctx, int) and overflow:
                n_ctx = next((int(g) for g in overflow.groups() if g), None)
            return ContextOverflow(t("server.too_long", url=url), n_ctx or None)
        return ServerError(t("server.http_error", url=url, status=status, detail=detail or "-"))

    def malformed(self, what: str) -> ServerError:
        return ServerError(t("server.malformed", url=self.url, what=what))


class Watch:
    """Shuts the connection down when the person stops the reply or the server is too slow.

    A thread, because the reading thread is blocked in recv() while it waits:
    shutdown() wakes it at once. `tick()` on each token restarts the slow
    clock; a ping does not, so a server that only pings still times out.
    """

    def __init__(self, sock: socket.socket, stop: threading.Event | None, timeout: float):
        self.sock = sock
        self.stop = stop
        self.timeout = timeout
        self.progress = time.monotonic()
        self.reason = ""
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="coach-server-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(_WATCH_INTERVAL):
            if self.stop is not None and self.stop.is_set():
                self._cut("stop")
                return
            if time.monotonic() - self.progress > self.timeout:
                self._cut("slow")
                return

    def _cut(self, reason: str) -> None:
        self.reason = reason
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)

    def tick(self) -> None:
        self.progress = time.monotonic()

    def close(self) -> None:
        self._done.set()
        self._thread.join(1.0)


def hang_up(sock: socket.socket, conn: http.client.HTTPConnection, response: Any) -> None:
    """End the connection now, so the server notices and stops generating.

    close() alone is not enough: the response's file object keeps the socket
    open until it is collected, and the server would go on computing a reply
    nobody reads (after a stop, or once the guard has blocked the reply).
    """
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    if response is not None:
        with contextlib.suppress(*NETWORK_ERRORS):
            response.close()
    conn.close()
    with contextlib.suppress(OSError):
        sock.close()


def lines(response: http.client.HTTPResponse) -> Iterator[bytes]:
    while True:
        line = response.readline(MAX_LINE)
        if not line:
            return
        yield line


def read_body(response: http.client.HTTPResponse, limit: int) -> Any:
    try:
        raw = response.read(limit)
    except NETWORK_ERRORS:
        return None
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode("utf-8", errors="replace")


def _error_field(data: Any, name: str) -> Any:
    error = data.get("error") if isinstance(data, dict) else None
    return error.get(name) if isinstance(error, dict) else None


def error_detail(data: Any) -> str:
    """The server's own words about an error, on one short line."""
    text = ""
    if isinstance(data, dict):
        error = data.get("error", data.get("detail", data.get("message")))
        if isinstance(error, dict):
            error = error.get("message", "")
        if isinstance(error, list) and error and isinstance(error[0], dict):
            error = error[0].get("msg", "")
        text = str(error or "")
    elif isinstance(data, str):
        text = data
    text = " ".join(text.split())
    return text[:200] + ("…" if len(text) > 200 else "")
