"""The safety steps are the same on a server: the detector before, the guard during, and
the rest of coach keeps working when the server is down."""

from __future__ import annotations

import pytest
from fake_servers import chunk, closed_port, openai_like, send_event, send_head, send_json
from server_support import use_server

from coach.companion import memory
from coach.companion.companion import Companion
from coach.companion.server import ServerBackend, ServerError
from coach.i18n import t


def companion_on(context, url: str) -> Companion:
    use_server(context, url)
    return Companion(context, ServerBackend.from_context(context))


def test_a_reply_with_a_dose_is_replaced_before_the_person_sees_it(context, fake_server):
    server = fake_server(openai_like(
        ["You could ", "take 50 ", "mg of sertraline ", "every morning. ", "It helps."]
    ))  # fmt: skip
    companion = companion_on(context, server.url)
    shown: list[str] = []
    result = companion.reply(companion.new_conversation(), "I can't sleep.", shown.append)
    assert result.blocked and "50 mg" not in result.reply
    assert result.reply == t("safety.guard.medication")
    assert "".join(shown) == result.reply  # the dose never reached the screen, not even a piece
    stored = memory.ConversationStore(context).list()[0].turns[-1]
    assert stored["withheld"] is True and "sertraline" not in stored["content"]


def test_once_the_guard_blocks_the_server_is_left_to_stop(context, fake_server):
    def method_then_more(handler, request):
        if request.path == "/v1/models":
            send_json(handler, {"data": [{"id": "fake"}]})
            return
        if request.path != "/v1/chat/completions":
            send_json(handler, {"detail": "Not Found"}, "404 Not Found")
            return
        send_head(handler)
        send_event(handler, chunk("The quickest way to die is "))
        for i in range(400):  # bounded: 20 s
            send_event(handler, chunk(f"more{i} "))
            if server.release.wait(0.05):
                return

    server = fake_server(method_then_more)
    companion = companion_on(context, server.url)
    result = companion.reply(companion.new_conversation(), "Tell me something.")
    assert result.blocked and result.reply == t("safety.guard.harm")
    assert server.gone.wait(10)  # the connection was closed: the server stops computing


def test_a_crisis_message_never_reaches_the_server(context, fake_server):
    server = fake_server(openai_like(["should never be asked"]))
    companion = companion_on(context, server.url)
    companion.backend.load()
    before = len(server.requests)
    result = companion.reply(companion.new_conversation(), "I want to kill myself tonight")
    assert result.crisis and result.reply == ""
    assert len(server.requests) == before  # not even a token count
    assert companion.store.list()[0].turns[0]["crisis"] is True  # kept for the person


def test_the_history_sent_leaves_out_crisis_and_withheld_turns(context, fake_server):
    server = fake_server(openai_like(["I hear you."]))
    companion = companion_on(context, server.url)
    conversation = companion.new_conversation()
    companion.reply(conversation, "I feel low.")
    companion.reply(conversation, "I want to end my life")  # crisis: kept out
    companion.reply(conversation, "Work is hard.")
    chats = [r.json() for r in server.requests if r.path == "/v1/chat/completions"]
    assert len(chats) == 2
    sent = [m["content"] for m in chats[-1]["messages"][1:]]
    assert sent == ["I feel low.", "I hear you.", "Work is hard."]
    assert chats[-1]["messages"][0] == {"role": "system", "content": companion.system()}


# --- the rest of coach, with the server down --------------------------------------------


@pytest.fixture
def server_down(cli):
    url = f"http://127.0.0.1:{closed_port()}"
    assert cli("config", "set", "companion.backend", "server").code == 0
    assert cli("config", "set", "companion.url", url).code == 0
    return url


def test_ask_with_the_server_down_is_one_clear_line(cli, server_down):
    r = cli("ask", "How can I relax before bed?")
    assert r.code == 1 and r.out == ""
    assert r.err.strip() == "coach: " + t("server.unreachable", url=server_down)


def test_check_ins_exercises_and_sos_work_with_the_server_down(cli, server_down):
    r = cli("checkin", "--mood", "6", "--note", "a calm day", "--json")
    assert r.code == 0, r.err
    assert cli("history", "--json").code == 0
    r = cli("sos", "--json")
    assert r.code == 0 and r.json()
    r = cli("exercises", "list", "--json")
    assert r.code == 0 and len(r.json()) > 0
    r = cli("breathe", "--cycles", "1", "--time-scale", "0", "--plain", "--json")
    assert r.code == 0, r.err


def test_server_check_reports_the_server_down(cli, server_down):
    r = cli("server", "check", "--json")
    assert r.code == 1 and "Cannot reach the companion's server" in r.err and r.out == ""


async def test_the_chat_screen_says_the_server_is_down_and_sos_still_opens(context, server_down):
    from coach.context import Context
    from coach.tui.app import CoachApp
    from coach.tui.screens.chat import ChatScreen
    from coach.tui.screens.sos import SosScreen

    app = CoachApp(Context.load(lang="en"), start="chat")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        assert server_down in str(screen.query_one("#chat-notice").render())
        for _ in range(400):  # bounded
            if screen.state == "failed":
                break
            await pilot.pause(0.05)
        assert screen.state == "failed"
        status = str(screen.query_one("#chat-status").render())
        assert "Cannot reach the companion's server" in status
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)


def test_the_error_class_is_what_callers_catch():
    from coach.errors import CoachError

    assert issubclass(ServerError, CoachError)
