"""`coach breathe ID`, `coach ground`, `coach urge`, `coach relax`.

In a terminal these open the app on the exercise. With `--plain`, or when
stdout is not a terminal, they print one line per phase or step with its
seconds, paced in real time, so a screen reader or a script can follow; the
run is stored like any other.
"""

from __future__ import annotations

import sys

import typer

from coach.cli.common import emit_json, get_context, interactive
from coach.errors import CoachError
from coach.i18n import t

URGE_MINUTES = (5, 15)


def register(app: typer.Typer) -> None:
    plain_opt = typer.Option(False, "--plain", help=t("exercises.plain_help"))
    json_opt = typer.Option(False, "--json", help=t("exercises.run_json_help"))

    def before_opt():
        return typer.Option(None, "--before", min=0, max=10, help=t("exercises.before_help"))

    def after_opt():
        return typer.Option(None, "--after", min=0, max=10, help=t("exercises.after_help"))

    def scale_opt():
        # Hidden: tests and demos run the real-time pacing faster (0 = no waiting).
        return typer.Option(None, "--time-scale", hidden=True, min=0.0)

    @app.command("breathe", help=t("exercises.breathe_help"))
    def breathe(
        ctx: typer.Context,
        exercise_id: str = typer.Argument("box", metavar="ID"),
        cycles: int = typer.Option(
            None, "--cycles", min=1, max=500, help=t("exercises.cycles_help")
        ),
        minutes: float = typer.Option(
            None, "--minutes", min=0.1, max=120, help=t("exercises.minutes_help")
        ),
        plain: bool = plain_opt,
        before: int = before_opt(),
        after: int = after_opt(),
        as_json: bool = json_opt,
        scale: float = scale_opt(),
    ) -> None:
        context = get_context(ctx)
        if cycles is not None and minutes is not None:
            raise typer.BadParameter(t("exercises.cycles_and_minutes"), param_hint="--cycles")
        exercise = _pick(context, exercise_id, "breathing", "exercises.not_breathing")
        start(
            context,
            exercise,
            plain,
            cycles=cycles,
            minutes=minutes,
            before=before,
            after=after,
            as_json=as_json,
            scale=scale,
        )

    @app.command("ground", help=t("exercises.ground_help"))
    def ground(
        ctx: typer.Context,
        plain: bool = plain_opt,
        before: int = before_opt(),
        after: int = after_opt(),
        as_json: bool = json_opt,
        scale: float = scale_opt(),
    ) -> None:
        context = get_context(ctx)
        exercise = _pick(context, "grounding-54321", None, "exercises.unknown")
        start(context, exercise, plain, before=before, after=after, as_json=as_json, scale=scale)

    @app.command("urge", help=t("exercises.urge_help"))
    def urge(
        ctx: typer.Context,
        minutes: int = typer.Option(
            5, "--minutes", help=t("exercises.minutes_help"), metavar="5|15"
        ),
        plain: bool = plain_opt,
        before: int = before_opt(),
        after: int = after_opt(),
        as_json: bool = json_opt,
        scale: float = scale_opt(),
    ) -> None:
        if minutes not in URGE_MINUTES:
            raise typer.BadParameter(t("exercises.urge_minutes"), param_hint="--minutes")
        context = get_context(ctx)
        exercise = _pick(context, f"urge-{minutes}", None, "exercises.unknown")
        start(context, exercise, plain, before=before, after=after, as_json=as_json, scale=scale)

    @app.command("relax", help=t("exercises.relax_help"))
    def relax(
        ctx: typer.Context,
        exercise_id: str = typer.Argument("pmr-short", metavar="ID"),
        plain: bool = plain_opt,
        before: int = before_opt(),
        after: int = after_opt(),
        as_json: bool = json_opt,
        scale: float = scale_opt(),
    ) -> None:
        context = get_context(ctx)
        exercise = _pick(context, exercise_id, "steps", "exercises.not_relaxation")
        start(context, exercise, plain, before=before, after=after, as_json=as_json, scale=scale)


