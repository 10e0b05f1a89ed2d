"""`coach chat` (a conversation in this terminal) and `coach ask TEXT` (one question).

Both go through `Companion.reply`: the safety check before the model, the
guard on every piece of the reply. A crisis gets the crisis block and no model
text at all. The model is loaded only here, never at `coach --help`.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("ask", help=t("companion.ask_help"))
    def ask(
        ctx: typer.Context,
        text: str = typer.Argument(..., metavar="TEXT", help=t("companion.ask_text_help")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
        allow_http: bool = typer.Option(False, "--allow-http", help=t("companion.allow_http_help")),
    ) -> None:
        context = get_context(ctx)
        if text == "-":
            text = sys.stdin.read()
        _ask(context, text.strip(), as_json, allow_http)

    @app.command("chat", help=t("companion.chat_help"))
    def chat(
        ctx: typer.Context,
        allow_http: bool = typer.Option(False, "--allow-http", help=t("companion.allow_http_help")),
    ) -> None:
        _chat(get_context(ctx), allow_http)


def _check(context: Any, text: str) -> Any:
    from coach.cli import safety_gate
    from coach.errors import CoachError

    if not text:
        raise CoachError(t("companion.empty_message"))
    return safety_gate.check(context, text)


def _companion(context: Any, allow_http: bool = False) -> Any:
    from coach.companion.backends import for_context
    from coach.companion.companion import Companion
    from coach.companion.server import InsecureServer, confirm

    try:
        backend = for_context(context, ui=False)  # no screen to keep smooth: every core
    except InsecureServer as exc:
        if not (
            allow_http or (interactive() and _ask_yes(t("companion.server_confirm", url=exc.url)))
        ):
            raise
        confirm(context.paths.config, exc.url)
        backend = for_context(context, ui=False)
    if interactive() and not getattr(backend, "loaded", True):
        say(t("companion.chat_loading", id=backend.model_id))
    backend.load()
    return Companion(context, backend)


def _ask_yes(question: str) -> bool:
    return typer.confirm(question, default=False, err=True)


def _ask(context: Any, text: str, as_json: bool, allow_http: bool = False) -> None:
    detection = _check(context, text)
    if detection.is_crisis:
        _crisis(context, text, as_json, detection)
        return
    companion = _companion(context, allow_http)
    conversation = companion.new_conversation()
    streaming = not as_json

    def show(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    result = _run(companion, conversation, text, show if streaming else None, detection)
    if streaming:
        sys.stdout.write("\n")
        _after(context, companion, result)
        return
    reply = result.reply + (f"\n\n{result.note}" if result.note else "")
    emit_json(_payload(context, companion.backend, result, reply))


def _payload(context: Any, backend: Any, result: Any, reply: str) -> dict[str, Any]:
    threads = getattr(backend, "threads", None)
    return {
        "reply": reply,
        "level": result.level,
        "tokens": result.tokens,
        "seconds_to_first_token": result.seconds_to_first_token,
        "tokens_per_second": result.tokens_per_second,
        "threads": threads.generation if threads is not None else None,
        "model": backend.model_id,
        "backend": backend.name,
        "exercises": result.exercises,
        "stopped": result.stopped,
        "guarded": result.blocked,
    }


def _crisis(context: Any, text: str, as_json: bool, detection: Any) -> None:
    """No model call: the turn is kept (marked) and the crisis block was printed on stderr."""
    from coach.companion.memory import ConversationStore
    from coach.safety.sos import build

    store = ConversationStore(context)
    store.add_turn(store.new(), "user", text, crisis=True)
    if as_json:
        emit_json({
            "reply": "", "level": detection.level, "tokens": 0,
            "seconds_to_first_token": None, "tokens_per_second": None, "threads": None,
            "model": None, "resources": build(context, detected=True).to_dict(),
        })  # fmt: skip
    else:
        say(t("companion.crisis_no_reply"))


def _run(companion: Any, conversation: Any, text: str, show: Any, detection: Any) -> Any:
    """Generate in a worker thread so Ctrl+C stops the reply cleanly (and it is still saved)."""
    stop = threading.Event()
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = companion.reply(conversation, text, show, stop, detection)
        except BaseException as exc:  # handed to the main thread below
            box["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive():
        try:
            worker.join(0.1)
        except KeyboardInterrupt:
            stop.set()
    if "error" in box:
        raise box["error"]
    return box["result"]


def _after(context: Any, companion: Any, result: Any) -> None:
    if result.stopped:
        say(t("companion.stopped"))
    if result.note:
        say(result.note)
    titles = dict(companion.menu)
    for eid in result.exercises:
        say(t("companion.suggest", title=titles.get(eid, eid), command=_how_to_start(context, eid)))


def _how_to_start(context: Any, exercise_id: str) -> str:
    try:
        from coach.exercises.loader import load_for

        exercise = load_for(context, report=None).get(exercise_id)
    except Exception:  # the suggestion is a courtesy: never fail the chat for it
        exercise = None
    kind = exercise.kind if exercise else ""
    if kind == "breathing":
        return f"coach breathe {exercise_id}"
    if kind == "urge":
        return "coach urge"
    if exercise_id.startswith("grounding"):
        return "coach ground"
    return "coach"


def _chat(context: Any, allow_http: bool = False) -> None:
    tty = interactive()
    if tty:
        say(t("companion.ai_notice"))
        say(t("companion.chat_intro"))
    companion = None
    conversation = None
    you = t("companion.you")
    while True:
        try:
            line = input(f"{you}> ") if tty else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            break
        if not tty and line == "":
            break
        text = line.strip()
        if not text:
            if tty:
                break
            continue
        detection = _check(context, text)
        if detection.is_crisis:
            from coach.companion.memory import ConversationStore

            store = ConversationStore(context)
            if conversation is None:
                conversation = store.new()
            store.add_turn(conversation, "user", text, crisis=True)
            say(t("companion.crisis_no_reply"))
            continue
        if companion is None:
            companion = _companion(context, allow_http)
            if conversation is None:
                conversation = companion.new_conversation()
        if tty:
            sys.stdout.write(f"{t('companion.companion_name')}> ")

        def show(piece: str) -> None:
            sys.stdout.write(piece)
            sys.stdout.flush()

        result = _run(companion, conversation, text, show, detection)
        sys.stdout.write("\n")
        sys.stdout.flush()
        _after(context, companion, result)
