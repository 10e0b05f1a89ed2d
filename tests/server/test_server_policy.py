"""Which URLs coach talks to, and where the API key may come from."""

from __future__ import annotations

import os

import pytest
from fake_servers import openai_like
from server_support import API_KEY, use_server

from coach.companion import server_auth, server_url
from coach.companion.server import ServerBackend
from coach.errors import CoachError

# --- the URL ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "origin", "prefix"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", ""),
        ("http://localhost:8080/v1", "http://localhost:8080", ""),
        ("http://127.0.0.1:8080/v1/chat/completions", "http://127.0.0.1:8080", ""),
        ("https://llm.clinic.example/coach/v1/", "https://llm.clinic.example", "/coach"),
        ("http://[::1]:9000", "http://[::1]:9000", ""),
        ("HTTPS://Example.org:443", "https://example.org", ""),
    ],
)
def test_urls_are_read_in_the_forms_people_paste(url, origin, prefix):
    endpoint = server_url.parse(url)
    assert endpoint.origin == origin and endpoint.prefix == prefix


@pytest.mark.parametrize(
    "url", ["", "127.0.0.1:8080", "ftp://host/x", "http://", "http://h:99999", "http://h/?q=1"]
)
def test_a_url_that_is_not_one_is_refused(url):
    with pytest.raises(CoachError):
        server_url.parse(url)


def test_a_key_inside_the_url_is_refused():
    with pytest.raises(CoachError, match="must not contain a name or a key"):
        server_url.parse("https://user:secret@host.example")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:1", "http://[::1]:80",
     "http://0.0.0.0:8000", "http://[::ffff:127.0.0.1]:8080", "https://192.168.1.20:8443",
     "https://llm.example"],
)  # fmt: skip
def test_loopback_and_https_are_allowed_without_asking(url):
    server_url.check(server_url.parse(url))


@pytest.mark.parametrize(
    "url",
    ["http://192.168.1.20:8080", "http://llm.example", "http://localhost.example",
     "http://127.0.0.1.example.com", "http://[::ffff:192.168.1.20]:8080"],
)  # fmt: skip
def test_plain_http_to_another_machine_is_refused(url):
    with pytest.raises(server_url.InsecureServer, match="unencrypted"):
        server_url.check(server_url.parse(url))


def test_confirming_one_origin_confirms_only_that_origin(context):
    folder = context.paths.config
    assert server_url.confirm(folder, "http://192.168.1.20:8080/v1") == "http://192.168.1.20:8080"
    server_url.check(server_url.parse("http://192.168.1.20:8080"), server_url.confirmed(folder))
    for other in ("http://192.168.1.20:8081", "http://192.168.1.21:8080"):
        with pytest.raises(server_url.InsecureServer) as caught:
            server_url.check(server_url.parse(other), server_url.confirmed(folder))
        assert caught.value.url == other
    assert os.stat(folder / server_url.CONFIRMED_FILE).st_mode & 0o077 == 0
    assert server_url.forget(folder, "http://192.168.1.20:8080")
    assert server_url.confirmed(folder) == []


def test_the_backend_refuses_an_unconfirmed_remote_http_url(context):
    use_server(context, "http://192.168.1.20:8080")
    with pytest.raises(server_url.InsecureServer):
        ServerBackend.from_context(context)
    server_url.confirm(context.paths.config, "http://192.168.1.20:8080")
    # Read fresh: a confirmation given a moment ago counts without reloading the settings.
    assert ServerBackend.from_context(context).where == "http://192.168.1.20:8080"


def test_the_chat_backend_follows_the_setting(context):
    from coach.companion.backends import for_context

    use_server(context, "http://127.0.0.1:8080", **{"companion.timeout": 7})
    backend = for_context(context)
    assert backend.name == "server" and backend.where == "http://127.0.0.1:8080"
    assert backend.read_timeout == 7


# --- `coach server use` -----------------------------------------------------------------


def test_use_switches_to_a_loopback_server(cli, context):
    r = cli("server", "use", "http://127.0.0.1:8080/v1", "--json")
    assert r.code == 0 and r.json() == {
        "backend": "server", "url": "http://127.0.0.1:8080", "insecure_accepted": False,
    }  # fmt: skip
    r = cli("config", "get", "--json")
    assert r.json()["companion.backend"] == "server"
    assert r.json()["companion.url"] == "http://127.0.0.1:8080"
    assert cli("server", "off").code == 0
    assert cli("config", "get", "companion.backend").out.strip() == "local"


def test_use_of_remote_http_in_a_script_needs_yes(cli, context):
    r = cli("server", "use", "http://192.168.1.20:8080")
    assert r.code == 1 and "--yes" in r.err and r.err.count("\n") == 1
    assert cli("config", "get", "companion.backend").out.strip() == "local"
    r = cli("server", "use", "http://192.168.1.20:8080", "--yes", "--json")
    assert r.code == 0 and r.json()["insecure_accepted"] is True
    assert server_url.confirmed(context.paths.config) == ["http://192.168.1.20:8080"]
    assert cli("server", "off").code == 0
    assert server_url.confirmed(context.paths.config) == []  # taken back