def _pick(context, exercise_id: str, kind: str | None, wrong_kind: str):
    from coach.exercises.loader import load_for

    library = load_for(context)
    exercise = library.get(exercise_id)
    if exercise is None:
        raise CoachError(t("exercises.unknown", id=exercise_id))
    if kind is not None and exercise.kind != kind:
        ids = ", ".join(e.id for e in library.all(kind))
        raise CoachError(t(wrong_kind, id=exercise_id, ids=ids))
    return exercise


def start(
    context,
    exercise,
    plain: bool,
    cycles: int | None = None,
    minutes: float | None = None,
    before: int | None = None,
    after: int | None = None,
    as_json: bool = False,
    scale: float | None = None,
) -> None:
    """Open the app on the exercise, or run it as paced plain lines when asked or not a TTY."""
    if not plain and not as_json and interactive():
        from coach.cli.common import open_tui

        options = {"cycles": cycles, "minutes": minutes, "rating_before": before}
        open_tui(
            context,
            screen="exercise",
            exercise_id=exercise.id,
            **{k: v for k, v in options.items() if v is not None},
        )
        return
    run_plain(context, exercise, cycles, minutes, before, after, as_json, scale)


def _write(stream):
    def emit(line: str) -> None:
        stream.write(line + "\n")
        stream.flush()

    return emit


def _ask_yes_no(question: str) -> bool | None:
    try:
        answer = input(t("exercises.answer_prompt", question=question)).strip().lower()
    except EOFError:  # Ctrl+D: no answer, the run goes on
        return None
    return answer[:1] in ("y", "o")


def _ask_rating(question: str) -> int | None:
    while True:
        try:
            answer = input(t("exercises.rating_prompt", question=question)).strip()
        except EOFError:
            return None
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)


def run_plain(context, exercise, cycles, minutes, before, after, as_json, scale) -> None:
    from coach.exercises import plain as runner
    from coach.exercises.plan import build
    from coach.exercises.sessions import Sessions

    # With --json the paced lines go to stderr so stdout holds only the JSON document.
    emit = _write(sys.stderr if as_json else sys.stdout)
    person = interactive()  # someone at a keyboard can answer; a script cannot be asked
    questions = _questions(exercise.kind)
    if before is None and person:
        before = _ask_rating(t(questions[0]))
    plan = build(exercise, cycles=cycles, minutes=minutes)
    emit(t("exercises.plain_start", title=exercise.title_in(context.lang)))
    emit(f"{t('exercises.show_cautions')} {exercise.cautions_in(context.lang)}")
    started = context.now()
    sleep = runner.real_sleep(runner.time_scale() if scale is None else scale)
    ask = _ask_yes_no if person and exercise.kind == "urge" else None
    outcome = runner.run(plan, emit, sleep, ask=ask, lang=context.lang)
    if exercise.kind == "urge" and not outcome.passed:
        emit(t("exercises.urge_still_here"))
    if after is None and person:
        try:
            after = _ask_rating(t(questions[1]))
        except KeyboardInterrupt:  # the run is stored all the same
            after = None
    details = {"mode": "plain"}
    if exercise.kind == "breathing":
        details["cycles"] = plan.rounds
    if exercise.kind == "urge":
        details["urge_passed"] = outcome.passed
    record = Sessions(context).record(
        exercise_id=exercise.id,
        kind=exercise.kind,
        started_at=started,
        duration_s=outcome.duration_s,
        completed=outcome.completed,
        rating_before=before,
        rating_after=after,
        **details,
    )
    if as_json:
        emit_json(record)
    if not outcome.completed:
        raise typer.Exit(130)


def _questions(kind: str) -> tuple[str, str]:
    if kind == "urge":
        return "exercises.rate.urge_before", "exercises.rate.urge_after"
    return "exercises.rate.before", "exercises.rate.after"
