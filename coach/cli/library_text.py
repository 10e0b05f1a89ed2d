"""The command-line library's own texts in the user's language.

Typer (with the copy of Click it carries) writes "Usage:", its help headings, the help of
the options it adds and its usage errors in English. Here they are matched against
`coach/locales/click.toml` as written, and rewritten in French for a French user: "Option
inconnue : --bogus", not half a line in each language. A text the catalogue does not hold
stays as the library wrote it.
"""

from __future__ import annotations

import re
import string
import sys
from functools import cache

import typer
from typer._click.exceptions import ClickException  # typer is pinned (pyproject.toml)

from coach.i18n import catalogue, language, t


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """(what the library writes, its French), the most specific first."""
    out = []
    for key, entry in catalogue().items():
        if not key.startswith("click."):
            continue
        pieces = string.Formatter().parse(entry["en"])
        regex = "".join(
            re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
            for literal, name, _spec, _conversion in pieces
        )
        literal_length = len(re.sub(r"\{\w+\}", "", entry["en"]))
        out.append((literal_length, re.compile(regex + r"\Z", re.DOTALL), entry["fr"]))
    return [(pattern, fr) for _length, pattern, fr in sorted(out, key=lambda p: -p[0])]


def translate(text: str) -> str:
    if language() != "fr":
        return text
    for pattern, french in _patterns():
        match = pattern.match(text)
        if match:
            pieces = match.groupdict()
            if "message" in pieces:
                pieces["message"] = translate(pieces["message"])
            return french.format(**pieces)
    return text


# A placeholder is a word in capitals; "[OPTIONS]" and "en|fr" are left as they are.
_PLACEHOLDER = re.compile(r"(?<![\w-])[A-Z][A-Z]+(?![\w-])")


@cache
def _metavars() -> dict[str, str]:
    """The placeholders of the options ("TEXT", "HOURS"), English to French."""
    return {
        entry["en"]: entry["fr"]
        for key, entry in catalogue().items()
        if key.startswith("click.metavar.")
    }


def metavars(text: str) -> str:
    """`text` with its placeholders in the user's language: "--sleep HEURES"."""
    if language() != "fr":
        return text
    names = _metavars()
    return _PLACEHOLDER.sub(lambda m: names.get(m.group(0), m.group(0)), text)


def _context_class(base: type[typer.Context]) -> type[typer.Context]:
    class Formatter(base.formatter_class):  # type: ignore[name-defined, misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            prefix = t("click.usage") + " " if prefix is None else prefix
            super().write_usage(prog, metavars(args), prefix)

        def write_heading(self, heading: str) -> None:
            if language() == "fr":  # French sets a space before the colon
                self.write(f"{'':>{self.current_indent}}{translate(heading)} :\n")
            else:
                super().write_heading(heading)

        def write_dl(self, rows, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            rows = [(metavars(term), translate(text)) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

    class Context(base):  # type: ignore[valid-type, misc]
        formatter_class = Formatter

    return Context


def install(command) -> None:  # type: ignore[no-untyped-def]
    """Write the help of `command` and of every command under it in the user's language."""
    context = _context_class(command.context_class)
    todo = [command]
    while todo:
        current = todo.pop()
        current.context_class = context
        todo.extend(getattr(current, "commands", {}).values())


def report(error: ClickException) -> int:
    """A usage error as the library shows it, in the user's language; its exit code."""
    ctx = getattr(error, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            lines.append(t("click.try_help", command=ctx.command_path, option=option))
        lines.append("")
    lines.append(t("click.error", message=translate(error.format_message())))
    print("\n".join(lines), file=sys.stderr)
    return error.exit_code
