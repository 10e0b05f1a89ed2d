"""What the person sees when the server is down, slow or answers badly: one clear line.

Every server here is our own, on loopback, misbehaving on purpose; each waits
at most a few seconds (bounded), so a regression fails instead of hanging.
"""

from __future__ import annotations

import threading

import pytest
from fake_servers import (
    MODELS,
    chunk,
    closed_port,
    openai_like,
    send_event,
    send_head,
    send_json,
)

from coach.companion import server_url
from coach.companion.server import ServerBackend, ServerError
from coach.errors import CoachError

HELLO = [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hello"}]


def backend_for(url: str, timeout: float = 30, **kwargs) -> ServerBackend:
    return ServerBackend(server_url.parse(url), read_timeout=timeout, **kwargs)


def reply(backend: ServerBackend, stop: threading.Event | None = None) -> str:
    return "".join(backend.stream(HELLO, stop=stop))


def with_models(chat):
    """A server whose model list works and whose chat endpoint runs `chat`."""

    def scenario(handler, request):
        if request.path == "/v1/models":
            send_json(handler, MODELS)
        elif request.path == "/v1/chat/completions":
            chat(handler, request)
        else:
            send_json(handler, {"detail": "Not Found"}, "404 Not Found")

    return scenario


# --- a well-behaved server of our own, as a baseline ---------------------------------


def test_a_plain_openai_stream_is_read_piece_by_piece(fake_server):
    server = fake_server(openai_like(["Hel", "lo ", "there."]))
    backend = backend_for(server.url)
    pieces = list(backend.stream(HELLO, max_tokens=50, temperature=0.3))
    assert pieces == ["Hel", "lo ", "there."]
    assert backend.stats.tokens == 3 and backend.stats.finish_reason == "stop"
    assert backend.model_id == "fake-model" and backend.where == server.url
    sent = next(r for r in server.requests if r.path == "/v1/chat/completions").json()
    assert sent["stream"] is True and sent["messages"] == HELLO
    assert sent["max_tokens"] == 50 and sent["temperature"] == 0.3
    assert sent["model"] == "fake-model"


def test_a_server_that_ignores_stream_still_gives_its_reply(fake_server):
    def chat(handler, request):
        send_json(handler, {"choices": [{"message": {"content": "All at once."},
                                         "finish_reason": "stop"}]})  # fmt: skip

    backend = backend_for(fake_server(with_models(chat)).url)
    assert reply(backend) == "All at once."


def test_without_a_tokenizer_the_count_is_a_generous_estimate(fake_server):
    backend = backend_for(fake_server(openai_like(["x"])).url)
    backend.load()
    words = "I have been feeling low and tired for a few weeks now. " * 10
    count = backend.count_tokens([{"role": "user", "content": words}])
    assert backend.info()["tokenizer"] == "estimate"
    assert count >= len(words) // 4  # never fewer tokens than a real tokenizer would give


# --- unreachable ----------------------------------------------------------------------


def test_nothing_listening_is_a_clear_unreachable_error():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(ServerError) as caught:
        reply(backend_for(url))
    message = str(caught.value)
    assert f"Cannot reach the companion's server at {url}" in message and "\n" not in message


def test_the_french_message_is_french(context_fr):
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(ServerError, match="Impossible de joindre le serveur"):
        backend_for(url).load()


# --- slow -----------------------------------------------------------------------------


def test_a_server_that_never_answers_times_out(fake_server):
    def stall(handler, request):
        server.release.wait(20)  # read the request, then say nothing

    server = fake_server(stall)
    with pytest.raises(ServerError, match=r"did not answer within 1 s"):
        backend_for(server.url, timeout=1).load()


def test_a_server_that_only_pings_is_too_slow_too(fake_server):
    def pings(handler, request):
        send_head(handler)
        for _ in range(100):  # 10 s at most
            handler.wfile.write(b": ping\n\n")
            handler.wfile.flush()
            if server.release.wait(0.1):
                return

    server = fake_server(with_models(pings))
    with pytest.raises(ServerError, match=r"did not answer within 1 s"):
        reply(backend_for(server.url, timeout=1))
    assert server.gone.wait(5)  # and the connection was closed: the server can stop


def test_a_stream_that_stalls_midway_times_out(fake_server):
    def stalls(handler, request):
        send_head(handler)
        send_event(handler, chunk("Let us "))
        server.release.wait(20)

    server = fake_server(with_models(stalls))
    backend = backend_for(server.url, timeout=1)
    pieces: list[str] = []
    with pytest.raises(ServerError, match="too slow"):
        for piece in backend.stream(HELLO):
            pieces.append(piece)
    assert pieces == ["Let us "]


# --- stop -----------------------------------------------------------------------------


def test_stop_while_waiting_for_the_first_token_returns_at_once(fake_server):
    asked = threading.Event()

    def slow_start(handler, request):
        asked.set()
        server.release.wait(20)

    server = fake_server(with_models(slow_start))
    backend = backend_for(server.url, timeout=30)
    backend.load()
    stop = threading.Event()
    done: dict[str, object] = {}

    def run():
        try:
            done["text"] = reply(backend, stop)
        except BaseException as exc:
            done["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    assert asked.wait(10)
    stop.set()
    worker.join(10)  # far less than the 30 s timeout: the socket was shut down
    assert not worker.is_alive()
    assert done == {"text": ""} and backend.stats.stopped


def test_stop_mid_reply_closes_the_connection(fake_server):
    def endless(handler, request):
        send_head(handler)
        for i in range(400):  # bounded: 20 s at most
            send_event(handler, chunk(f"word{i} "))
            if server.release.wait(0.05):
                return

    server = fake_server(with_models(endless))
    backend = backend_for(server.url)
    stop = threading.Event()
    pieces = []
    for piece in backend.stream(HELLO, stop=stop):
        pieces.append(piece)
        if len(pieces) == 2:
            stop.set()
    assert pieces == ["word0 ", "word1 "] and backend.stats.stopped
    assert server.gone.wait(10)  # the server's next write found the connection closed


# --- malformed answers ----------------------------------------------------------------


def _garbage(handler, request):
    handler.wfile.write(b"\x00\x01 this is not HTTP at all\r\n\r\n")


def _not_json(handler, request):
    send_head(handler)
    send_event(handler, "{this is not json")


def _no_choices(handler, request):
    send_head(handler)
    send_event(handler, '{"id": "x", "object": "chat.completion.chunk"}')


def _wrong_delta(handler, request):
    send_head(handler)
    send_event(handler, '{"choices": [{"delta": {"content": 42}}]}')


def _html_as_events(handler, request):
    send_head(handler)  # says event-stream, sends a web page
    handler.wfile.write(b"<html>Welcome to my router</html>\n")


def _html(handler, request):
    send_head(handler, kind="text/html")
    handler.wfile.write(b"<html>Welcome to nginx!</html>")


@pytest.mark.parametrize(
    ("chat", "expected"),
    [
        (_garbage, "does not answer like a web server"),
        (_not_json, "an event that is not JSON"),
        (_no_choices, "without the expected fields"),
        (_wrong_delta, "without the expected fields"),
        (_html, "content type text/html"),
        (_html_as_events, "lines that are not server-sent events"),
    ],
)
def test_a_malformed_answer_is_one_clear_line(fake_server, chat, expected):
    server = fake_server(with_models(chat))
    with pytest.raises(ServerError) as caught:
        reply(backend_for(server.url, timeout=5))
    assert expected in str(caught.value) and "\n" not in str(caught.value)
    assert server.url in str(caught.value)


def test_a_model_list_that_is_not_one_is_malformed(fake_server):
    server = fake_server(lambda handler, request: send_json(handler, ["nope"]))
    with pytest.raises(ServerError, match="the model list"):
        backend_for(server.url).load()


def test_http_500_gives_the_status_and_the_servers_words(fake_server):
    def fails(handler, request):
        send_json(handler, {"error": {"message": "CUDA out of memory"}}, "500 Internal Error")

    with pytest.raises(ServerError) as caught:
        reply(backend_for(fake_server(with_models(fails)).url))
    assert "answered with an error (500): CUDA out of memory" in str(caught.value)


def test_an_error_event_in_the_stream_is_reported(fake_server):
    def fails(handler, request):
        send_head(handler)
        send_event(handler, chunk("Hi"))
        send_event(handler, '{"error": {"code": 500, "message": "slot unavailable"}}')

    with pytest.raises(ServerError, match="while replying: slot unavailable"):
        reply(backend_for(fake_server(with_models(fails)).url))


def test_a_wrong_path_is_not_found(fake_server):
    server = fake_server(lambda handler, request: send_json(handler, {}, "404 Not Found"))
    with pytest.raises(ServerError, match="/v1/models does not exist"):
        backend_for(server.url + "/api").load()
    assert server.requests[0].path == "/api/v1/models"  # a prefix behind a proxy is kept


def test_a_busy_or_loading_server_says_so(fake_server):
    server = fake_server(lambda handler, request: send_json(handler, {}, "503 Busy"))
    with pytest.raises(ServerError, match="not ready"):
        backend_for(server.url).load()


def test_a_connection_dropped_mid_reply_is_an_error(fake_server):
    def drops(handler, request):
        send_head(handler)
        send_event(handler, chunk("Half a "))

    with pytest.raises(ServerError, match="closed the connection before the reply"):
        reply(backend_for(fake_server(with_models(drops)).url))


def test_done_without_a_reason_marks_the_reply_cut_short(fake_server):
    # llama-cpp-python's server does this to a reply when another request comes in.
    def interrupted(handler, request):
        send_head(handler)
        send_event(handler, chunk("Half a "))
        send_event(handler, "[DONE]")

    backend = backend_for(fake_server(with_models(interrupted)).url)
    assert reply(backend) == "Half a "
    assert backend.stats.cut_short and backend.stats.stopped


def test_done_before_any_word_is_an_interrupted_error(fake_server):
    def dropped(handler, request):
        send_head(handler)
        send_event(handler, chunk(""))  # the role chunk, then nothing
        send_event(handler, "[DONE]")

    with pytest.raises(ServerError, match="dropped the reply before it began"):
        reply(backend_for(fake_server(with_models(dropped)).url))


def test_every_server_error_is_a_coach_error():
    assert issubclass(ServerError, CoachError)


# --- https ----------------------------------------------------------------------------


def test_https_with_a_trusted_certificate_works(tls_server, monkeypatch):
    server = tls_server(openai_like(["Safe ", "and sound."]))
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))  # the one CA this client trusts
    backend = backend_for(f"https://localhost:{server.port}")
    assert reply(backend) == "Safe and sound."
    assert backend.endpoint.secure


def test_an_untrusted_certificate_is_refused_before_anything_is_sent(tls_server):
    server = tls_server(openai_like(["never"]))
    with pytest.raises(ServerError, match="cannot be trusted"):
        backend_for(f"https://localhost:{server.port}").load()
    assert server.requests == []  # not a byte of the conversation left
