"""Insights on fixture data with a fixed clock: windows, calendar, streaks, what helps, signals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from checkins_data import FIXED, checkin, seed, session

from coach.services import insights
from coach.services.charts import number, sparkline
from coach.services.insights import slope, streaks


def test_slope_by_hand():
    assert slope([(0, 1), (1, 2), (2, 3)]) == pytest.approx(1.0)
    assert slope([(0, 5), (1, 5), (2, 5)]) == pytest.approx(0.0)
    # x: 0,1,2,3 (mean 1.5), y: 8,6,6,4 (mean 6): sum dx*dy = -6, sum dx^2 = 5
    assert slope([(0, 8), (1, 6), (2, 6), (3, 4)]) == pytest.approx(-1.2)
    assert slope([(1, 3)]) is None and slope([(2, 3), (2, 4)]) is None


def test_sparkline_scale_and_gaps():
    assert sparkline([1, None, 10]) == "▁·█"
    assert sparkline([5.5]) == "▅"  # halfway: bar 4 of 0-7, rounded
    assert sparkline([0, 12]) == "▁█"  # clamped


def test_streaks():
    today = date(2026, 11, 28)
    days = {today - timedelta(days=i) for i in (0, 1, 2, 5, 6, 7, 8)}
    assert streaks(days, today) == (3, 4)
    # Today not done yet: yesterday's run still counts.
    assert streaks({today - timedelta(days=i) for i in (1, 2)}, today) == (2, 2)
    assert streaks({today - timedelta(days=3)}, today) == (0, 1)
    assert streaks(set(), today) == (0, 0)


def test_compute_on_fixture_data(fixed):
    seed(fixed)
    data = insights.compute(fixed)
    week, month, quarter = data.windows
    assert (week.days, month.days, quarter.days) == (7, 30, 90)
    # Hand-computed from the fixture: the last 7 days are 5, 4, 4, 4, 3, 3, 3.
    assert week.series == [5.0, 4.0, 4.0, 4.0, 3.0, 3.0, 3.0]
    assert week.average == pytest.approx(3.71, abs=0.01) and week.count == 7
    assert len(quarter.series) == 90 and quarter.series.count(None) == 10
    # Missed days are 24, 31, 38... days ago: the current run is days 0 to 23.
    assert data.streak_current == 24 and data.streak_longest == 24
    assert len(data.calendar) == 80 and data.calendar["2026-11-28"] == 3.0
    by_id = {e.exercise_id: e for e in data.exercises}
    assert by_id["box"].average_change == 3.0 and by_id["box"].rated == 12
    assert by_id["grounding-54321"].average_change == 1.0 and by_id["grounding-54321"].sessions == 5
    assert by_id["body-scan"].average_change is None and by_id["body-scan"].rated == 0
    # An urge falling from 8 to 3 is the exercise helping: it ranks first.
    assert data.exercises[0].exercise_id == "urge-surfing" and data.exercises[0].improvement == 5.0
    assert data.exercises[-1].exercise_id == "body-scan"
    assert data.signal.mood_falling and data.signal.mood_slope == pytest.approx(-0.33, abs=0.01)
    assert [(r.previous, r.latest) for r in data.signal.rising] == [(4, 11)]
    assert data.signal.active
    assert [s["total"] for s in data.screenings] == [11]


def test_no_signal_on_a_steady_mood(fixed):
    store = fixed.store
    store.collection("checkins").insert_many(
        [checkin(FIXED - timedelta(days=i), 6 + i % 2) for i in range(14)]
    )
    data = insights.compute(fixed)
    assert not data.signal.mood_falling and not data.signal.active
    assert data.signal.mood_slope is not None and abs(data.signal.mood_slope) < 0.1


def test_too_few_days_is_not_a_trend(fixed):
    fixed.store.collection("checkins").insert_many(
        [checkin(FIXED - timedelta(days=i), 9 - 2 * i) for i in range(4)]
    )
    data = insights.compute(fixed)
    assert data.signal.mood_slope is None and not data.signal.active


def test_an_old_rise_is_not_an_early_signal(fixed):
    fixed.store.collection("screenings").insert_many(
        [
            {"at": (FIXED - timedelta(days=90)).isoformat(), "questionnaire": "gad7",
             "total": 3, "band": "minimal"},
            {"at": (FIXED - timedelta(days=60)).isoformat(), "questionnaire": "gad7",
             "total": 12, "band": "moderate"},
        ]
    )  # fmt: skip
    assert insights.compute(fixed).signal.rising == []


def test_a_band_rise_to_ten_is_a_signal_even_under_five_points(fixed):
    fixed.store.collection("screenings").insert_many(
        [
            {"at": (FIXED - timedelta(days=20)).isoformat(), "questionnaire": "gad7",
             "total": 8, "band": "mild"},
            {"at": (FIXED - timedelta(days=1)).isoformat(), "questionnaire": "gad7",
             "total": 10, "band": "moderate"},
        ]
    )  # fmt: skip
    assert [r.questionnaire for r in insights.compute(fixed).signal.rising] == ["gad7"]


def test_empty_store(fixed):
    data = insights.compute(fixed)
    assert data.checkins == 0 and data.exercises == [] and not data.signal.active
    assert all(w.average is None for w in data.windows)
    assert data.to_dict()["streak"] == {"current": 0, "longest": 0}


def test_local_days_follow_the_persons_zone(fixed):
    # 23:30 UTC on the 27th is 00:30 on the 28th at UTC+1: it belongs to the 28th.
    fixed.store.collection("checkins").insert(checkin(FIXED.replace(day=27, hour=23, minute=30,
        tzinfo=__import__("datetime").timezone.utc), 5))  # fmt: skip
    assert list(insights.compute(fixed).calendar) == ["2026-11-28"]


def test_exercise_sessions_with_missing_ratings(fixed):
    fixed.store.collection("sessions").insert_many(
        [session(FIXED, "box", 3, None), session(FIXED, "box", 3, 5)]
    )
    (effect,) = insights.compute(fixed).exercises
    assert (effect.sessions, effect.rated, effect.average_change) == (2, 1, 2.0)


def test_numbers_as_each_language_writes_them():
    assert number(3.71, 1, "en") == "3.7" and number(3.71, 1, "fr") == "3,7"
    assert number(-0.333, 2, "fr", sign=True) == "-0,33" and number(3, 1, "en", sign=True) == "+3.0"


def test_calendar_rows_mark_days_by_mood():
    from coach.services.charts import calendar_rows

    today = date(2026, 11, 28)  # a Saturday
    rows = calendar_rows({"2026-11-28": 10.0, "2026-11-22": 1.0}, today, weeks=2)
    assert rows[5] == "Sa · █"  # last Saturday: none; today: the top bar
    assert rows[0] == "Mo · ·" and rows[6] == "Su ▁  "  # Sunday the 22nd; tomorrow is blank
