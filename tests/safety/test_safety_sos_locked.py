"""The SOS view when the plan cannot be shown: never "you have no plan" when there is one.

Four states, each said plainly, the crisis lines first in every one: the plan
shown, no plan yet, a plan kept encrypted in a process that is not unlocked,
and a plan whose file cannot be read.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from coach.context import Context
from coach.i18n import t
from coach.safety import plan
from coach.store import crypto
from coach.tui.app import CoachApp
from coach.tui.screens.sos import SosScreen

PASS = "correct horse battery staple"
REASON = "My cat Miso"
LOCKED = {"var": "COACH_PASSPHRASE", "file_var": "COACH_PASSPHRASE_FILE"}


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at 2**14 keeps these tests quick (the cost is read from each file's header)."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)
    monkeypatch.delenv("COACH_PASSPHRASE_FILE", raising=False)
    monkeypatch.setenv("COACH_COUNTRY", "FR")


@pytest.fixture
def locked_plan(cli, monkeypatch) -> None:
    """A plan written, the store encrypted, and no passphrase in this process any more."""
    assert cli("plan", "edit", "--add", "reasons", REASON).code == 0
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")


def _damage_the_plan() -> None:
    context = Context.load(lang="en")
    plan.add(context, "reasons", REASON)
    file = context.store.file_for(plan.CONCERN)
    file.write_bytes(b'{"records": {"1": {"steps": ')  # cut short mid-write


def _lines_first(out: str, note: str) -> None:
    """The crisis lines are all there, and before whatever is said about the plan."""
    assert note in out
    for number in ("3114", "15", "112"):
        assert number in out and out.index(number) < out.index(note)


# ---------------------------------------------------------------- coach sos, locked


def test_sos_on_a_locked_store_says_the_plan_is_encrypted(cli, locked_plan) -> None:
    r = cli("sos")
    assert r.code == 0, r
    note = t("safety.plan_locked", "en", **LOCKED)
    assert note in r.out
    assert "COACH_PASSPHRASE" in note and "coach plan show" in note
    assert t("safety.plan_none", "en") not in r.out
    assert REASON not in r.out
    assert "Traceback" not in r.out + r.err
    _lines_first(r.out, note)


def test_sos_on_a_locked_store_in_french(cli, locked_plan) -> None:
    r = cli("--lang", "fr", "sos")
    assert r.code == 0, r
    note = t("safety.plan_locked", "fr", **LOCKED)
    assert note in r.out and "chiffré" in note
    assert t("safety.plan_none", "fr") not in r.out
    assert "3114" in r.out and r.out.index("3114") < r.out.index(note)


def test_sos_json_on_a_locked_store(cli, locked_plan) -> None:
    data = cli("sos", "--json").json()
    assert data["plan_state"] == "locked"
    assert data["plan"] is None
    assert data["emergency"] and data["lines"]


def test_sos_with_the_passphrase_shows_the_encrypted_plan(cli, locked_plan, monkeypatch) -> None:
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    r = cli("sos")
    assert REASON in r.out and t("safety.plan_locked", "en", **LOCKED) not in r.out
    data = cli("sos", "--json").json()
    assert data["plan_state"] == "ok" and data["plan"]["steps"]["reasons"] == [REASON]


def test_an_encrypted_store_without_a_plan_says_there_is_none(cli, monkeypatch) -> None:
    assert cli("checkin", "--mood", "5").code == 0  # some data, but no plan
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")
    r = cli("sos")
    assert t("safety.plan_none", "en") in r.out
    assert cli("sos", "--json").json()["plan_state"] == "none"


# ---------------------------------------------------------------- coach sos, other states


def test_sos_json_states_without_encryption(cli) -> None:
    assert cli("sos", "--json").json()["plan_state"] == "none"
    cli("plan", "edit", "--add", "reasons", REASON)
    data = cli("sos", "--json").json()
    assert data["plan_state"] == "ok" and data["plan"]["steps"]["reasons"] == [REASON]


def test_sos_with_a_damaged_plan_says_it_could_not_be_read(cli) -> None:
    _damage_the_plan()
    r = cli("sos")
    assert r.code == 0, r
    note = t("safety.plan_unreadable", "en")
    assert note in r.out
    assert t("safety.plan_none", "en") not in r.out
    assert "Traceback" not in r.out + r.err
    _lines_first(r.out, note)
    data = cli("sos", "--json").json()
    assert data["plan_state"] == "unreadable" and data["plan"] is None
    fr = cli("--lang", "fr", "sos")
    assert t("safety.plan_unreadable", "fr") in fr.out


def test_sos_with_a_damaged_encrypted_plan(cli, locked_plan, monkeypatch) -> None:
    live = Context.load().paths.store / f"{plan.CONCERN}.json"
    live.write_bytes(live.read_bytes()[:-20])
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    r = cli("sos")
    assert r.code == 0, r
    assert t("safety.plan_unreadable", "en") in r.out and "3114" in r.out
    assert cli("sos", "--json").json()["plan_state"] == "unreadable"


def test_the_crisis_block_of_the_shell_says_locked_too(cli, locked_plan) -> None:
    from coach.cli.safety_gate import crisis_block

    context = Context.load(lang="en")
    context.allow_prompt = False
    block = crisis_block(context)
    assert t("safety.plan_locked", "en", **LOCKED) in block
    assert t("safety.plan_none", "en") not in block and "3114" in block


# ---------------------------------------------------------------- the SOS screen


def _sos_text(app: CoachApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def _open_sos(context: Context) -> str:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        return _sos_text(app)


async def test_sos_screen_on_a_locked_store(locked_plan) -> None:
    context = Context.load(lang="en")
    context.allow_prompt = False  # as in the TUI: no prompt once it owns the terminal
    text = await _open_sos(context)
    note = t("safety.plan_locked", "en", **LOCKED)
    assert note in text
    assert t("sos.plan_none", "en") not in text
    assert REASON not in text
    _lines_first(text, note)


async def test_sos_screen_on_a_locked_store_in_french(locked_plan) -> None:
    context = Context.load(lang="fr")
    context.allow_prompt = False
    text = await _open_sos(context)
    assert t("safety.plan_locked", "fr", **LOCKED) in text
    assert t("sos.plan_none", "fr") not in text


async def test_sos_screen_with_a_damaged_plan() -> None:
    _damage_the_plan()
    text = await _open_sos(Context.load(lang="en"))
    note = t("safety.plan_unreadable", "en")
    assert note in text
    assert t("sos.plan_none", "en") not in text
    _lines_first(text, note)
