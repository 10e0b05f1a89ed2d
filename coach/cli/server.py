"""`coach server use URL | check | off`: the companion on a llama.cpp server.

`use` is where a plain-http URL to another machine is accepted: it says what
that means and asks (or takes `--yes` in a script); the confirmation is kept
for that origin only (see coach.companion.server_url). `off` goes back to the
local model and takes back every plain-http confirmation. `check` reaches
the server and streams a few tokens, so a wrong URL, key or port shows up
before the first real message.
"""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.i18n import language, t

CHECK_MESSAGE = "Hello"  # fixed words of ours, never the person's


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("server.help"), no_args_is_help=True)

    @sub.command("use", help=t("server.use_help"))
    def use(
        ctx: typer.Context,
        url: str = typer.Argument(..., metavar="URL", help=t("server.url_help")),
        yes: bool = typer.Option(False, "--yes", help=t("server.yes_help")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.companion import server_url
        from coach.config import save_value

        context = get_context(ctx)
        endpoint = server_url.parse(url)
        already = endpoint.origin in server_url.confirmed(context.paths.config)
        accepted = not endpoint.secure
        if accepted and not (yes or already):
            if not interactive():
                raise server_url.InsecureServer(
                    t("server.insecure_script", url=endpoint.origin), endpoint.origin
                )
            say(t("server.insecure_warning", url=endpoint.origin))
            if not typer.confirm(t("server.insecure_confirm"), default=False, err=True):
                raise typer.Exit(1)
        if accepted:
            server_url.confirm(context.paths.config, endpoint.origin)
        save_value(context.paths, "companion.url", endpoint.url)
        save_value(context.paths, "companion.backend", "server")
        if as_json:
            emit_json({"backend": "server", "url": endpoint.url, "insecure_accepted": accepted})
        else:
            say(t("server.using", url=endpoint.url))

    @sub.command("check", help=t("server.check_help"))
    def check(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.companion.server import ServerBackend

        context = get_context(ctx)
        backend = ServerBackend.from_context(context)
        info = backend.info()
        backend.max_tokens = 8
        messages = [{"role": "user", "content": CHECK_MESSAGE}]
        "".join(backend.stream(messages))
        stats = backend.stats
        info |= {
            "in_use": context.config.get("companion.backend") == "server",
            "tokens": stats.tokens,
            "seconds_to_first_token": round(stats.seconds_to_first_token, 4),
            "tokens_per_second": round(stats.tokens_per_second, 2),
        }
        if as_json:
            emit_json(info)
            return
        say(t("server.check_ok", url=info["url"], model=info["model"] or "?"))
        say(t("server.check_window", n=info["context_length"]))
        first, rate = info["seconds_to_first_token"], info["tokens_per_second"]
        say(t("server.check_speed", first=_number(first), rate=_number(rate, 1)))
        if not info["loopback"]:
            say(t("server.check_private" if info["secure"] else "server.check_clear"))
        if not info["in_use"]:
            say(t("server.check_not_in_use"))

    @sub.command("off", help=t("server.off_help"))
    def off(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.companion import server_url
        from coach.config import save_value

        context = get_context(ctx)
        save_value(context.paths, "companion.backend", "local")
        for origin in server_url.confirmed(context.paths.config):
            server_url.forget(context.paths.config, origin)
        if as_json:
            emit_json({"backend": "local"})
        else:
            say(t("server.off"))

    app.add_typer(sub, name="server")


def _number(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language() == "fr" else text
