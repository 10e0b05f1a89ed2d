"""The root command. `coach` alone opens the TUI; every action also has a command."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

import typer

import coach
import coach.cli
from coach.cli import library_text
from coach.errors import CoachError
from coach.i18n import LANGUAGES, set_language, t


def _lang_from_argv(argv: list[str]) -> str | None:
    """`--lang` must be known before the help texts are built, so read it early."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coach {coach.__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="coach",
        help=t("cli.root_help"),
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback(invoke_without_command=True)
    def root(
        ctx: typer.Context,
        lang: str = typer.Option(None, "--lang", help=t("cli.lang_help"), metavar="en|fr"),
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help=t("cli.version_help")
        ),
    ) -> None:
        if lang is not None and lang not in LANGUAGES:
            raise typer.BadParameter(t("cli.bad_lang", lang=lang), param_hint="--lang")
        from coach.context import Context

        ctx.obj = Context.load(lang=lang)
        if ctx.invoked_subcommand is None:
            from coach.cli.common import open_tui

            open_tui(ctx.obj)

    for name in _command_modules():
        importlib.import_module(f"coach.cli.{name}").register(app)
    return app


def _command_modules() -> list[str]:
    """Modules of coach/cli that define `register(app)`.

    The source is read rather than imported: helper modules (the safety gate,
    the editor) pull in heavier code that `--help` must not pay for.
    """
    names = []
    for info in pkgutil.iter_modules(coach.cli.__path__):
        if info.name.startswith("_") or info.ispkg:
            continue
        spec = importlib.util.find_spec(f"coach.cli.{info.name}")
        origin = spec.origin if spec else None
        if origin and "\ndef register(" in Path(origin).read_text(encoding="utf-8"):
            names.append(info.name)
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        # The one answer that needs no command tree: scripts call it to probe for coach.
        print(f"coach {coach.__version__}")
        return 0
    lang = _lang_from_argv(args)
    if lang in LANGUAGES:
        set_language(lang)
    else:
        from coach.config import load
        from coach.paths import resolve

        # A damaged config is reported by the command itself, in English.
        with contextlib.suppress(CoachError):
            set_language(load(resolve()).language)
    try:
        command = typer.main.get_command(build_app())
        library_text.install(command)
        # Not standalone: the library's usage errors are shown here, in the user's language.
        code = command.main(args=args, prog_name="coach", standalone_mode=False)
        return code if isinstance(code, int) and code else 0
    except library_text.ClickException as exc:
        return library_text.report(exc)
    except typer.Abort:
        print(t("click.aborted"), file=sys.stderr)
        return 1
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except CoachError as exc:
        print(f"coach: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    return 0


def run() -> None:
    sys.exit(main())
