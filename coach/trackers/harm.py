"""Harm-reduction cards: short, sourced, in English and French, read from data files.

Each card is one TOML file in `harm_reduction/` with an `id`, a `topic`, an
`order`, `title` and `body` tables (`en`, `fr`) and at least one source. A card
that breaks these rules is a packaging bug, so loading fails loudly in tests.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coach.errors import CoachError
from coach.i18n import LANGUAGES, language, pick, t

FOLDER = Path(__file__).resolve().parent / "harm_reduction"
TOPICS = ("substances", "alcohol", "self-harm", "gambling")


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    lang: str


@dataclass(frozen=True)
class Card:
    id: str
    topic: str
    order: int
    title: dict[str, str]
    body: dict[str, str]
    sources: tuple[Source, ...]

    def sources_for(self, lang: str | None = None) -> list[Source]:
        """Sources in the reader's language first, then the others."""
        lang = lang or language()
        return sorted(self.sources, key=lambda s: s.lang != lang)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        lang = lang or language()
        return {
            "id": self.id,
            "topic": self.topic,
            "title": pick(self.title, lang),
            "body": pick(self.body, lang),
            "sources": [
                {"name": s.name, "url": s.url, "lang": s.lang} for s in self.sources_for(lang)
            ],
        }


def _card(path: Path) -> Card:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    for table in ("title", "body"):
        missing = [lang for lang in LANGUAGES if not str(data.get(table, {}).get(lang, "")).strip()]
        if missing:
            raise ValueError(f"{path.name}: {table} lacks {', '.join(missing)}")
    if data.get("topic") not in TOPICS:
        raise ValueError(f"{path.name}: unknown topic {data.get('topic')!r}")
    sources = tuple(
        Source(s["name"], s["url"], s.get("lang", "en")) for s in data.get("sources", [])
    )
    if not sources or any(not s.url.startswith("https://") for s in sources):
        raise ValueError(f"{path.name}: every card needs sources with https addresses")
    return Card(
        id=data["id"],
        topic=data["topic"],
        order=int(data.get("order", 0)),
        title={k: v.strip() for k, v in data["title"].items()},
        body={k: v.strip() for k, v in data["body"].items()},
        sources=sources,
    )


@cache
def cards() -> tuple[Card, ...]:
    found = [_card(path) for path in sorted(FOLDER.glob("*.toml"))]
    return tuple(sorted(found, key=lambda c: (TOPICS.index(c.topic), c.order, c.id)))


def topics() -> list[str]:
    present = {c.topic for c in cards()}
    return [topic for topic in TOPICS if topic in present]


def select(topic: str | None) -> list[Card]:
    """All cards, a topic's cards, or one card by id; an unknown name is one clear error."""
    if topic is None:
        return list(cards())
    wanted = topic.strip().lower()
    wanted = _ALIASES.get(wanted, wanted)
    chosen = [c for c in cards() if wanted in (c.topic, c.id)]
    if not chosen:
        raise CoachError(t("harm.unknown", value=topic, topics=", ".join(topics())))
    return chosen


# Names people may type: the tracker kinds and the French words.
_ALIASES = {
    "substance": "substances",
    "drugs": "substances",
    "drogues": "substances",
    "drogue": "substances",
    "alcool": "alcohol",
    "selfharm": "self-harm",
    "automutilation": "self-harm",
    "jeu": "gambling",
    "jeux": "gambling",
}
