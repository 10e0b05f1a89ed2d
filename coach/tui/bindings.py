"""Key descriptions in the user's language.

Textual reads `BINDINGS` when a class is created, before we know the language,
so bindings name a catalogue key as their description (`"tui.key_sos"`) and
each node swaps in the text when it is built. The swap only rewrites this
instance's copy of the bindings map.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from coach.i18n import has, t


def translate_bindings(node: DOMNode) -> None:
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(b, description=t(b.description)) if has(b.description) else b for b in bindings
        ]
