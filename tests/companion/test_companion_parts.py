"""The companion's parts that need no model: threads, prompt, markers, memory, logs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coach.companion import memory, prompt, threads
from coach.context import Context

HT_CPUINFO = "\n".join(
    f"processor\t: {i}\nphysical id\t: 0\ncore id\t\t: {i % 4}\n" for i in range(8)
)


def test_threads_use_physical_cores_and_keep_one_for_the_ui(monkeypatch):
    monkeypatch.setattr(threads, "usable_cpus", lambda: 8)
    assert threads.physical_cores(HT_CPUINFO) == 4  # 8 hyperthreads on 4 cores
    assert threads.choose(cores=4) == threads.Threads(generation=3, batch=4)
    assert threads.choose(cores=4, ui=False) == threads.Threads(generation=4, batch=4)
    assert threads.choose(cores=1) == threads.Threads(generation=1, batch=1)
    assert threads.choose(configured=2, cores=4) == threads.Threads(generation=2, batch=2)
    monkeypatch.setattr(threads, "usable_cpus", lambda: 2)  # an affinity mask of 2 CPUs
    assert threads.physical_cores(HT_CPUINFO) == 1


def test_the_config_overrides_threads(context):
    from coach.companion.backends import threads_for

    config = context.config.with_overrides(**{"companion.threads": "3"})
    assert threads_for(Context(context.paths, config)).generation == 3


def test_system_prompt_is_brief_honest_and_in_the_users_language():
    for lang, words in (
        ("en", ("AI", "can be wrong", "Never diagnose")),
        ("fr", ("IA", "tromper")),
    ):
        text = prompt.system_prompt(lang, [("box", "Box")])
        assert all(w in text for w in words) and "[exercise:box]" in text
        assert len(text.split()) < 160
    assert "français" in prompt.system_prompt("fr") and "vouvoyant" in prompt.system_prompt("fr")


def test_exercise_markers_are_parsed_and_hidden():
    reply = "Try this. [exercise:box] Or [ Exercise : 478 ] and [exercise:nope] [exercise:box]"
    assert prompt.suggested_exercises(reply, ["box", "478"]) == ["box", "478"]
    assert prompt.suggested_exercises(reply) == ["box", "478", "nope"]
    assert "[" not in prompt.strip_markers(reply)


def test_the_user_context_needs_consent(context):
    from coach.safety import plan

    now = context.now()
    moods = context.store.collection("checkins")
    moods.insert({"at": (now - timedelta(days=1)).isoformat(), "mood": 3})
    moods.insert({"at": (now - timedelta(days=40)).isoformat(), "mood": 9})  # too old
    plan.add(context, "on_my_own", "a walk by the river")
    assert prompt.user_context(context) == ""  # no consent, nothing shared
    shared = Context(
        context.paths, context.config.with_overrides(**{"companion.share_context": "true"})
    )
    text = prompt.user_context(shared)
    assert "3/10" in text and "9/10" not in text and "a walk by the river" in text
    assert "a walk by the river" in prompt.build_system(shared)


def _count(messages):
    return sum(len(m["content"].split()) + 4 for m in messages)


def test_fit_drops_the_oldest_turns_and_keeps_the_system_prompt_first():
    history = []
    for i in range(40):
        history += [{"role": "user", "content": f"u{i} " + "w " * 30},
                    {"role": "assistant", "content": f"a{i} " + "w " * 30}]  # fmt: skip
    messages, start = memory.fit("SYSTEM", history, "now", _count, n_ctx=1400, reply_room=400)
    assert messages[0] == {"role": "system", "content": "SYSTEM"}
    assert messages[1]["role"] == "user" and messages[-1]["content"] == "now"
    assert _count(messages) <= 500 and start % 2 == 0 and start > 0
    # While it fits, the next turn starts from the same place: the prefix is unchanged.
    more = [*history, {"role": "user", "content": "now"}, {"role": "assistant", "content": "ok"}]
    again, start2 = memory.fit("SYSTEM", more, "next", _count, 1400, start, 400)
    assert start2 == start and again[:-3] == messages[:-1]


def test_conversations_are_stored_by_year_and_crisis_turns_kept_apart(context):
    clock = [datetime(2025, 12, 31, 23, 50, tzinfo=UTC)]
    ctx = Context(context.paths, context.config, clock=lambda: clock[0])
    store = memory.ConversationStore(ctx)
    old = store.new("m")
    store.add_turn(old, "user", "end of year")
    clock[0] = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
    new = store.new("m")
    store.add_turn(new, "user", "I want to die", crisis=True)
    store.add_turn(new, "user", "new year")
    store.add_turn(new, "assistant", "Hello", withheld=False)
    assert ctx.store.years("chat") == [2025, 2026]
    listed = store.list()
    assert [c.title for c in listed] == ["new year", "end of year"]
    assert listed[0].history() == [
        {"role": "user", "content": "new year"},
        {"role": "assistant", "content": "Hello"},
    ]
    assert store.get(2025, old.id).turns[0]["content"] == "end of year"


@pytest.mark.model
def test_llama_log_goes_to_logging_not_the_terminal(default_model, tmp_path, caplog, capfd):
    import logging

    from coach.companion.runtime import LocalRuntime

    with caplog.at_level(logging.DEBUG, logger="coach.llama"):
        rt = LocalRuntime(default_model, "m", threads.choose(), 1024, cache_dir=tmp_path)
        rt.load()
        rt.close()
    assert any("llama" in r.getMessage() for r in caplog.records if r.name == "coach.llama")
    out, err = capfd.readouterr()
    assert "llama_" not in out and "llama_" not in err
