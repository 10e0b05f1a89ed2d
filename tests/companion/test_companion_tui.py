"""The chat screen with the real default model (Textual Pilot)."""

from __future__ import annotations

import pytest

from coach.tui.app import CoachApp

pytestmark = pytest.mark.model


async def _until(pilot, condition, steps: int = 1200) -> None:
    """Let the app run until `condition()` holds (bounded: a hang fails, no timing asserted)."""
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


def _chat(app):
    from coach.tui.screens.chat import ChatScreen

    screen = app.screen
    assert isinstance(screen, ChatScreen)
    return screen


async def test_draws_first_then_loads_the_model_in_a_worker(context, installed_model):
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        status = str(screen.query_one("#chat-status").render())
        assert screen.state == "loading" and ("ready" in status or "Loading" in status)
        assert "AI" in str(screen.query_one("#chat-notice").render())
        await _until(pilot, lambda: screen.state == "ready")
        assert "smollm2-135m" in str(screen.query_one("#chat-status").render())


class Gate:
    """The real runtime, made to pause after a few tokens until the test lets it go on.

    Without it, whether Escape lands before the reply ends would depend on the speed
    of the machine; with it the test knows a reply is under way when Escape is pressed.
    """

    def __init__(self, backend, after: int = 12) -> None:
        import threading

        self.backend, self.after = backend, after
        self.seen = 0
        self.paused = threading.Event()
        self.release = threading.Event()

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def stream(self, messages, stop=None, **kwargs):
        for piece in self.backend.stream(messages, stop=stop, **kwargs):
            self.seen += 1
            if self.seen == self.after:
                self.paused.set()
                self.release.wait(60)
            yield piece


async def test_a_reply_streams_and_escape_stops_it_while_typing(
    context, installed_model, monkeypatch
):
    from coach.companion import backends

    real = backends.for_context
    gates: list[Gate] = []

    def gated(context, ui=True):
        gates.append(Gate(real(context, ui)))
        return gates[-1]

    monkeypatch.setattr(backends, "for_context", gated)
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        await _until(pilot, lambda: screen.state == "ready")
        await pilot.press(*"Tell me about sleep and rest.")
        await pilot.press("enter")
        assert screen.state == "generating"
        gate = gates[-1]
        await _until(pilot, lambda: gate.seen > 0)
        await pilot.press("m", "o")  # typing while tokens arrive
        await _until(pilot, gate.paused.is_set)
        await pilot.press("r", "e")
        await pilot.press("escape")
        assert screen.state == "generating" and app.screen is screen
        gate.release.set()
        await _until(pilot, lambda: screen.state == "ready")
        assert screen.query_one("#chat-input").text == "more"
        assert app.screen is screen  # escape stopped the reply, it did not leave
        last = screen.conversation.turns[-1]
        assert last["role"] == "assistant" and last["stopped"] is True
        # Not one token was computed after Escape.
        assert gate.backend.stats.tokens == gate.after


async def test_ctrl_j_makes_a_new_line_and_enter_sends(context, installed_model):
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        await _until(pilot, lambda: screen.state == "ready")
        await pilot.press("h", "i", "ctrl+j", "y", "o")
        assert screen.query_one("#chat-input").text == "hi\nyo"
        await pilot.press("enter")
        await _until(pilot, lambda: screen.state == "ready")
        assert screen.conversation.turns[0]["content"] == "hi\nyo"
        assert screen.query_one("#chat-input").text == ""


async def test_a_crisis_opens_sos_and_never_reaches_the_model(
    context, installed_model, faulty_backend, monkeypatch
):
    from coach.companion import backends
    from coach.tui.screens.sos import SosScreen

    monkeypatch.setattr(backends, "for_context", lambda context: faulty_backend)
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        await _until(pilot, lambda: screen.state == "ready")
        await pilot.press(*"I want to kill myself")
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, SosScreen))
        assert faulty_backend.calls == 0
        assert screen.conversation.turns[-1]["crisis"] is True


async def test_earlier_conversations_can_be_reopened(context, installed_model):
    from coach.companion.memory import ConversationStore

    store = ConversationStore(context)
    old = store.new("smollm2-135m")
    store.add_turn(old, "user", "About my sister")
    store.add_turn(old, "assistant", "That sounds hard.")
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        await _until(pilot, lambda: screen.state == "ready")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        await _until(pilot, lambda: screen.conversation.id == old.id)
        assert screen.conversation.title == "About my sister"


async def test_no_model_offers_the_pull_with_one_key(context):
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        await _until(pilot, lambda: screen.state == "missing")
        status = str(screen.query_one("#chat-status").render())
        assert "coach model pull smollm2-135m" in status
        button = screen.query_one("#chat-pull")
        assert "98 MB" in str(button.label) and button.has_focus
        await pilot.press("enter")
        await _until(pilot, lambda: screen.state == "ready", steps=2400)
        assert (context.paths.models / "smollm2-135m.gguf").is_file()


async def test_messages_from_the_worker_are_in_the_users_language(context_fr):
    app = CoachApp(context_fr, start="chat")
    async with app.run_test() as pilot:
        screen = _chat(app)
        await _until(pilot, lambda: screen.state == "missing")
        assert "pas encore sur cet ordinateur" in str(screen.query_one("#chat-status").render())
        assert "Télécharger" in str(screen.query_one("#chat-pull").label)
