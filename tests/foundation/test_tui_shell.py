"""The TUI frame: home, help, palette, theme, SOS key, quitting."""

from __future__ import annotations

from coach.tui.app import CoachApp
from coach.tui.screens.help import HelpScreen
from coach.tui.screens.home import HomeScreen


async def test_home_lists_every_built_area(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#areas")
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == [a.id for a in app.areas if not a.hidden]


async def test_help_opens_and_closes(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Crisis help, from any screen" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_help_is_in_french(context_fr) -> None:
    app = CoachApp(context_fr)
    async with app.run_test() as pilot:
        await pilot.press("f2")
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Aide urgente, depuis n'importe quel écran" in text
        assert app._bindings.key_to_bindings["f1"][0].description == "Aide urgente"


async def test_theme_toggles(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        before = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != before


async def test_light_theme_from_config(coach_home) -> None:
    from coach.config import save_value
    from coach.context import Context
    from coach.paths import resolve

    save_value(resolve(), "theme", "light")
    app = CoachApp(Context.load(lang="en"))
    async with app.run_test():
        assert app.theme == "textual-light"


async def test_reduced_motion_turns_animation_off(coach_home, monkeypatch) -> None:
    from coach.context import Context

    monkeypatch.setenv("COACH_REDUCED_MOTION", "1")
    app = CoachApp(Context.load(lang="en"))
    async with app.run_test():
        assert app.animation_level == "none"


async def test_f1_opens_sos_from_home_and_from_help(context) -> None:
    from coach.tui.screens.sos import SosScreen

    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, SosScreen)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.press("f1")
        assert isinstance(app.screen, SosScreen)


async def test_palette_lists_translated_commands(context_fr) -> None:
    app = CoachApp(context_fr)
    async with app.run_test():
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Aide urgente" in titles and "Quitter" in titles


async def test_ctrl_q_quits(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)
