"""`coach safety check [--reply] [--json]`: audit the detector and the guard.

Reads one text a line on stdin (or JSON lines with a "text" field, or texts as
arguments) and prints, a line each, `{"level": ..., "reasons": [...]}`; with
`--reply`, `{"allowed": ..., "reasons": [...]}` as the guard judges a model
reply. With `--json`, one JSON list that also carries each text.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from coach.cli.common import emit_json, emit_nl, get_context, interactive, say
from coach.errors import CoachError
from coach.i18n import t


def _texts(args: list[str] | None) -> list[str]:
    if args:
        return list(args)
    if interactive():
        say(t("safety.check_prompt"))
    texts = []
    for n, line in enumerate(sys.stdin, start=1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                data = None  # a message that happens to start with "{": take it as text
            if isinstance(data, dict):
                if not isinstance(data.get("text"), str):
                    raise CoachError(t("safety.bad_json_line", n=n))
                texts.append(data["text"])
                continue
        texts.append(line)
    return texts


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("safety.help"), no_args_is_help=True)

    @sub.command("check", help=t("safety.check_help"))
    def check(
        ctx: typer.Context,
        texts: Annotated[
            list[str] | None,
            typer.Argument(metavar="TEXT", help=t("safety.texts_help"), show_default=False),
        ] = None,
        reply: bool = typer.Option(False, "--reply", help=t("safety.reply_help")),
        lang: str = typer.Option(None, "--text-lang", help=t("safety.lang_help"), metavar="en|fr"),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.safety import detect
        from coach.safety.guard import check_reply

        language = lang or get_context(ctx).lang
        results = []
        for text in _texts(texts):
            if reply:
                verdict = check_reply(text, language)
                result = {"allowed": verdict.allowed, "reasons": verdict.reasons}
            else:
                result = detect(text, language).to_dict()
            results.append((text, result))
        if as_json:
            emit_json([{"text": text, **result} for text, result in results])
        else:
            emit_nl(result for _text, result in results)

    app.add_typer(sub, name="safety")
