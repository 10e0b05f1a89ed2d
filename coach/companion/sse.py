"""Server-sent events, read line by line (the WHATWG format, the part servers use).

An event is its `data:` lines joined by newlines, sent when a blank line
comes; `event:` names it; a line starting with `:` is a comment (servers send
`: ping` to keep a quiet connection open). Some servers forget the blank line
after the last event, so whatever is pending at the end is sent too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

INVALID = "invalid"  # the `event` of a line that is not server-sent events at all
_FIELDS = {"data", "event", "id", "retry"}


@dataclass(frozen=True)
class Event:
    data: str
    event: str = "message"


def events(lines: Iterable[bytes]) -> Iterator[Event | None]:
    """Events from raw lines. Yields None for a comment (a ping): proof the server lives,
    and an `INVALID` event for a line that is no SSE field at all."""
    data: list[str] = []
    name = ""
    for raw in lines:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            if data:
                yield Event("\n".join(data), name or "message")
            data, name = [], ""
            continue
        if line.startswith(":"):
            yield None
            continue
        field, sep, value = line.partition(":")
        if field not in _FIELDS:
            # The format says to ignore it; here it means the server speaks something else
            # (an HTML page, a proxy's message), which the caller reports.
            yield Event(line, INVALID)
            continue
        if sep and value.startswith(" "):
            value = value[1:]
        if field == "data":
            data.append(value)
        elif field == "event":
            name = value
        # `id:` and `retry:` are for browsers that reconnect; a reply is never resumed.
    if data:
        yield Event("\n".join(data), name or "message")
