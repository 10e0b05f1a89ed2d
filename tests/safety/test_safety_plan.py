"""The safety plan service: seven parts, stored in the `plan` concern."""

from __future__ import annotations

from datetime import UTC

import pytest

from coach.errors import CoachError
from coach.safety import plan


def test_an_empty_plan(context) -> None:
    current = plan.load(context)
    assert current.is_empty()
    assert list(current.to_dict()["steps"]) == list(plan.STEPS)
    assert len(plan.STEPS) == 7


def test_add_set_remove_and_persist(context) -> None:
    plan.add(context, "1", "Not sleeping")
    plan.add(context, "warning-signs", "  Skipping   meals ")
    plan.set_items(context, "ask_for_help", ["Sam 06 12 34 56 78", "my sister"])
    plan.remove(context, "4", 1)
    current = plan.load(context)
    assert current.items("warning_signs") == ["Not sleeping", "Skipping meals"]
    assert current.items("ask_for_help") == ["my sister"]
    assert current.updated
    # one record in the `plan` store file
    docs = context.store.collection("plan").all()
    assert len(docs) == 1
    assert context.store.file_for("plan").exists()


def test_save_replaces_the_whole_plan(context) -> None:
    plan.add(context, "reasons", "my cat")
    plan.save(context, {"reasons": ["my kids", ""], "on_my_own": ["a hot shower"]})
    current = plan.load(context)
    assert current.items("reasons") == ["my kids"]
    assert current.items("on_my_own") == ["a hot shower"]


@pytest.mark.parametrize("step", ["0", "8", "nonsense"])
def test_bad_step(context, step: str) -> None:
    with pytest.raises(CoachError):
        plan.add(context, step, "x")


def test_bad_item(context) -> None:
    with pytest.raises(CoachError):
        plan.add(context, "1", "   ")
    with pytest.raises(CoachError):
        plan.remove(context, "1", 3)
    with pytest.raises(CoachError):
        plan.add(context, "1", "x" * (plan.MAX_ITEM + 1))


def test_the_clock_dates_the_change(coach_home) -> None:
    from datetime import datetime

    from coach.context import Context

    fixed = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    ctx = Context.load(lang="en")
    ctx.clock = lambda: fixed
    plan.add(ctx, "1", "tired")
    assert plan.load(ctx).updated == fixed.isoformat()
