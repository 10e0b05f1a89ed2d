"""Pilot tests of the check-in, questionnaire, journal, thought-record and insights screens."""

from __future__ import annotations

from checkins_data import seed
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from coach.tui.app import CoachApp
from coach.tui.screens.checkin import CheckinScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.screening import ScreeningScreen
from coach.tui.screens.sos import SosScreen
from coach.tui.screens.thought_record import ThoughtRecordScreen

SIZE = (100, 50)


def screen_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_home_lists_the_areas_and_a_glance(fixed):
    app = CoachApp(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ids = {a.id for a in app.areas}
        assert {"checkin", "screening", "journal", "thought_record", "insights"} <= ids
        assert "No check-in yet today" in screen_text(app, "#glance")


async def test_checkin_screen_saves_and_shows_todays_mood_on_home(fixed):
    app = CoachApp(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("right", "right", "7")  # arrows, then a digit wins: mood 7
        await pilot.press("tab", "0")  # energy: "0" is 10 on a 1-10 scale
        await pilot.press("tab", "3", "backspace")  # anxiety set, then cleared
        await pilot.press("tab", *"7,5", "tab", *"work, Sport", "tab", *"calm evening")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
        (record,) = fixed.store.collection("checkins").all()
        assert record["mood"] == 7 and record["energy"] == 10 and record["anxiety"] is None
        assert record["sleep_hours"] == 7.5 and record["tags"] == ["work", "sport"]
        assert record["note"] == "calm evening"
        assert record["at"] == "2026-11-28T15:30:00+01:00"
        assert "Today's mood: 7/10" in screen_text(app, "#glance")


async def test_checkin_screen_shows_the_last_week(fixed):
    seed(fixed)
    app = CoachApp(fixed, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen.query_one("#checkin-week")
        assert week.series == [5.0, 4.0, 4.0, 4.0, 3.0, 3.0, 3.0]
        assert "average 3.7" in str(week.render())


async def test_checkin_needs_a_mood_and_a_valid_sleep(fixed):
    app = CoachApp(fixed, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (
            "--mood" in screen_text(app, "#checkin-error")
            or "mood" in screen_text(app, "#checkin-error").lower()
        )
        app.screen.query_one("#sleep", Input).value = "30"
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert "0 to 24" in screen_text(app, "#checkin-error")
        assert isinstance(app.screen, CheckinScreen)
        assert fixed.store.collection("checkins").all() == []


async def test_checkin_crisis_note_opens_sos_and_keeps_the_record(fixed):
    app = CoachApp(fixed, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        app.screen.query_one("#note", Input).value = "I want to kill myself"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        assert fixed.store.collection("checkins").all()[0]["note"] == "I want to kill myself"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (SosScreen, CheckinScreen))  # back home, done


async def answer(pilot, *values: int) -> None:
    for value in values:
        await pilot.press(str(value))
    await pilot.pause()


async def test_questionnaire_screen_scores_and_says_screening(fixed):
    app = CoachApp(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)
        await pilot.press("down", "enter")  # the second: GAD-7
        await pilot.pause()
        assert "Question 1 of 7" in screen_text(app, "#progress")
        assert "Feeling nervous" in screen_text(app, "#question")
        await answer(pilot, 3, 1)
        await pilot.press("backspace")  # back to question 2, answer again
        await pilot.pause()
        assert "Question 2 of 7" in screen_text(app, "#progress")
        assert app.screen.query_one("#options").highlighted == 1  # the answer given before
        await answer(pilot, 2, 2, 1, 1, 1, 0)
        assert "GAD-7: 10/21, moderate." in screen_text(app, "#result-score")
        assert app.screen.query_one("#result-professional").display
        assert not app.screen.query_one("#result-followup").display
        texts = " ".join(str(s.render()) for s in app.screen.query("#result Static"))
        assert "a screening, not a diagnosis" in texts and "Pfizer" in texts
        (record,) = fixed.store.collection("screenings").all()
        assert record["answers"] == [3, 2, 2, 1, 1, 1, 0] and record["total"] == 10


async def test_questionnaire_item9_opens_sos_before_the_score(fixed):
    app = CoachApp(fixed, start="screening", start_options={"questionnaire": "phq9"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, 0, 0, 0, 0, 0, 0, 0, 0)
        assert isinstance(app.screen, ScreeningScreen)
        await answer(pilot, 1)
        assert isinstance(app.screen, SosScreen)  # crisis help first, whatever the total
        (record,) = fixed.store.collection("screenings").all()
        assert record["total"] == 1 and record["safety_followup"] is True
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)
        assert "PHQ-9: 1/27, minimal." in screen_text(app, "#result-score")
        assert app.screen.query_one("#result-followup").display


async def test_questionnaire_in_french(fixed_fr):
    app = CoachApp(fixed_fr, start="screening", start_options={"questionnaire": "phq9"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Peu d'intérêt" in screen_text(app, "#question")
        await answer(pilot, *[0] * 9)
        assert "minimale" in screen_text(app, "#result-score")


async def test_thought_record_screen_saves_the_seven_columns(fixed):
    app = CoachApp(fixed, start="thought_record")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ThoughtRecordScreen)
        await pilot.press(*"Friend did not answer")
        screen.query_one("#moods", Input).value = "hurt 70, anxious 50"
        screen.query_one("#thoughts", TextArea).text = "She is angry with me\nNobody cares"
        await pilot.pause()
        select = screen.query_one("#hot", Select)
        select.value = 1
        screen.query_one("#traps", SelectionList).select("mind_reading")
        screen.query_one("#evidence_for", TextArea).text = "No reply for two days"
        screen.query_one("#evidence_against", TextArea).text = "She is travelling"
        screen.query_one("#balanced", TextArea).text = "She is probably busy"
        screen.query_one("#belief", Input).value = "65"
        screen.query_one("#moods_after", Input).value = "30, 20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ThoughtRecordScreen)
        (rec,) = fixed.store.collection("journal").all()
        assert rec["kind"] == "thought_record" and rec["situation"] == "Friend did not answer"
        assert rec["moods"] == [
            {"name": "hurt", "before": 70, "after": 30},
            {"name": "anxious", "before": 50, "after": 20},
        ]
        assert rec["thoughts"] == [
            {"text": "She is angry with me", "hot": False},
            {"text": "Nobody cares", "hot": True},
        ]
        assert rec["traps"] == ["mind_reading"]
        assert rec["evidence_for"] == "No reply for two days"
        assert rec["evidence_against"] == "She is travelling"
        assert (rec["balanced"], rec["belief"]) == ("She is probably busy", 65)


async def test_thought_record_refuses_an_empty_form_and_bad_ratings(fixed):
    app = CoachApp(fixed, start="thought_record")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "situation" in screen_text(app, "#record-error")
        app.screen.query_one("#situation", TextArea).text = "x"
        app.screen.query_one("#moods", Input).value = "sad 150"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "0 to 100" in screen_text(app, "#record-error")
        assert fixed.store.collection("journal").all() == []


async def test_journal_screen_saves_an_entry_and_lists_it(fixed):
    app = CoachApp(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press(*"Slept well.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (entry,) = fixed.store.collection("journal").all()
        assert entry["text"] == "Slept well."
        assert app.screen.query_one("#entry", TextArea).text == ""
        entries = app.screen.query_one("#entries")
        assert entries.option_count == 1 and "Slept well." in str(
            entries.get_option_at_index(0).prompt
        )
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ThoughtRecordScreen)


async def test_insights_screen_shows_the_signal_with_the_plan_one_key_away(fixed):
    seed(fixed)
    app = CoachApp(fixed, start="insights")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        signal = screen.query_one("#signal")
        text = " ".join(str(s.render()) for s in signal.query(Static))
        assert "drifting down" in text and "from 4 to 11" in text and "safety plan" in text
        assert screen.query_one("#exercises").row_count == 4
        await pilot.press("p")
        await pilot.pause()
        plan = app.area("plan")
        assert isinstance(app.screen, plan.screen if plan else SosScreen)


async def test_insights_glance_on_home(fixed):
    seed(fixed)
    app = CoachApp(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        glance = screen_text(app, "#glance")
        assert "Today's mood: 3/10" in glance and "gentle note" in glance


async def test_insights_report_key_previews_and_saves_a_private_file(fixed, tmp_path):
    import stat

    from textual.widgets import Checkbox

    from coach.tui.screens.report import ReportModal

    seed(fixed)
    target = tmp_path / "for-my-doctor.md"
    app = CoachApp(fixed, start="insights")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("r")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ReportModal)
        assert modal.query_one("#report-path", Input).value.endswith("coach-report-2026-11-28.md")
        modal.query_one("#report-path", Input).value = str(target)
        modal.query_one("#report-notes", Checkbox).value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen)
        text = target.read_text()
        assert text.startswith("# Mood and wellbeing summary") and "## My notes" in text
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_journal_screen_reads_back_a_thought_record(fixed):
    from coach.services import journal

    record = journal.build_thought_record(
        fixed.now(),
        situation="Missed the bus",
        moods=[{"name": "angry", "before": 60, "after": 30}],
        thoughts=[{"text": "Today is ruined", "hot": True}],
        traps_=["catastrophising"],
        balanced="One bus, not the day",
        belief=80,
    )
    journal.save(fixed, record)
    app = CoachApp(fixed, start="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = app.screen.query_one("#entries")
        entries.focus()
        entries.highlighted = 0
        await pilot.pause()
        view = screen_text(app, "#entry-view")
        assert "Missed the bus" in view and "angry 60 → 30" in view
        assert "* Today is ruined" in view and "Catastrophising" in view
        assert "One bus, not the day (80/100)" in view


async def test_checkin_crisis_note_with_a_typo_opens_sos_at_once_and_only_once(fixed):
    app = CoachApp(fixed, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        app.screen.query_one("#sleep", Input).value = "99"
        app.screen.query_one("#note", Input).value = "I want to kill myself"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)  # before the typo is fixed
        assert fixed.store.collection("checkins").all() == []
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#sleep", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, (SosScreen, CheckinScreen))  # saved, not twice SOS
        assert fixed.store.collection("checkins").all()[0]["note"] == "I want to kill myself"


async def test_journal_entry_deleted_only_after_confirming(fixed):
    from coach.services import journal

    for text in ("keep me", "remove me"):
        journal.save(fixed, journal.build_entry(fixed.now(), text))
    app = CoachApp(fixed, start="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = app.screen.query_one("#entries")
        entries.focus()
        entries.highlighted = 0  # newest first: "remove me"
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")  # changed my mind
        await pilot.pause()
        assert len(fixed.store.collection("journal").all()) == 2
        entries.focus()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [e["text"] for e in fixed.store.collection("journal").all()] == ["keep me"]
        assert app.screen.query_one("#entries").option_count == 1


async def test_insights_arriving_after_the_person_left_are_dropped(fixed):
    from coach.services import insights

    seed(fixed)
    app = CoachApp(fixed, start="insights")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        await pilot.press("escape")
        await pilot.pause()
        # What a slow worker would deliver once the screen is gone: dropped, no crash.
        await screen.show(insights.compute(fixed), {})
        assert app.is_running and not isinstance(app.screen, InsightsScreen)
