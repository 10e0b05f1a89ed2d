"""Reading server-sent events the way the servers actually write them."""

from __future__ import annotations

from coach.companion.sse import Event, events


def lines(text: str) -> list[bytes]:
    return [line.encode() for line in text.splitlines(keepends=True)]


def test_data_lines_make_events_and_blank_lines_end_them():
    got = list(events(lines('data: {"a": 1}\n\ndata: [DONE]\n\n')))
    assert got == [Event('{"a": 1}'), Event("[DONE]")]


def test_crlf_no_space_multi_line_and_named_events():
    got = list(events(lines("event: error\r\ndata:one\r\ndata: two\r\n\r\n")))
    assert got == [Event("one\ntwo", "error")]


def test_comments_are_pings_and_ids_are_ignored():
    got = list(events(lines(": ping - 2026-11-28\n\nid: 7\nretry: 100\ndata: x\n\n")))
    assert got == [None, Event("x")]


def test_a_last_event_without_its_blank_line_still_counts():
    assert list(events(lines("data: tail"))) == [Event("tail")]


def test_bad_utf8_does_not_break_the_stream():
    assert list(events([b"data: caf\xe9\n", b"\n"])) == [Event("caf\ufffd")]
