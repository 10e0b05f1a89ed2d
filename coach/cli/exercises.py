"""`coach exercises list/show/path/run/hide/unhide/add-card/sessions`."""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context, say
from coach.i18n import t


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("exercises.help"), no_args_is_help=True)
    json_opt = typer.Option(False, "--json", help=t("cli.json_help"))

    @sub.command("list", help=t("exercises.list_help"))
    def list_(
        ctx: typer.Context,
        kind: str = typer.Option(None, "--kind", help=t("exercises.kind_help"), metavar="KIND"),
        category: str = typer.Option(None, "--category", help=t("exercises.category_help")),
        include_hidden: bool = typer.Option(False, "--all", help=t("exercises.all_help")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.exercises.cards import hidden_ids
        from coach.exercises.loader import load_for

        context = get_context(ctx)
        library = load_for(context)
        hidden = hidden_ids(context)
        rows = []
        for exercise in library.all(kind, category):
            is_hidden = exercise.kind == "card" and exercise.id in hidden
            if is_hidden and not include_hidden:
                continue
            rows.append(
                {
                    "id": exercise.id,
                    "kind": exercise.kind,
                    "category": exercise.category,
                    "title": exercise.title_in(context.lang),
                    "hidden": is_hidden,
                    "user": exercise.user,
                }
            )
        if as_json:
            emit_json(rows)
            return
        width = {k: max([len(r[k]) for r in rows] + [1]) for k in ("id", "kind", "category")}
        for row in rows:
            marks = [t("exercises.hidden_mark")] if row["hidden"] else []
            marks += [t("exercises.user_mark")] if row["user"] else []
            suffix = f"  ({', '.join(marks)})" if marks else ""
            typer.echo(
                f"{row['id']:<{width['id']}}  {row['kind']:<{width['kind']}}  "
                f"{row['category']:<{width['category']}}  {row['title']}{suffix}"
            )

    @sub.command("show", help=t("exercises.show_help"))
    def show(
        ctx: typer.Context,
        exercise_id: str = typer.Argument(..., metavar="ID"),
        as_json: bool = json_opt,
    ) -> None:
        from coach.exercises.plan import build

        context = get_context(ctx)
        exercise = _require(context, exercise_id)
        plan = build(exercise)
        if as_json:
            emit_json(exercise.describe(context.lang) | {"total_seconds": plan.total_seconds})
            return
        from coach.exercises.describe import describe_text

        typer.echo(describe_text(exercise, plan.total_seconds, context.lang))

    @sub.command("path", help=t("exercises.path_help"))
    def path(ctx: typer.Context) -> None:
        from coach.paths import ensure_dir

        typer.echo(str(ensure_dir(get_context(ctx).paths.exercises)))

    @sub.command("run", help=t("exercises.run_help"))
    def run(
        ctx: typer.Context,
        exercise_id: str = typer.Argument(..., metavar="ID"),
        minutes: float = typer.Option(None, "--minutes", min=0.1, help=t("exercises.minutes_help")),
        plain: bool = typer.Option(False, "--plain", help=t("exercises.plain_help")),
        before: int = typer.Option(
            None, "--before", min=0, max=10, help=t("exercises.before_help")
        ),
        after: int = typer.Option(None, "--after", min=0, max=10, help=t("exercises.after_help")),
        as_json: bool = typer.Option(False, "--json", help=t("exercises.run_json_help")),
        scale: float = typer.Option(
            None, "--time-scale", hidden=True, help=t("exercises.scale_help")
        ),
    ) -> None:
        from coach.cli.breathe import start

        context = get_context(ctx)
        start(
            context,
            _require(context, exercise_id),
            plain=plain,
            minutes=minutes,
            before=before,
            after=after,
            as_json=as_json,
            scale=scale,
        )

    @sub.command("check", help=t("exercises.check_help"))
    def check_files(ctx: typer.Context, as_json: bool = json_opt) -> None:
        from coach.exercises.loader import load_for

        library = load_for(get_context(ctx), report=None if as_json else _stderr_line)
        problems = [
            {"path": str(p.path), "field": p.field, "problem": p.message} for p in library.problems
        ]
        if as_json:
            emit_json({"exercises": len(library), "problems": problems})
        elif not problems:
            say(t("exercises.check_ok", n=len(library)))
        if problems:
            raise typer.Exit(1)

    @sub.command("template", help=t("exercises.template_help"))
    def template(
        kind: str = typer.Argument("breathing", metavar="breathing|steps|timer|urge|card"),
    ) -> None:
        from coach.exercises.schema import KINDS

        if kind not in KINDS:
            raise typer.BadParameter(", ".join(KINDS), param_hint="KIND")
        typer.echo(template_text(kind), nl=False)

    @sub.command("hide", help=t("exercises.hide_help"))
    def hide(
        ctx: typer.Context,
        card_id: str = typer.Argument(..., metavar="ID"),
        as_json: bool = json_opt,
    ) -> None:
        from coach.exercises import cards
        from coach.exercises.loader import load_for

        context = get_context(ctx)
        changed = cards.hide(context, load_for(context), card_id)
        if as_json:
            emit_json({"id": card_id, "hidden": True, "changed": changed})
        else:
            say(t("exercises.hidden" if changed else "exercises.already_hidden", id=card_id))

    @sub.command("unhide", help=t("exercises.unhide_help"))
    def unhide(
        ctx: typer.Context,
        card_id: str = typer.Argument(..., metavar="ID"),
        as_json: bool = json_opt,
    ) -> None:
        from coach.exercises import cards

        changed = cards.unhide(get_context(ctx), card_id)
        if as_json:
            emit_json({"id": card_id, "hidden": False, "changed": changed})
        else:
            say(t("exercises.unhidden" if changed else "exercises.not_hidden", id=card_id))

    @sub.command("add-card", help=t("exercises.add_card_help"))
    def add_card(
        ctx: typer.Context,
        category: str = typer.Argument(..., metavar="comfort|distract|express|release"),
        text: str = typer.Argument(..., metavar="TEXT"),
        title: str = typer.Option(None, "--title", help=t("exercises.title_help")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.cli.safety_gate import check
        from coach.exercises import cards
        from coach.exercises.loader import load_for

        context = get_context(ctx)
        check(context, f"{title or ''}\n{text}".strip())
        card = cards.add(context, load_for(context), category, text, title)
        if as_json:
            emit_json(card.describe(context.lang))
        else:
            say(t("exercises.card_added", id=card.id, path=card.path))

    @sub.command("sessions", help=t("exercises.sessions_help"))
    def sessions(
        ctx: typer.Context,
        exercise_id: str = typer.Option(None, "--id", metavar="ID"),
        limit: int = typer.Option(20, "--limit", min=1, help=t("exercises.limit_help")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.exercises.sessions import Sessions

        runs = Sessions(get_context(ctx)).recent(limit, exercise_id)
        if as_json:
            emit_json(runs)
            return
        if not runs:
            say(t("exercises.no_sessions"))
        for run_ in runs:
            ratings = f"{_rating(run_.get('rating_before'))} → {_rating(run_.get('rating_after'))}"
            done = "✓" if run_.get("completed") else "·"
            typer.echo(
                f"{run_['started_at'][:16].replace('T', ' ')}  {done} {run_['exercise_id']:<16} "
                f"{round(run_.get('duration_s', 0) / 60, 1):>5} min  {ratings}"
            )

    app.add_typer(sub, name="exercises")


def _stderr_line(line: str) -> None:
    say(f"coach: {line}")


def _rating(value: object) -> str:
    return "-" if value is None else str(value)


def _require(context, exercise_id: str):
    from coach.errors import CoachError
    from coach.exercises.loader import load_for

    exercise = load_for(context).get(exercise_id)
    if exercise is None:
        raise CoachError(t("exercises.unknown", id=exercise_id))
    return exercise


# A shipped file of each kind: a real, valid example is the best template.
TEMPLATES = {
    "breathing": "box",
    "steps": "grounding-54321",
    "timer": "tipp-cold",
    "urge": "urge-5",
    "card": "card-comfort-warm-drink",
}


def template_text(kind: str) -> str:
    """A shipped file of `kind` with a new id, ready to edit in the user's folder."""
    import re

    from coach.resources import data_dir

    source = data_dir("exercises") / f"{TEMPLATES[kind]}.toml"
    text = source.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^id = "[^"]*"', f'id = "my-{kind}"', text, count=1)
    return t("exercises.template_header", path=source.name) + "\n" + text
