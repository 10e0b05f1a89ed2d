from textual.content import Content

from coach.tui.markup import escape


def test_user_text_with_brackets_survives_markup() -> None:
    words = "I named my cat [Miso], [b]bold?[/b] [link=x] and [1,2] [/]"
    rendered = Content.from_markup(f"[b]Note:[/b] {escape(words)}").plain
    assert rendered == f"Note: {words}"
