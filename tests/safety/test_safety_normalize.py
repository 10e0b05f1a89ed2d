"""The normaliser: one plain form for slang, typos, accents and emphasis."""

from __future__ import annotations

import pytest

from coach.safety.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("I want to diiiiie", "i want to die"),
        ("killlllll myself", "kill myself"),
        ("kms", "kill myself"),
        ("wanna unalive myself", "want to kill myself"),
        ("su1c1de", "suicide"),
        ("I can't promise I won't", "i can not promise i will not"),
        ("self-harm", "self harm"),
        ("sh*t day", "sht day"),
        ("Jveux mourir", "je veux mourir"),
        ("J’veux mourir", "je veux mourir"),
        ("chui à bout", "je suis a bout"),
        ("jsuis fatiguée", "je suis fatiguee"),
        ("J'en peux plus", "je en peux plus"),
        ("me foutre en l'air", "me foutre en le air"),
        ("Je ne suis pas sûr de pouvoir m'empêcher", "je ne suis pas sur de pouvoir me empecher"),
        ("quelqu'un", "quelqu un"),
        ("MOURRIR", "mourir"),
        ("de plus en plus", "increasingly"),
        # one typo in a long key word is forgiven...
        ("im going to overdsoe", "i am going to overdose"),
        ("je veux me sucider", "je veux me suicider"),
        ("je vais me scarfier", "je vais me scarifier"),
        ("kill myslef", "kill myself"),
        # ...but an everyday neighbour or an inflection is left alone
        ("je veux courir", "je veux courir"),
        ("les suicides", "les suicides"),
        ("idées suicidaires", "idees suicidaires"),
    ],
)
def test_normalize(raw: str, plain: str) -> None:
    assert normalize(raw) == plain


def test_numbers_and_doses_are_kept() -> None:
    assert normalize("Take 200mg twice a day") == "take 200mg twice a day"
    assert normalize("j'ai pris 30 cachets") == "je ai pris 30 cachets"
