"""Activity cards the person can hide, and cards of their own.

Hidden card ids live in the store (concern `cards`, table `hidden`); a card
the person writes becomes a TOML file in their exercises folder, in the same
format as the shipped ones, so they can edit it by hand later.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from coach import paths as _paths
from coach.errors import CoachError
from coach.exercises.loader import Library
from coach.exercises.schema import CARD_CATEGORIES, Exercise
from coach.i18n import t
from coach.store.atomic import atomic_write

CONCERN = "cards"
TITLE_WORDS = 6


def _hidden(context):
    return context.store.collection(CONCERN, table="hidden")


def hidden_ids(context) -> set[str]:
    return {doc["card_id"] for doc in _hidden(context).all() if "card_id" in doc}


def _card(library: Library, card_id: str) -> Exercise:
    card = library.get(card_id)
    if card is None or card.kind != "card":
        raise CoachError(t("exercises.no_card", id=card_id))
    return card


def hide(context, library: Library, card_id: str) -> bool:
    """Hide a card from the random picks; False when it was already hidden."""
    _card(library, card_id)
    if card_id in hidden_ids(context):
        return False
    _hidden(context).insert({"card_id": card_id, "at": context.now().isoformat()})
    return True


def unhide(context, card_id: str) -> bool:
    removed = False
    collection = _hidden(context)
    for doc in collection.all():
        if doc.get("card_id") == card_id:
            removed = collection.remove(doc["id"]) or removed
    return removed


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return "-".join(slug.split("-")[:TITLE_WORDS])[:40].strip("-") or "card"


def _toml_string(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def _title_from(text: str) -> str:
    words = text.split()
    title = " ".join(words[:TITLE_WORDS])
    return title + ("…" if len(words) > TITLE_WORDS else "")


def add(context, library: Library, category: str, text: str, title: str | None = None) -> Exercise:
    """Write the person's own card to their folder; return it, read back from its file."""
    if category not in CARD_CATEGORIES:
        raise CoachError(t("exercises.bad_category", allowed=", ".join(CARD_CATEGORIES)))
    text = " ".join(text.split())
    if not text:
        raise CoachError(t("exercises.empty_card"))
    title = " ".join((title or _title_from(text)).split())
    base = f"mine-{_slug(title)}"
    folder = _paths.ensure_dir(context.paths.exercises)
    card_id, n = base, 2
    # Never reuse an id, nor overwrite a file of the person's (whatever id it holds).
    while card_id in library or (folder / f"{card_id}.toml").exists():
        card_id, n = f"{base}-{n}", n + 1
    path = folder / f"{card_id}.toml"
    # The person's words in both languages: they wrote it for themselves.
    lines = [
        f"id = {_toml_string(card_id)}",
        'kind = "card"',
        f"category = {_toml_string(category)}",
        f"source = {_toml_string(t('exercises.own_card_source'))}",
        "",
    ]
    for name, en, fr in (
        ("title", title, title),
        ("summary", title, title),
        ("text", text, text),
        (
            "cautions",
            t("exercises.own_card_cautions", "en"),
            t("exercises.own_card_cautions", "fr"),
        ),
    ):
        lines += [f"[{name}]", f"en = {_toml_string(en)}", f"fr = {_toml_string(fr)}", ""]
    atomic_write(path, "\n".join(lines).encode("utf-8"))
    from coach.exercises.loader import read_file

    return replace(read_file(path), user=True)
