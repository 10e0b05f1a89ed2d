"""PHQ-9 and GAD-7 scoring against hand-computed cases: every band edge and the item-9 path."""

from __future__ import annotations

import pytest

from coach.errors import CoachError
from coach.services import screenings
from coach.services.screenings import get, parse_answers, score

PHQ9_CASES = [
    # answers, total, band (hand-summed; item 9 kept at 0)
    ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
    ([1, 1, 1, 1, 2, 1, 1, 1, 0], 9, "mild"),
    ([2, 2, 2, 2, 2, 0, 0, 0, 0], 10, "moderate"),
    ([2, 2, 2, 2, 2, 2, 1, 1, 0], 14, "moderate"),
    ([2, 2, 2, 2, 2, 2, 1, 2, 0], 15, "moderately_severe"),
    ([3, 3, 3, 2, 2, 2, 2, 2, 0], 19, "moderately_severe"),
    ([3, 3, 3, 3, 2, 2, 2, 2, 0], 20, "severe"),
    ([3, 3, 3, 3, 3, 3, 3, 3, 0], 24, "severe"),
]

GAD7_CASES = [
    ([0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
    ([2, 2, 2, 1, 1, 1, 0], 9, "mild"),
    ([2, 2, 2, 2, 1, 1, 0], 10, "moderate"),
    ([3, 3, 2, 2, 2, 2, 0], 14, "moderate"),
    ([3, 3, 3, 2, 2, 2, 0], 15, "severe"),
    ([3, 3, 3, 3, 3, 3, 3], 21, "severe"),
]


@pytest.mark.parametrize(("answers", "total", "band"), PHQ9_CASES)
def test_phq9_totals_and_bands(answers, total, band):
    result = score(get("phq9"), answers)
    assert (result.total, result.band) == (total, band)
    assert result.safety_followup is False
    assert result.suggest_professional is (total >= 10)


@pytest.mark.parametrize(("answers", "total", "band"), GAD7_CASES)
def test_gad7_totals_and_bands(answers, total, band):
    result = score(get("gad7"), answers)
    assert (result.total, result.band) == (total, band)
    assert result.safety_followup is False
    assert result.suggest_professional is (total >= 10)


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0, 0, 0, 0, 0, 0, 0, 0, 1], 1, "minimal"),
        ([0, 0, 0, 0, 0, 0, 0, 0, 3], 3, "minimal"),
        ([2, 2, 2, 0, 0, 0, 0, 0, 1], 7, "mild"),
        ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"),
    ],
)
def test_phq9_item9_sets_the_safety_followup_whatever_the_total(answers, total, band):
    result = score(get("phq9"), answers)
    assert (result.total, result.band, result.safety_followup) == (total, band, True)


def test_gad7_has_no_safety_item():
    assert score(get("gad7"), [3] * 7).safety_followup is False


def test_professional_suggested_from_ten_exactly():
    assert score(get("phq9"), [1, 1, 1, 1, 1, 1, 1, 2, 0]).suggest_professional is False
    assert score(get("phq9"), [1, 1, 1, 1, 1, 1, 2, 2, 0]).suggest_professional is True


@pytest.mark.parametrize(
    "raw",
    [
        "1,0,2",
        "1,0,2,0,0,0,0,0,0,0",
        "4,0,0,0,0,0,0,0,0",
        "-1,0,0,0,0,0,0,0,0",
        "a,0,0,0,0,0,0,0,0",
        "",
        "1,,0,0,0,0,0,0,0",
        "1.5,0,0,0,0,0,0,0,0",
    ],
)
def test_bad_answers_are_refused(raw):
    with pytest.raises(CoachError):
        parse_answers(get("phq9"), raw)


def test_score_refuses_values_outside_the_scale():
    with pytest.raises(CoachError):
        score(get("gad7"), [0, 0, 0, 0, 0, 0, 4])
    with pytest.raises(CoachError):
        score(get("gad7"), [0, 0, 0, 0, 0, 0, True])


def test_answers_accept_spaces():
    assert parse_answers(get("gad7"), " 1, 2 ,3,0,0,0,1") == [1, 2, 3, 0, 0, 0, 1]


def test_instruments_carry_both_languages_and_the_attribution():
    for q in screenings.questionnaires().values():
        assert all(set(item) == {"en", "fr"} for item in q.items)
        assert "Pfizer" in q.attribution["en"] and "Pfizer" in q.attribution["fr"]
        assert q.bands[0].low == 0 and q.bands[-1].high == q.max_total
        # Bands cover every total once.
        covered = [n for b in q.bands for n in range(b.low, b.high + 1)]
        assert covered == list(range(q.max_total + 1))
    assert len(get("phq9").items) == 9 and len(get("gad7").items) == 7
    assert list(screenings.questionnaires()) == ["phq9", "gad7"]


def test_take_stores_the_result(fixed):
    record = screenings.take(fixed, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 2])
    assert record["id"] == 1 and record["safety_followup"] is True
    assert record["at"] == "2026-11-28T15:30:00+01:00"
    assert screenings.all_results(fixed)[0]["total"] == 2
