"""Someone else's words in the user's message, in quotation marks.

The detector reads a plain form with no quotation marks; this module finds the quotations
in the raw message, keeps those a verb of speech gives to someone else ("my grandad told the
nurse '...'"), and says where they stand in the plain form.
"""

from __future__ import annotations

import re

from coach.safety.normalize import normalize

# A quotation in the raw message (the plain form drops quotation marks): paired double
# quotes or guillemets, or single quotes that open and close outside a word ("I'll" inside).
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{2,300}?)[\"”»]|(?<!\w)['‘](.{2,300}?)['’](?!\w)")
# A line that sets a condition is not said of now: "je vais me pendre si ma box marche pas".
CONDITION = re.compile(r"\b(?:si|if|unless|sauf si|one more|encore un|encore une)\b")
# Who speaks just before a quotation: someone else with a verb of speech, and perhaps whom
# they spoke to ("my grandad told the nurse", "la nouvelle m'a sorti", "il a dit").
_SPEAKER = re.compile(
    r"\b(?:il|elle|ils|elles|he|she|they"
    r"|(?:mon|ma|mes|my|his|her|our|notre|nos|ton|ta|your|the|le|la|les|a|an|un|une|au|du|aux)"
    r"(?: (?!i\b|je\b|j\b)\w+){1,3}"
    r"|grandma|grandpa|granny|grandad|gran|nan|nana|mum|mom|dad|maman|papa|mamie|papi|meme|pepe)"
    r" (?:(?:and|et|has|had|have|a|ont|me|m|nous|lui|leur|just|then|always|keeps|kept|was"
    r"|were|been|still|is|are) )*"
    r"(?:told|tells|said|says|wrote|writes|texted|posted|yelled|shouted|screamed|goes|went"
    r"|telling|saying|writing|posting|texting|joking|joke|jokes|laughing|muttering"
    r"|asked|replied|answered|snapped|joked|whispered|ecrit|dit|disait|crie|hurle|lance"
    r"|sorti|sort|repondu|demande|poste|texte|balance|ajoute|murmure)"
    r"(?: (?!i\b|je\b|j\b)\w+){0,3}\W*$"
)

# A line given to a label before a colon: "Instructor at the parkour gym: '...'", a ticket's
# "objet : « URGENT JE VAIS MOURIR »". The user's own lines and thoughts are not someone else's.
_LABEL = re.compile(r"(?:^|[.!?,;] )((?:[a-z']+ ){0,5}[a-z']+) :\W*$")
_OWN_LABEL = re.compile(
    r"\b(?:i|je|j|me|m|moi|my|mon|ma|mes|myself|mine|nous|we|our|notre|nos"
    r"|pensee|pensees|thought|thoughts|idee|croyance|belief)\b"
)


def _spoken_by_other(before: str) -> bool:
    label = _LABEL.search(before)
    return bool(_SPEAKER.search(before) or (label and not _OWN_LABEL.search(label.group(1))))


def others_quotes(text: str, plain: str) -> list[tuple[int, int]]:
    """Where, in the plain form, someone else's quoted words stand: "my grandad told the
    nurse 'one more jelly cup and I'll throw myself out the window'" is his line, not the
    user's. Only what can be found again in the plain form counts."""
    spans = []
    for q in _QUOTED.finditer(text or ""):
        if not _spoken_by_other(normalize(text[max(0, q.start() - 80) : q.start()])):
            continue
        words = normalize(q.group(1) or q.group(2)).strip(" .!?,")
        at = plain.find(words) if len(words) > 3 else -1
        if at >= 0:
            spans.append((at, at + len(words)))
    return spans
