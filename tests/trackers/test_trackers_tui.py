"""Pilot tests of the trackers screen, its forms, and the harm-reduction screen."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import OptionList, RadioButton, RadioSet, Static

from coach.trackers.service import TrackerService
from coach.tui.app import CoachApp
from coach.tui.screens.harm import HarmScreen
from coach.tui.screens.tracker_add import TrackerAddModal
from coach.tui.screens.tracker_entry import TrackerEntryModal
from coach.tui.screens.tracker_triggers import TrackerTriggersScreen
from coach.tui.screens.trackers import TrackersScreen

SIZE = (110, 44)


def _seed(context, name="alcohol", days=8, **options):
    service = TrackerService(context)
    since = datetime.now().astimezone() - timedelta(days=days, hours=1)
    service.add(name, since=since, **options)
    return service


def _text(widget) -> str:
    return str(widget.render())


async def _open(app, pilot):
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, TrackersScreen)
    return app.screen


async def test_home_lists_trackers_with_a_glance_and_t_opens_them(context):
    _seed(context, days=8)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        glance = _text(app.screen.query_one("#glance", Static))
        assert "alcohol: 8 days" in glance
        screen = await _open(app, pilot)
        assert screen.query_one("#trackers-empty").display is False


async def test_each_tracker_shows_its_counter_and_next_milestone(context):
    _seed(context, "alcohol", days=8, cost_per_day=10.0)
    _seed(context, "betting", days=1, kind="gambling")
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        options = screen.query_one("#trackers-list", OptionList)
        assert options.option_count == 2
        first = str(options.get_option_at_index(0).prompt)
        second = str(options.get_option_at_index(1).prompt)
        assert "8 days" in first and "Next milestone: 2 weeks" in first
        assert "1 day, 1 hour" in second and "Next milestone: 3 days" in second
        detail = _text(screen.query_one("#trackers-detail", Static))
        assert "Longest streak: 8 days" in detail and "Money saved: 80" in detail
        await pilot.press("down")
        detail = _text(screen.query_one("#trackers-detail", Static))
        assert "Longest streak: 1 day" in detail


async def test_new_milestones_are_celebrated_once(context):
    _seed(context, days=3)
    service = TrackerService(context)
    service.status()  # what add already reached is celebrated there
    service.store.collection("trackers", "trackers").update(1, {"celebrated": []})
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("★ 3 days" in m for m in messages)
        app._notifications.clear()
        await pilot.press("escape")
        await _open(app, pilot)
        assert not any("★" in n.message for n in app._notifications)


async def test_empty_screen_invites_to_start_and_n_adds_a_tracker(context):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        assert screen.query_one("#trackers-empty").display is True
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TrackerAddModal)
        await pilot.press(*"gambling")
        assert str(app.screen.query_one("#kind").value) == "gambling"
        app.screen.query_one("#cost").value = "20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        tracker = TrackerService(context).find("gambling")
        assert (tracker.kind, tracker.cost_per_day) == ("gambling", 20.0)
        assert screen.query_one("#trackers-list", OptionList).option_count == 1


async def test_a_bad_value_in_the_form_is_shown_and_nothing_is_stored(context):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#name").value = "alcohol"
        app.screen.query_one("#since").value = "2999-01-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerAddModal)
        assert "future" in _text(app.screen.query_one("#error", Static))
        assert TrackerService(context).trackers() == []


async def test_a_slip_from_the_screen_is_a_new_start_that_keeps_progress(context):
    _seed(context, days=8)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerEntryModal)
        assert "does not erase" in _text(app.screen.query_one(".form-intro", Static))
        await pilot.press(*"stress")
        app.screen.query_one("#urge").value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert any("A new start" in n.message for n in app._notifications)
        status = TrackerService(context).summaries()[0]
        assert (status.days, status.longest_days, status.slips) == (0, 8, 1)
        slip = TrackerService(context).events()[0]
        assert (slip.trigger, slip.urge) == ("stress", 7)


async def test_an_urge_out_of_range_stays_in_the_form(context):
    _seed(context, days=2)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#urge").value = "11"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerEntryModal)
        assert "0 to 10" in _text(app.screen.query_one("#error", Static))
        assert TrackerService(context).events() == []


async def test_a_crisis_in_a_slip_note_opens_sos_and_the_slip_is_kept(context):
    from coach.tui.screens.sos import SosScreen

    _seed(context, days=5)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#note").value = "I want to kill myself"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        event = TrackerService(context).events()[0]
        assert (event.type, event.safety) == ("slip", "crisis")


async def test_pledge_and_review_from_the_screen(context):
    _seed(context, days=2)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#note").value = "for me"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no rating chosen yet: the form asks for one
        await pilot.pause()
        assert "Choose how hard" in _text(app.screen.query_one("#error", Static))
        radio = app.screen.query_one("#rating", RadioSet)
        radio.query(RadioButton)[3].value = True  # 4 · hard
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        events = TrackerService(context).events()
        assert [(e.type, e.note, e.rating) for e in events] == [
            ("pledge", "for me", None),
            ("review", "", 4),
        ]
        assert "Morning pledge: made today" in _text(screen.query_one("#trackers-detail"))


async def test_h_opens_the_cards_for_the_tracker_kind_and_t_the_triggers(context):
    _seed(context, "self-harm", days=2)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HarmScreen) and app.screen.topic == "self-harm"
        body = _text(app.screen.query_one("#harm-body", Static))
        assert "Looking after a wound" in body and "nhs.uk" in body
        await pilot.press("up")
        await pilot.pause()
        assert app.screen.topic == "alcohol"
        await pilot.press("escape")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrackerTriggersScreen)
        assert "Nothing noted yet" in _text(app.screen.query_one("#triggers-body", Static))


async def test_delete_asks_first(context):
    _seed(context, days=2)
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # the focused button is Cancel
        await pilot.pause()
        assert TrackerService(context).trackers() != []
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#remove")
        await pilot.pause()
        assert app.screen is screen
        assert TrackerService(context).trackers() == []
        assert screen.query_one("#trackers-empty").display is True


async def test_the_screen_in_french(context_fr):
    _seed(context_fr, "alcool", days=8)
    app = CoachApp(context_fr)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        first = str(screen.query_one("#trackers-list", OptionList).get_option_at_index(0).prompt)
        assert "8 jours" in first and "Prochaine étape : 2 semaines" in first


async def test_the_counter_moves_while_the_screen_is_open(context, clock):
    clock.set(2026, 1, 1, 20, 0)
    TrackerService(context).add("alcohol")
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        options = screen.query_one("#trackers-list", OptionList)
        assert "0 days, 0 hours" in str(options.get_option_at_index(0).prompt)
        clock.set(2026, 1, 2, 21, 0)
        screen._tick()
        await pilot.pause()
        assert "1 day, 1 hour" in str(options.get_option_at_index(0).prompt)
        assert any("★ 1 day" in n.message for n in app._notifications)
