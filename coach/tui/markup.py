"""Put the user's own words inside Textual markup without losing any of them.

Textual 8 reads `[Miso]` as a style tag and drops it, even after
`rich.markup.escape` or `textual.markup.escape` (both leave such brackets
alone). Escaping every opening bracket keeps the text exactly as typed.
"""

from __future__ import annotations


def escape(text: str) -> str:
    return text.replace("[", "\\[")
