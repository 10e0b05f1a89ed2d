"""Bring a message to one plain form before any rule looks at it.

Lower case, no accents, one kind of apostrophe, letters repeated for emphasis
squeezed ("diiiie" -> "die"), leetspeak inside words ("su1c1de"), French
elisions split ("j'veux" -> "je veux"), and the slang, abbreviations and common
misspellings of both languages spelled out ("kms" -> "kill myself", "chui" ->
"je suis"). The rules are then written once, against this form.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "slang.toml"
_APOSTROPHES = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "ʼ": "'",
        "‛": "'",
        '"': " ",
        "“": " ",
        "”": " ",
        "«": " ",
        "»": " ",
    }
)
_DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "‒": "-"})
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_MASKED = re.compile(r"([a-z])[*]+([a-z])")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_ELIDED = {
    "j": "je",
    "qu": "que",
    "jusqu": "jusque",
    "lorsqu": "lorsque",
    "puisqu": "puisque",
    "c": "ce",
}
_LONG_RUN = re.compile(r"([a-z])\1{2,}")
_ELISION = re.compile(r"\b(j|m|t|s|n|l|d|c|qu|jusqu|lorsqu|puisqu)'(?=\w)")
_SPACES = re.compile(r"\s+")
_SI_IL = re.compile(r"\bs'(ils?)\b")
# Text-message spellings that need their neighbours to be read right.
_SMS = [
    # "want 2 die", "have 2 go": 2 is "to" before a verb
    (re.compile(r"\b2 (die|end|kill|live|be|go|sleep|jump|cut|hurt|take|stop|do)\b"), r"to \1"),
    # "i want die", "I decided end": learners of English drop the "to"
    (
        re.compile(
            r"\b(want|wants|wanted|need|needs|going|decided|decide|try|trying|plan|planning) "
            r"(die|kill|end|finish|stop|jump|cut|hurt|disappear|overdose|hang)\b"
        ),
        r"\1 to \2",
    ),
    # "wanna dye" is "die" unless something is being dyed
    (
        re.compile(
            r"\b(want to|going to|need to|just want to) dye\b"
            r"(?! (?:my|her|his|the|your|it|their|our|some|a|them|this))"
        ),
        r"\1 die",
    ),
    # "I want to die my hair": the typo goes the other way
    (
        re.compile(
            r"\b(?:die|dying) (my|her|his|your|their|our) (hair|clothes|shirt|jeans|beard)\b"
        ),
        r"dye \1 \2",
    ),
    # "jveu m tuer", "jvais m suicider": m is "me" before an infinitive
    (
        re.compile(
            r"\bm (tuer|suicider|pendre|faire|couper|scarifier|jeter|buter|flinguer|taillader|"
            r"enlever|noyer|bruler|ouvrir)\b"
        ),
        r"me \1",
    ),
    # "jvai saute du pont": the infinitive typed as a participle
    (re.compile(r"\b(vais|veux|va|vas|voudrais) (saute|suicide|tue|pendu)\b"), r"\1 \2r"),
    # "elle allé se foncé dans un mur": the infinitive typed as a participle after a reflexive
    (re.compile(r"\b(il|elle|on|je) alle\b"), r"\1 allait"),
    (
        re.compile(
            r"\b(allait|va|vais|veut|voulait|vont|veux) (se|me) "
            r"(fonce|jete|balance|noye|tue|pende|suicide|coupe|scarifie)\b"
        ),
        r"\1 \2 \3r",
    ),
    # "g pri tou mé cachés": "all my pills", spelled by ear
    (
        re.compile(
            r"\b(pris|avale|prendre|avaler) (?:tou|tout|tous|toute)s? (?:me|mes|les) "
            r"(?:caches|cachet|cacher|cacheter)\b"
        ),
        r"\1 tous mes cachets",
    ),
    # "3 days until i unalive": the slang verb used on its own
    (
        re.compile(r"\b(until|till|before|when|then|and|so) i kill(?= ?[.!,;]|$)"),
        r"\1 i kill myself",
    ),
    # "i want to rope", "gonna rope": hanging, in internet slang
    (
        re.compile(
            r"\b(want to|wanna|going to|gonna|will|about to|might|should|to) rope"
            r"(?! (?:in|off|the|a|my|them|him|her|it|together))\b"
        ),
        r"\1 hang myself",
    ),
    # "he'd kms": the slang spelled out, then given back to its subject
    (
        re.compile(r"\b(he|she|they)\b((?: \w+){0,3}?) kill myself\b"),
        lambda m: f"{m.group(1)}{m.group(2)} kill {_REFLEXIVE[m.group(1)]}",
    ),
    # "j'ai acheter une corde": the participle typed as an infinitive after "avoir"
    (
        re.compile(
            r"\b(je ai|tu as|il a|elle a|on a|ils ont|elles ont|nous avons|vous avez) "
            r"(?!(?:hier|super|premier|dernier|entier|leger|cher|fier|amer|enfer|hiver)\b)"
            r"([a-z]{2,})er\b"
        ),
        r"\1 \2e",
    ),
]
_REFLEXIVE = {"he": "himself", "she": "herself", "they": "themselves"}
# Irish and northern English "me da", "me mam" (my dad, my mum), read before "da" becomes "the".
_ME_PARENT = re.compile(
    r"\bme (da|dad|mam|ma|mum)\b(?= (?:said|says|is|s|will|would|hits|hit|has|beat|beats|"
    r"came|comes|gets|got|took|locked|keeps|threw|found|knows))"
)
_PARENT = {"da": "dad", "dad": "dad", "mam": "mum", "ma": "mum", "mum": "mum"}
# "he'll", "they'd", "we've", "you're": the few English endings, spelled out.
_CONTRACTION = re.compile(
    r"\b(he|she|it|we|they|you|who|that|there|i|everything|nothing|something|everyone|"
    r"everybody|nobody|someone|what|where|here|how|tonight|today|tomorrow|life|time)'(ll|d|ve|re|s|m)\b"
)
_CONTRACTED = {"ll": "will", "d": "would", "ve": "have", "re": "are", "s": "is", "m": "am"}
_TOKEN = re.compile(r"[a-z0-9@$]+(?:'[a-z]+)?|[^\sa-z0-9]")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _lexicon() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]], frozenset[str]]:
    """Word swaps, phrase swaps, and the words that keep a doubled letter."""
    with _DATA.open("rb") as fh:
        data = tomllib.load(fh)
    words: dict[str, str] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    for table in ("en", "fr"):
        for raw, full in data.get(table, {}).get("words", {}).items():
            words[raw] = full
        for raw, full in data.get(table, {}).get("phrases", {}).items():
            phrases.append((re.compile(rf"(?<![a-z]){re.escape(raw)}(?![a-z])"), full))
    doubled = frozenset(data.get("doubled", {}).get("words", []))
    return words, phrases, doubled


@cache
def _fuzzy() -> dict[str, str]:
    """Every one-typo spelling of the key words, mapped to the word."""
    with _DATA.open("rb") as fh:
        keys = tomllib.load(fh).get("fuzzy", {}).get("words", [])
    letters = "abcdefghijklmnopqrstuvwxyz"
    out: dict[str, str] = {}
    for word in keys:
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        variants = {a + b[1:] for a, b in splits if b}
        variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        variants |= {a + c + b[1:] for a, b in splits if b for c in letters}
        # A letter added at the end is an inflection ("suicidaires"), not a typo.
        variants |= {a + c + b for a, b in splits if b for c in letters}
        stem = word[:-2]
        for variant in variants:
            if variant.startswith(stem):
                continue  # only the ending differs: an inflection ("overdoses"), not a typo
            out.setdefault(variant, word)
    for word in keys:  # a real key word is never "corrected" into another
        out[word] = word
    return out


def _squeeze(match: re.Match[str]) -> str:
    return match.group(1)


def _fix_word(word: str, words: dict[str, str], doubled: frozenset[str]) -> str:
    if word in words:
        return words[word]
    if not word[0].isdigit() and any(c.isdigit() or c in "@$" for c in word):
        word = word.translate(_LEET)  # "su1c1de"; numbers and "200mg" stay as they are
        if word in words:
            return words[word]
    if "'" in word:  # "quelqu'un", "would've": keep both halves as words
        return " ".join(_fix_word(part, words, doubled) for part in word.split("'") if part)
    if len(word) >= 6:
        fixed = _fuzzy().get(word)
        if fixed:
            return fixed
    if _LONG_RUN.search(word):
        # "killlll": squeeze to one letter, then give back a double the word needs.
        once = _LONG_RUN.sub(_squeeze, word)
        twice = _LONG_RUN.sub(lambda m: m.group(1) * 2, word)
        for candidate in (twice, once):
            if candidate in doubled or candidate in words:
                return words.get(candidate, candidate)
        return words.get(once, once)
    return word


def normalize(text: str) -> str:
    """The plain form every rule is written against (a single spaced line)."""
    words, phrases, doubled = _lexicon()
    text = (text or "").translate(_APOSTROPHES).translate(_DASHES)
    text = strip_accents(text.lower())
    text = text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    text = _MASKED.sub(lambda m: m.group(1) + m.group(2), text)  # "sh*t", "f**k"
    text = _HYPHEN.sub(" ", text)  # "self-harm", "peut-etre", "moi-meme"
    text = _CONTRACTION.sub(lambda m: m.group(1) + " " + _CONTRACTED[m.group(2)], text)
    text = _ME_PARENT.sub(lambda m: "my " + _PARENT[m.group(1)], text)
    text = _SI_IL.sub(r"si \1", text)  # "s'il" is "si il", not "se il"
    text = _ELISION.sub(lambda m: _ELIDED.get(m.group(1), m.group(1) + "e") + " ", text)
    out = []
    for token in _TOKEN.findall(text):
        if token == "'":
            continue  # a quotation mark: "texted me 'goodbye'" reads as "texted me goodbye"
        out.append(_fix_word(token, words, doubled) if token[0].isalnum() else token)
    text = " " + " ".join(out) + " "
    for pattern, full in phrases:
        text = pattern.sub(full, text)
    for pattern, full in _SMS:
        text = pattern.sub(full, text)
    return _SPACES.sub(" ", text).strip()
