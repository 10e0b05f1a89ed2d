"""Which harm-reduction topic speaks to each kind of tracker."""

from __future__ import annotations

HARM_TOPIC = {
    "alcohol": "alcohol",
    "substance": "substances",
    "self-harm": "self-harm",
    "gambling": "gambling",
}


def harm_topic(kind: str) -> str | None:
    return HARM_TOPIC.get(kind)
