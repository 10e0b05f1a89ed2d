"""A conversation through a real llama-cpp-python server on loopback, with the default model."""

from __future__ import annotations

import threading

import pytest
from server_support import API_KEY, use_server

from coach.companion import memory
from coach.companion.companion import Companion
from coach.companion.server import ServerBackend, ServerError

pytestmark = pytest.mark.model


def test_a_conversation_streams_through_the_server_and_is_kept(server_context, llama_server):
    backend = ServerBackend.from_context(server_context)
    backend.max_tokens = 60
    companion = Companion(server_context, backend)
    conversation = companion.new_conversation()
    pieces: list[str] = []
    first = companion.reply(conversation, "I feel tense before my exam.", pieces.append)
    assert first.level == "none" and len(pieces) > 3 and first.reply == "".join(pieces)
    assert first.tokens > 3 and first.tokens_per_second > 0 and first.seconds_to_first_token > 0
    second = companion.reply(conversation, "What could I do tonight to relax?")
    assert second.reply.strip()
    stored = memory.ConversationStore(server_context).list()[0]
    assert [turn["role"] for turn in stored.turns] == ["user", "assistant"] * 2
    assert stored.turns[1]["content"] == first.reply
    assert stored.turns[1]["model"] == "smollm2-135m.gguf" == backend.model_id
    # The server counted the tokens with the model's own tokenizer.
    assert backend.info()["tokenizer"] == "llama-cpp-python"
    assert backend.stats.prompt_tokens > 100  # the system prompt, the first turn, the message


def test_a_crisis_message_never_reaches_the_server(server_context, llama_server):
    companion = Companion(server_context, ServerBackend.from_context(server_context))
    companion.backend.load()
    before = llama_server.posts()
    result = companion.reply(companion.new_conversation(), "I am going to end my life tonight")
    assert result.crisis and result.reply == ""
    assert llama_server.posts() == before  # no chat request, not even a token count


def test_stop_ends_the_reply_and_the_server_drops_it(server_context, llama_server):
    backend = ServerBackend.from_context(server_context)
    backend.max_tokens = 40
    companion = Companion(server_context, backend)
    stop = threading.Event()
    seen: list[int] = []

    def on_text(piece: str) -> None:
        if not stop.is_set():
            stop.set()
            seen.append(backend.stats.tokens)

    result = companion.reply(
        companion.new_conversation(), "Tell me a long story about the sea.", on_text, stop
    )
    assert result.stopped and backend.stats.tokens == seen[0]
    assert memory.ConversationStore(server_context).list()[0].turns[-1]["stopped"] is True
    for _ in range(200):  # bounded: the server logs that the client went away
        if any("Disconnected from client" in line for line in llama_server.log_lines()):
            break
        threading.Event().wait(0.05)
    else:
        raise AssertionError("the server never saw the connection close")
    # and it is free at once for the next reply
    assert companion.reply(companion.new_conversation(), "Thank you.").reply


def test_a_window_smaller_than_assumed_is_learned_and_the_prompt_trimmed(
    server_context, llama_server
):
    # The person set 8192; the server runs 2048 and does not say so.
    server_context.config = server_context.config.with_overrides(
        **{"companion.context_length": 8192}
    )
    backend = ServerBackend.from_context(server_context)
    backend.max_tokens = 16
    companion = Companion(server_context, backend)
    conversation = companion.new_conversation()
    long_turn = "I keep going over the same worries about work, money and my family. " * 30
    for _ in range(5):
        conversation.turns += [
            {"role": "user", "content": long_turn, "at": "2026-01-01T00:00:00+00:00"},
            {"role": "assistant", "content": "I hear you.", "at": "2026-01-01T00:00:00+00:00"},
        ]
    assert backend.n_ctx == 8192
    result = companion.reply(conversation, "What can I do about it?")
    assert result.reply.strip() and backend.n_ctx == 2048
    assert backend.stats.prompt_tokens < 2048


def test_coach_ask_and_server_check_use_the_server(cli, llama_server):
    assert cli("server", "use", llama_server.url).code == 0
    r = cli("ask", "How can I sleep better?", "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["backend"] == "server" and data["reply"] and data["level"] == "none"
    assert data["tokens"] > 0
    r = cli("server", "check", "--json")
    assert r.code == 0, r.err
    info = r.json()
    assert info["url"] == llama_server.url and info["in_use"] and info["loopback"]
    assert info["model"] == "smollm2-135m.gguf" and info["tokens"] > 0


async def test_the_chat_screen_says_it_runs_on_the_server(context, llama_server):
    from coach.tui.app import CoachApp
    from coach.tui.screens.chat import ChatScreen

    use_server(context, llama_server.url)
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        notice = str(screen.query_one("#chat-notice").render())
        assert "on a server" in notice and llama_server.url in notice
        for _ in range(600):  # bounded
            if screen.state in ("ready", "failed"):
                break
            await pilot.pause(0.05)
        status = str(screen.query_one("#chat-status").render())
        assert screen.state == "ready", status
        assert "server" in status and llama_server.url in status


def test_a_server_with_a_key_refuses_without_it_and_answers_with_it(
    context, llama_server_with_key, monkeypatch
):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    use_server(context, llama_server_with_key.url)
    with pytest.raises(ServerError, match="asks for an API key"):
        ServerBackend.from_context(context).load()
    monkeypatch.setenv("COACH_API_KEY", "wrong-key")
    with pytest.raises(ServerError, match="refused the API key"):
        ServerBackend.from_context(context).load()
    monkeypatch.setenv("COACH_API_KEY", API_KEY)
    backend = ServerBackend.from_context(context)
    backend.max_tokens = 8
    assert "".join(backend.stream([{"role": "user", "content": "Hello"}])).strip()
