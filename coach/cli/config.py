"""`coach config get/set/unset/path`."""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context, say
from coach.i18n import t


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("config.help"), no_args_is_help=True)

    @sub.command("get", help=t("config.get_help"))
    def get(
        ctx: typer.Context,
        key: str = typer.Argument(None, metavar="KEY"),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.config import SETTINGS

        config = get_context(ctx).config
        if key is None:
            values = {k: config.get(k) for k in SETTINGS}
            values["language"] = config.language
            values["country"] = config.country
            if as_json:
                emit_json(values)
            else:
                for k, v in values.items():
                    typer.echo(f"{k} = {_show(v)}")
            return
        value = config.language if key == "language" else config.get(key)
        if key == "country":
            value = config.country
        if as_json:
            emit_json({key: value})
        else:
            typer.echo(_show(value))

    @sub.command("set", help=t("config.set_help"))
    def set_(
        ctx: typer.Context,
        key: str = typer.Argument(..., metavar="KEY"),
        value: str = typer.Argument(..., metavar="VALUE"),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.config import save_value

        stored = save_value(get_context(ctx).paths, key, value)
        if as_json:
            emit_json({key: stored})
        else:
            say(t("config.saved", key=key, value=_show(stored)))

    @sub.command("unset", help=t("config.unset_help"))
    def unset(ctx: typer.Context, key: str = typer.Argument(..., metavar="KEY")) -> None:
        from coach.config import unset_value

        unset_value(get_context(ctx).paths, key)
        say(t("config.unset", key=key))

    @sub.command("path", help=t("config.path_help"))
    def path(ctx: typer.Context) -> None:
        typer.echo(str(get_context(ctx).paths.config_file))

    app.add_typer(sub, name="config")


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