def test_use_asks_a_person_at_the_keyboard(cli, context, monkeypatch):
    monkeypatch.setattr("coach.cli.server.interactive", lambda: True)
    r = cli("server", "use", "http://192.168.1.20:8080", input="n\n")
    assert r.code == 1 and "could read your conversation" in r.err
    assert cli("config", "get", "companion.backend").out.strip() == "local"
    assert server_url.confirmed(context.paths.config) == []
    r = cli("server", "use", "http://192.168.1.20:8080", input="y\n")
    assert r.code == 0
    assert server_url.confirmed(context.paths.config) == ["http://192.168.1.20:8080"]


# --- the API key -----------------------------------------------------------------------


def _key_file(tmp_path, mode: int, text: str = API_KEY + "\n"):
    path = tmp_path / "key"
    path.write_text(text)
    os.chmod(path, mode)
    return path


def _with_key_file(context, path):
    context.config = context.config.with_overrides(**{"companion.api_key_file": str(path)})
    return context.config


def test_no_key_when_none_is_set(context, monkeypatch):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    assert server_auth.api_key(context.config) is None


def test_the_key_comes_from_the_environment(context, monkeypatch):
    monkeypatch.setenv("COACH_API_KEY", f"  {API_KEY}\n")
    assert server_auth.api_key(context.config) == API_KEY


def test_a_key_file_readable_only_by_its_owner_is_used(context, tmp_path, monkeypatch):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    config = _with_key_file(context, _key_file(tmp_path, 0o600))
    assert server_auth.api_key(config) == API_KEY


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_others_can_read_is_refused(context, tmp_path, monkeypatch, mode):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    path = _key_file(tmp_path, mode)
    with pytest.raises(CoachError, match=f"chmod 600 {path}"):
        server_auth.api_key(_with_key_file(context, path))


def test_a_symlink_to_a_key_file_is_refused(context, tmp_path, monkeypatch):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    link = tmp_path / "link"
    link.symlink_to(_key_file(tmp_path, 0o600))
    with pytest.raises(CoachError):
        server_auth.api_key(_with_key_file(context, link))


@pytest.mark.parametrize("text", ["", "\n", "two words\n", "a\nb\n"])
def test_an_empty_or_odd_key_file_is_refused(context, tmp_path, monkeypatch, text):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    with pytest.raises(CoachError):
        server_auth.api_key(_with_key_file(context, _key_file(tmp_path, 0o600, text)))


def test_a_missing_key_file_is_named(context, tmp_path, monkeypatch):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    with pytest.raises(CoachError, match="does not exist"):
        server_auth.api_key(_with_key_file(context, tmp_path / "nope"))


def test_a_key_in_the_config_file_is_an_error_never_used(cli, context, monkeypatch):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    cli("config", "set", "companion.url", "http://127.0.0.1:8080")
    path = context.paths.config_file
    path.write_text(path.read_text() + f'api_key = "{API_KEY}"\n')
    from coach.context import Context

    loaded = Context.load(lang="en")
    with pytest.raises(CoachError, match="holds an API key in clear"):
        server_auth.api_key(loaded.config)


def test_the_key_is_sent_as_a_bearer_token(context, fake_server, monkeypatch):
    monkeypatch.setenv("COACH_API_KEY", API_KEY)
    server = fake_server(openai_like(["ok"]))
    use_server(context, server.url)
    backend = ServerBackend.from_context(context)
    assert "".join(backend.stream([{"role": "user", "content": "hi"}])) == "ok"
    assert {r.headers.get("authorization") for r in server.requests} == {f"Bearer {API_KEY}"}


def test_no_authorization_header_without_a_key(context, fake_server, monkeypatch):
    monkeypatch.delenv("COACH_API_KEY", raising=False)
    server = fake_server(openai_like(["ok"]))
    backend = ServerBackend.from_context(use_server(context, server.url))
    "".join(backend.stream([{"role": "user", "content": "hi"}]))
    assert all("authorization" not in r.headers for r in server.requests)


def test_ask_refuses_remote_plain_http_in_a_script_and_confirms_nothing(cli, context):
    # 192.0.2.1 is a documentation address: the refusal comes before any connection.
    assert cli("config", "set", "companion.backend", "server").code == 0
    assert cli("config", "set", "companion.url", "http://192.0.2.1:8080").code == 0
    r = cli("ask", "hello", "--json")
    assert r.code == 1 and r.out == "" and "unencrypted" in r.err and "--allow-http" in r.err
    assert server_url.confirmed(context.paths.config) == []


def test_the_timeout_setting_is_checked(cli):
    assert cli("config", "set", "companion.timeout", "0").code == 1
    assert cli("config", "set", "companion.timeout", "120").code == 0


async def test_the_chat_screen_refuses_remote_plain_http_until_confirmed(context):
    from textual.widgets import Button

    from coach.tui.app import CoachApp
    from coach.tui.screens.chat import ChatScreen

    use_server(context, "http://192.0.2.1:8080")  # a documentation address, never reached
    app = CoachApp(context, start="chat")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        for _ in range(200):  # bounded
            if screen.state == "failed":
                break
            await pilot.pause(0.05)
        assert "unencrypted" in str(screen.query_one("#chat-status").render())
        button = screen.query_one("#chat-insecure", Button)
        assert "192.0.2.1:8080" in str(button.label)
    assert server_url.confirmed(context.paths.config) == []  # nothing accepted by itself
