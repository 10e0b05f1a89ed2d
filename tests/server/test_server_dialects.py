"""What llama.cpp's own `llama-server` says differently from llama-cpp-python's server:
its window at /props, its tokenizer at /tokenize, its context error with `n_ctx`.
(Played by a small server of ours: the C++ server is not installed in the test run.)"""

from __future__ import annotations

import json
import threading

import pytest
from fake_servers import MODELS, chunk, send_event, send_head, send_json

from coach.companion import server_url
from coach.companion.runtime import Busy
from coach.companion.server import ServerBackend, ServerError


def llama_server_like(n_ctx: int = 1024, prompt_limit: int | None = None):
    """`prompt_limit`: refuse a chat whose messages hold more characters, as llama-server does
    when the prompt does not fit (HTTP 400 with the window in `error.n_ctx`)."""

    def scenario(handler, request):
        if request.path == "/v1/models":
            send_json(handler, MODELS)
        elif request.path == "/props":
            send_json(handler, {"default_generation_settings": {"n_ctx": n_ctx}})
        elif request.path == "/tokenize":
            text = request.json()["content"]
            send_json(handler, {"tokens": list(range(len(text.split())))})
        elif request.path == "/v1/chat/completions":
            size = sum(len(m["content"]) for m in request.json()["messages"])
            if prompt_limit is not None and size > prompt_limit:
                error = {"code": 400, "type": "exceed_context_size_error", "n_ctx": n_ctx,
                         "message": "the request exceeds the available context size"}  # fmt: skip
                send_json(handler, {"error": error}, "400 Bad Request")
                return
            send_head(handler)
            send_event(handler, chunk("Fine."))
            send_event(handler, chunk(None, "stop"))
            send_event(handler, json.dumps({"choices": [], "usage": {"prompt_tokens": 9}}))
            send_event(handler, "[DONE]")
        else:
            send_json(handler, {"error": {"code": 404, "message": "File Not Found"}},
                      "404 Not Found")  # fmt: skip

    return scenario


def test_the_window_and_tokenizer_of_llama_server_are_used(fake_server):
    server = fake_server(llama_server_like(n_ctx=1024))
    backend = ServerBackend(server_url.parse(server.url))
    info = backend.info()
    assert info["context_length"] == 1024 and info["context_from_server"]
    assert info["tokenizer"] == "llama-server"
    message = {"role": "user", "content": "one two three four"}
    assert backend.tokens.count([message]) == 4 + 6 + 4  # words + message + reply header
    assert "".join(backend.stream([message])) == "Fine."  # a usage-only chunk is skipped


def test_each_message_is_counted_once(fake_server):
    server = fake_server(llama_server_like())
    backend = ServerBackend(server_url.parse(server.url))
    history = [{"role": "user", "content": f"message number {i}"} for i in range(5)]
    backend.tokens.count(history)
    asked = sum(1 for r in server.requests if r.path == "/tokenize")
    backend.tokens.count([*history, {"role": "user", "content": "and a new one"}])
    assert sum(1 for r in server.requests if r.path == "/tokenize") == asked + 1


def test_a_prompt_far_from_the_window_is_not_sent_to_be_counted(fake_server):
    server = fake_server(llama_server_like(n_ctx=4096))
    backend = ServerBackend(server_url.parse(server.url))
    backend.load()
    short = [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi there"}]
    assert backend.count_tokens(short) >= backend.tokens.count(short)  # never fewer
    asked = sum(1 for r in server.requests if r.path == "/tokenize")
    backend.count_tokens(short)
    assert sum(1 for r in server.requests if r.path == "/tokenize") == asked
    # near the window, the server counts
    long = [{"role": "user", "content": "word " * 2000}]
    backend.count_tokens(long)
    assert any(r.path == "/tokenize" and len(r.body) > 9000 for r in server.requests)


def test_a_context_error_teaches_the_window_and_the_prompt_is_trimmed(fake_server):
    server = fake_server(llama_server_like(n_ctx=600, prompt_limit=2000))
    backend = ServerBackend(server_url.parse(server.url), n_ctx=8192)  # what we were told
    backend.load()
    history = []
    for i in range(8):
        history += [{"role": "user", "content": f"turn {i} " + "worry " * 60},
                    {"role": "assistant", "content": "I hear you."}]  # fmt: skip
    messages = [{"role": "system", "content": "Be kind."}, *history,
                {"role": "user", "content": "What now?"}]  # fmt: skip
    assert "".join(backend.stream(messages)) == "Fine."
    chats = [r.json()["messages"] for r in server.requests if r.path == "/v1/chat/completions"]
    assert len(chats) == 2 and len(chats[1]) < len(chats[0])
    assert chats[1][0] == messages[0] and chats[1][-1] == messages[-1]  # system and question kept
    assert backend.n_ctx == 600


def test_a_prompt_that_can_never_fit_is_a_clear_error(fake_server):
    server = fake_server(llama_server_like(n_ctx=600, prompt_limit=10))
    backend = ServerBackend(server_url.parse(server.url), n_ctx=8192)
    with pytest.raises(ServerError, match="does not fit the window"):
        "".join(backend.stream([{"role": "user", "content": "far too long a question"}]))


def test_one_reply_at_a_time_per_backend(fake_server):
    started = threading.Event()

    def slow(handler, request):
        if request.path == "/v1/models":
            send_json(handler, MODELS)
            return
        if request.path != "/v1/chat/completions":
            send_json(handler, {}, "404 Not Found")
            return
        send_head(handler)
        send_event(handler, chunk("First "))
        started.set()
        server.release.wait(10)

    server = fake_server(slow)
    backend = ServerBackend(server_url.parse(server.url))
    first = backend.stream([{"role": "user", "content": "hi"}])
    assert next(first) == "First "
    with pytest.raises(Busy):
        next(backend.stream([{"role": "user", "content": "again"}]))
    first.close()


def test_the_local_model_setting_does_not_name_the_servers_model(context, fake_server):
    from server_support import use_server

    server = fake_server(llama_server_like())
    use_server(context, server.url, **{"companion.model": "qwen2.5-3b"})  # the local choice
    backend = ServerBackend.from_context(context)
    assert "".join(backend.stream([{"role": "user", "content": "hi"}])) == "Fine."
    assert backend.model_id == "fake-model"
    chat = next(r for r in server.requests if r.path == "/v1/chat/completions")
    assert chat.json()["model"] == "fake-model"
