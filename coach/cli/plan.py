"""`coach plan show` and `coach plan edit`: the personal safety plan in the shell."""

from __future__ import annotations

import sys

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.errors import CoachError
from coach.i18n import t


def _render(plan, lang: str) -> str:
    from coach.safety.plan import STEPS

    lines = [t("plan.title", lang), ""]
    for step in STEPS:
        lines.append(t(f"plan.step.{step}.title", lang))
        items = plan.items(step)
        if items:
            lines += [f"  {n}. {item}" for n, item in enumerate(items, start=1)]
        else:
            lines.append(f"  {t('plan.nothing_yet', lang)}")
        lines.append("")
    if plan.updated:
        lines.append(t("plan.updated", lang, when=plan.updated[:16].replace("T", " ")))
    return "\n".join(lines).rstrip()


def _ask(prompt: str) -> str | None:
    """One line from the keyboard; None at end of input."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def _interactive_edit(context) -> bool:
    """Walk the seven parts; returns True when something changed and was saved."""
    from coach.safety import plan as service

    lang = context.lang
    current = service.load(context)
    steps = {s: current.items(s) for s in service.STEPS}
    say(t("plan.intro", lang))
    say(t("plan.interactive_intro", lang))
    for step in service.STEPS:
        say("")
        say(f"{t(f'plan.step.{step}.title', lang)} — {t(f'plan.step.{step}.hint', lang)}")
        if steps[step]:
            say(t("plan.current", lang))
            for item in steps[step]:
                say(f"  – {item}")
        while True:
            line = _ask(f"  {t('plan.prompt_item', lang)} > ")
            if line is None or not line.strip():
                break
            if line.strip() == "-":
                steps[step] = []
                continue
            steps[step].append(line.strip())
    if steps == {s: current.items(s) for s in service.STEPS}:
        return False
    _gate(context, [i for items in steps.values() for i in items])
    service.save(context, steps)
    return True


def _gate(context, items: list[str]) -> None:
    """Plan items are the user's words too: they pass the safety gate like any other."""
    from coach.cli.safety_gate import check

    if items:
        check(context, "\n".join(items))


def _parse_edits(args: list[str]):
    """`--add STEP TEXT`, `--set STEP TEXT`, `--remove STEP N`, `--clear STEP`, repeatable."""
    from coach.errors import UsageError

    add: list[tuple[str, str]] = []
    set_: list[tuple[str, str]] = []
    remove: list[tuple[str, int]] = []
    clear: list[str] = []
    arity = {"--add": 2, "--set": 2, "--remove": 2, "--clear": 1}
    i = 0
    while i < len(args):
        flag = args[i].split("=", 1)[0] if args[i].startswith("--") else args[i]
        if flag not in arity:
            raise UsageError(t("plan.bad_option", option=args[i]))
        values = args[i + 1 : i + 1 + arity[flag]]
        if len(values) < arity[flag]:
            raise UsageError(t("plan.missing_value", option=flag))
        if flag == "--add":
            add.append((values[0], values[1]))
        elif flag == "--set":
            set_.append((values[0], values[1]))
        elif flag == "--remove":
            if not values[1].isdigit():
                raise UsageError(t("plan.bad_number", value=values[1]))
            remove.append((values[0], int(values[1])))
        else:
            clear.append(values[0])
        i += 1 + arity[flag]
    return add, set_, remove, clear


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("plan.help"), no_args_is_help=True)

    @sub.command("show", help=t("plan.show_help"))
    def show(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.safety import plan as service

        context = get_context(ctx)
        current = service.load(context)
        if as_json:
            emit_json(current.to_dict())
        elif current.is_empty():
            say(t("plan.empty", context.lang))
        else:
            typer.echo(_render(current, context.lang))

    epilog = "\n\n".join(t(f"plan.{k}_help") for k in ("add", "set", "remove", "clear"))

    @sub.command(
        "edit",
        help=t("plan.edit_help"),
        epilog=epilog,
        # `--add STEP TEXT` takes two values and repeats, which typer cannot declare:
        # the pairs are read from the remaining arguments (see _pairs).
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )
    def edit(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        add, set_, remove, clear = _parse_edits(list(ctx.args))
        from coach.safety import plan as service

        context = get_context(ctx)
        if not (add or set_ or remove or clear):
            if not interactive():
                raise CoachError(t("plan.no_terminal", context.lang))
            changed = _interactive_edit(context)
            say(t("plan.saved" if changed else "plan.unchanged", context.lang))
            if as_json:
                emit_json(service.load(context).to_dict())
            return
        # Check every step name before changing anything: all or nothing.
        for step, *_rest in [*(add or []), *(set_ or []), *(remove or [])]:
            service.step_id(step)
        for step in clear or []:
            service.step_id(step)
        _gate(context, [text for _s, text in add or []] + [text for _s, text in set_ or []])
        current = None
        for step in clear or []:
            current = service.set_items(context, step, [])
        for step, text in set_ or []:
            current = service.set_items(context, step, [i for i in text.split(";")])
        # Remove from the highest number down, so earlier numbers stay valid.
        for step, number in sorted(remove or [], key=lambda r: -r[1]):
            current = service.remove(context, step, number)
        for step, text in add or []:
            current = service.add(context, step, text)
        if as_json:
            emit_json(current.to_dict() if current else service.load(context).to_dict())
        else:
            say(t("plan.saved", context.lang))

    app.add_typer(sub, name="plan")
