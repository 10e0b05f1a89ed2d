"""`detect(text, lang)`: crisis, concern or none, with the reasons.

Deterministic and offline. The message is normalised (slang, typos, accents),
figures of speech are blanked ("this exam is killing me"), then rules over
intents, acts and objects are matched, and each match is weighed in its
sentence: a negation just before it, a distant past, another person, a laugh,
a story. The most serious level found wins; every match is given as a reason.
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from functools import cache
from pathlib import Path

from coach.safety import learned
from coach.safety import rules as R
from coach.safety.detection import Detection, Level
from coach.safety.normalize import normalize
from coach.safety.quotes import CONDITION, others_quotes

_IDIOMS = Path(__file__).resolve().parent / "data" / "idioms.toml"
_BOUNDARY = re.compile(r"[.!?;]|\n")
# "...two years ago and today I'm struggling": "and today" opens a new clause, in the present.
_CLAUSE_CUT = re.compile(
    r",|:|\(|\)|\s-\s|\bbut\b|\bmais\b|\bthough\b|\bpourtant\b|\bhowever\b"
    r"|\band (?=today|now|tonight|these days|lately)|\bet (?=aujourd hui|maintenant|ce soir)"
)
_THIRD_REFLEXIVE = re.compile(r"\b(?:himself|herself|themselves|themself|his|her|their|se|s|ses)\b")
_SUBJECT = re.compile(r"\b(?:i|je|he|she|they|we|you|il|elle|ils|elles|on|nous|tu|vous)\b")
_DOUBT = re.compile(
    r"\b(?:(?:do not|don t|dont|never) (?:think|believe|imagine)|(?:am|m) not saying|"
    r"(?:ne |n )?(?:pense|crois|vois|dis) pas)(?: (?:that|que))?"
    r"(?: (?:i|je)(?: (?:would|d|will|ll|could|want to|wanna|veux|voulais|vais))?"
    r"(?: (?:ever|actually|really|jamais))*)?$"
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|mine|je|j|moi|mon|ma|mes)\b")
_ANY_SUBJECT = re.compile(
    r"\b(?:i|je|j|he|she|it|they|we|you|il|elle|ils|elles|on|nous|tu|vous|ca|cela|this|that)\b"
)
_OWNED_SUBJECT = re.compile(
    r"\b(?:my|mon|ma|mes|his|her|their|son|sa|ses|our|notre|nos) (?!self\b)\w+(?: \w+)?"
    r" (?:is|was|s|are|were|has been|est|etait|sont)(?: \w+)?\s*$"
)
# Rules an urge held back or a reason to stay ("but I'd never leave my kids") can soften.
_COPED = (
    "crisis.self_harm",
    "crisis.self_violence",
    "crisis.suicidal_intent",
    "crisis.better_off_dead",
    "crisis.self_injury_act",
)
# An urge told with how it was resisted softens these too: "j'ai eu envie de lâcher le volant
# dans le virage... j'ai serré fort et mis la radio à fond".
_HELD = (*_COPED, "crisis.act_now", "crisis.means_at_hand")
# Rules about the speaker's own life, which someone else's quoted "if..." can voice.
_OWN_WORDS = (
    *_COPED,
    "crisis.let_myself_die",
    "crisis.act_now",
    "crisis.no_future",  # a friend's "je serai plus là pour personne en septembre"
    "crisis.no_will_to_live",
)
# A threat that waits on an annoyance happening once more is temper, not a plan, though it
# can hide one: "if one more parent cuts across my crossing I'll kill them", "je me pends
# à la corde du bourdon si on rate encore l'angélus". Gently asked about, never an alarm.
_PETTY_RULES = (*_OWN_WORDS, "crisis.harm_others")
_PETTY_IF = re.compile(
    r"\b(?:if|si|s il|s ils|s elle|s elles|qu on|when|quand|next time|la prochaine fois)\b"
    r"(?:(?![.!?;]).){0,90}?(?<!es )(?<!est )(?<!etes )(?<!sont )(?<!suis )(?<!etait )"
    r"\b(?:again|one more(?! day| night| week)|once more|encore"
    r"|une fois de plus|re(?:demande|commence|fait|pique|passe|met|joue)\w*)\b"
)
# A threat to someone else softens only when bare ("I'll kill them"), not when it says how
# ("I'll hold him under until he stops kicking", "push him off the balcony").
_BARE_THREAT = re.compile(
    r"\b(?:kill|strangle|murder|throttle|tuer|tue|etrangler|etrangle|buter|bute|massacrer"
    r"|trucider|defoncer|egorger)\b"
)
_HOW = re.compile(
    r"\b(?:off the|under|ground|drown|noie|noyer|bury|enterre|du toit|du balcon|par la fenetre"
    r"|window|balcony|roof|ledge|sous le|sous la)\b"
)
# ...unless the means are at hand or the act thought through: "si il remet les pieds ici je
# le plante, j'ai le couteau", "I've already worked out which bend".
_MEANT = re.compile(
    r"\b(?:couteau|couteaux|cutter|lame|lames|marteau|batte|carabine|fusil|flingue|arme|tournevis"
    r"|scalpel|cle a molette|hache|couperet|knife|knives|gun|rifle|shotgun|bat|bar|hammer|blade"
    r"|machete|axe|crowbar|tyre iron|tire iron|letter opener|pills|cachets|medocs|medicaments"
    r"|corde|rope|already|deja|worked out|exactly how|gone over|thought about|a deux doigts"
    r"|je attends|j attends|waiting for (?:him|her|them))\b"
)
# A body in danger told by two kinds of its signs is not a matter of wording: the learned
# reader weighs the witness's calm words ("l'assistante appelle le 15") and would doubt it.
# Nor is a rescue needed now (a man overboard, smoke with people inside, a child missing by
# the sea), told in the same calm words.
UNDOUBTED = ("crisis.emergency_signs", "crisis.rescue_needed")
# Drowsiness is a sign only with the cold, fumes or a poison it can come from.
_DROWSY_WITH = ("cold", "exposure", "fumes", "poison")
_ACUTE_REACH = 160  # characters between the first and the last sign of one emergency
_SEE_YOU_MARGIN = 2.0  # log-odds over the crisis bar for a message that says "see you"
# Two sentences of a long message read alone must clear the crisis bar by this much: on the
# unseen rounds 374-389 and 422-453, read with the models that had never seen them, it caught
# 3 more of the long crises the whole message hid, and raised no harmless message.
_PASSAGE_MARGIN = 4.0
_PASSAGE_SPLIT = re.compile(r" [.!?;] ")
_NEG_REACH = 6  # words: "I would never in a million years..." still reaches
# The markers that weigh a match, from data/rules.toml (see its comments).
_WISHED, _PASSIVE, _SERIOUS = R.MARKERS["wished"], R.MARKERS["passive"], R.MARKERS["serious"]
_REPORTED, _DO_IT, _TAKE_ALL = R.MARKERS["reported"], R.MARKERS["do_it"], R.MARKERS["take_all"]
_PILL_TOPIC, _DEATH_TOPIC = R.MARKERS["pill_topic"], R.MARKERS["death_topic"]
_STAGE, _DISTANT_PAST = R.MARKERS["stage"], R.MARKERS["distant_past"]
_DECOR, _RESOLVED = R.MARKERS["decor"], R.MARKERS["resolved"]
# Someone else's emergency, which a drill, a course or a happy ending explains.
_RESCUES = ("crisis.emergency", "crisis.rescue_needed", "crisis.someone_in_danger")
# A laughing face just past the sentence still belongs to it; a word ("not for camping lol")
# can be a nervous cover.
_LAUGH_AFTER = 24  # characters
_LAUGH_EMOJI = re.compile("[😂🤣😆😅😹]")
_DELIBERATE, _URGE, _RESISTED = R.MARKERS["deliberate"], R.MARKERS["urge"], R.MARKERS["resisted"]
# Thinking of death (not of killing oneself) is a concern: "je pense beaucoup à mourir".
_THOUGHT_OF_DEATH = re.compile(
    r"(?:think(?:ing)?|thought|keep thinking|pense|pensais|penser|songe)\b.*"
    r"\b(?:die|dying|death|mourir|la mort)"
)


@cache
def _idioms() -> list[re.Pattern[str]]:
    with _IDIOMS.open("rb") as fh:
        data = tomllib.load(fh)
    return [re.compile(p) for lang in ("en", "fr") for p in data.get(lang, [])]


def _blank_idioms(text: str) -> str:
    for pattern in _idioms():
        text = pattern.sub(lambda m: " ~ " * max(1, len(m.group(0).split())), text)
    return re.sub(r"\s+", " ", text)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    right_match = _BOUNDARY.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _previous(text: str, s_start: int) -> int:
    """Where the sentence before the one starting at `s_start` starts."""
    return _sentence(text, max(0, s_start - 2), max(0, s_start - 2))[0] if s_start else 0


def _window(before: str) -> str:
    """The few words before a match that a negation can reach from."""
    cuts = list(_CLAUSE_CUT.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    barriers = list(R.NEG_BARRIER.finditer(before))
    if barriers:
        before = before[barriers[-1].end() :]
    subjects = list(_SUBJECT.finditer(before))
    if subjects:  # a new subject starts a new clause: "i can't do this i just want to die"
        before = before[subjects[-1].start() :]
    return " ".join(before.split()[-_NEG_REACH:])


def _negated(before: str) -> bool:
    if _DOUBT.search(before.rstrip()):
        return True  # "I don't think I'd ever do it", "je ne pense pas que je passerais à l'acte"
    window = _window(before)
    # "I have no plans to...": a bare "no" right before the match negates it too.
    bare = window in ("no", "aucun", "aucune") or window.endswith((" no", " aucun", " aucune"))
    return bare or bool(R.NEGATION.search(window))


def _clause(text: str, m: re.Match[str], s_start: int, s_end: int) -> str:
    """The clause around a match: "I used to cut myself | but I'm in therapy now"."""
    before = text[s_start : m.start()]
    cuts = list(_CLAUSE_CUT.finditer(before))
    start = s_start + (cuts[-1].end() if cuts else 0)
    after = _CLAUSE_CUT.search(text, m.end(), s_end)
    return text[start : after.start() if after else s_end]


def _subject(sentence: str, at: int | None = None) -> str:
    """'self' or 'other': whoever is named last before `at` in the sentence.

    The whole sentence is searched so that "il faut que..." (no one) is told
    from "il veut..." (someone).
    """
    at = len(sentence) if at is None else at
    last_first = max(
        (m.start() for m in R.FIRST_SUBJECT.finditer(sentence) if m.start() < at), default=-1
    )
    last_other = max(
        (m.start() for m in R.THIRD_SUBJECT.finditer(sentence) if m.start() < at), default=-1
    )
    return "other" if last_other > last_first else "self"


_DENIED_AFTER = re.compile(r" (?:pas|not|jamais)\b")
_DENIED_BEFORE = re.compile(r"\b(?:pas de|pas d|there is no|there s no|no) $")
_DATED_AFTER = re.compile(
    r"[.!?] (?:that was|this was|it was|c etait|ce etait|ca remonte a|cela remonte a)"
    r" (?:\w+ ){0,3}?(?:years? ago|a long time ago|long ago|il y a \w+ (?:ans|annees)"
    r"|(?:\d+|two|three|four|five|ten|deux|trois|quatre|cinq|dix) (?:years|ans))\b"
)
# "ten years ago tonight I tried...": a date opening the clause makes its "tonight" an
# anniversary; "sitting on the bridge where he jumped, two years ago tonight" is here now.
_ANNIVERSARY = re.compile(
    r"\bago today\b|\bjour pour jour\b|\bil y a \w+ ans aujourd hui\b"
    r"|^ ?(?:\w+ ){1,2}(?:years?|months?) ago (?:tonight|this (?:morning|evening|night))\b"
    r"|^ ?(?:il )?y a \w+ (?:ans|mois) (?:ce soir|cette nuit|ce matin)\b"
)
# Spoken French drops the "ne": "ça fait un an que je me scarifie plus" (no longer), not
# "je me scarifie plus souvent" (more often).
_OWN_FR_ACT = re.compile(r"(?:je|j) (?:me|m) ")
_NOT_AFTER_FR = re.compile(
    r" (?:pas|plus|jamais)\b(?! (?:que|qu|de|d|fort|souvent|profond|profondement|vite|loin"
    r"|longtemps|en plus|tard|tot|encore|qu avant)\b)"
)
_BUT = re.compile(r"\b(?:but|mais)\b")
# A quoted goodbye set for tomorrow is someone else's crisis: "je serai plus là demain".
_SOON = re.compile(r"\b(?:demain|tomorrow|tonight|ce soir|cette nuit)\b")
_WATCHED = re.compile(r"\b(?:le|la|les|te|vous|him|her|them|you) (?:voir|see|watch|regarder) $")


def _now_in_clause(text: str, m: re.Match[str], s_start: int, s_end: int) -> bool:
    """A "now" in the match's own clause; "two years ago today" is an anniversary, not a today."""
    return bool(R.RECENT.search(_ANNIVERSARY.sub(" ", _clause(text, m, s_start, s_end))))


def _long_ago(text: str, m: re.Match[str], s_start: int, s_end: int) -> bool:
    """A distant past in the sentence, or dated by the next one ("...I thought about ending
    it. That was three years ago."), and no "now" in the match's own clause."""
    then = R.PAST.search(text, s_start, s_end) or _DATED_AFTER.match(text, s_end)
    return bool(then and not _now_in_clause(text, m, s_start, s_end))


def _held_back(text: str, m: re.Match[str], before: str) -> bool:
    """An urge, not an act, and the message goes on to tell how it was resisted:
    "j'ai eu envie de me faire du mal... j'ai appelé ma sœur à la place"."""
    return bool(
        _URGE.search(" ".join(before.split()[-5:]) + " " + m.group(0)[:24])
        and _RESISTED.search(text, m.end())
    )


def _staged(text: str, at: int, s_start: int, s_end: int) -> bool:
    """A drill, a course or a stage explains the match: said in its clause ("driver training
    today: fire on the bus, kid choking"), or the sentence before when no "but" turns from it
    ("did a first aid course once but my friend is not breathing now" is not)."""
    sentence = text[s_start:s_end]
    clause = _after_but(sentence, at - s_start)
    if _STAGE.search(clause):
        return True
    turned = len(clause) < len(sentence)
    return not turned and bool(_STAGE.search(text, _previous(text, s_start), s_start))


def _after_but(sentence: str, at: int) -> str:
    """The sentence from the last "but" before `at`: "je rigole tout le temps mais là..." """
    cuts = [b.end() for b in _BUT.finditer(sentence, 0, at)]
    return sentence[cuts[-1] :] if cuts else sentence


def _quote(text: str) -> str:
    return " ".join(text.split())


def _story(text: str, m: re.Match[str], s_start: int, s_end: int, rule: R.Rule) -> bool:
    """Whether the sentence tells a story (a film, a book, a game) up to 40 characters
    past the match. A warning sign tells the writer's own steps: its own object is not a
    story ("gave away my xbox"), nor one named after it ("the final chapter of my life is
    better plotted than my novel")."""
    for story in R.FICTION.finditer(text, s_start, min(s_end, m.end() + 40)):
        if rule.level != "weak" or story.start() < m.start():
            return True
    return False


def _weigh(
    rule: R.Rule, text: str, m: re.Match[str], quoted: tuple[int, int] | None = None
) -> tuple[str, str] | None:
    """(level, rule id) for one match in its sentence, or None when it does not count."""
    s_start, s_end = _sentence(text, m.start(), m.end())
    before, sentence = text[s_start : m.start()], text[s_start:s_end]
    # "I don't see WHY I bother existing": a match that opens on "why" is past the negation.
    if rule.neg and not R.NEG_BARRIER.match(m.group(0)) and _negated(before):
        return None
    if rule.neg and _OWN_FR_ACT.match(m.group(0)) and _NOT_AFTER_FR.match(text, m.end()):
        # "ça fait deux ans que je me scarifie plus": told of, so worth a word, never an alarm
        if rule.level == "weak":
            return None
        return Level.CONCERN, "concern.past_" + rule.id.split(".", 1)[1]
    level, rid = rule.level, rule.id
    # A song or a film named far after the match is not what the match is about.
    if _story(text, m, s_start, s_end, rule) and not R.FIRST_SUBJECT.search(
        " ".join(before.split()[-6:]) + " " + m.group(0)
    ):
        return None  # "a film about a man who survived a suicide attempt"
    if level == Level.CRISIS and _REPORTED.search(before):
        return None  # someone else's words to the user: the bullying rule speaks for it
    if rid in _OWN_WORDS and quoted:
        # Someone else's line, in quotation marks: a crisis only if the line itself says now
        # and sets no condition ("je vais me pendre si ma box marche pas demain").
        line = text[quoted[0] : quoted[1]]
        if (R.THIRD_NOW.search(line) or _SOON.search(line)) and not CONDITION.search(line):
            return Level.CRISIS, "crisis.someone_in_danger"
        return Level.CONCERN, "concern.someone_at_risk"
    if rid in _OWN_WORDS and R.MARKERS["quoted_other"].search(before):
        if R.THIRD_NOW.search(sentence) and not R.MARKERS["safe_with"].search(sentence):
            return Level.CRISIS, "crisis.someone_in_danger"
        return Level.CONCERN, "concern.someone_at_risk"  # "il a écrit « jvais me pendre »"
    if rid in _OWN_WORDS and R.MARKERS["reported_if"].search(before):
        return Level.CONCERN, "concern.reported"  # "mamie m'a dit : si on me ressert..."
    if (
        rid in _PETTY_RULES
        and _PETTY_IF.search(sentence)
        and (rid in _OWN_WORDS or (_BARE_THREAT.search(m.group(0)) and not _HOW.search(sentence)))
        and not _MEANT.search(text)
        and not _SERIOUS.search(text)
        and not R.THIRD_NOW.search(text)
    ):
        return Level.CONCERN, "concern.if_again"  # "si on me redemande encore ce slow je me jette"
    if rid in _COPED and _STAGE.search(sentence):
        return None  # "my prop dagger bends every time I stab myself"
    # "je ai...", "faut que je meure": the match names its own subject.
    own = R.FIRST_SUBJECT.search(m.group(0))
    if rule.person and not own and _subject(sentence, m.start() - s_start) == "other":
        if _STAGE.search(sentence):
            return None  # "ce soir j'ai joué une veuve qui veut se jeter dans la Seine"
        if R.THIRD_NOW.search(sentence) and not R.MARKERS["safe_with"].search(sentence):
            return Level.CRISIS, "crisis.someone_in_danger"
        return Level.CONCERN, "concern.someone_at_risk"
    if level == "weak" and rule.past and _DISTANT_PAST.search(sentence):
        return None  # "ten years ago I stood on a cliff": a sign of then, not of now
    if level != Level.CRISIS:
        return level, rid
    if rid == "crisis.suicidal_intent" and _THOUGHT_OF_DEATH.fullmatch(m.group(0)):
        return Level.CONCERN, "concern.thoughts_of_death"  # "I think about dying a lot"
    wished = _WISHED.search(" ".join(before.split()[-5:]) + " " + m.group(0)[:12])
    if wished and _PASSIVE.search(m.group(0)):
        return Level.CONCERN, "concern.passive_death_wish"  # "j'aimerais ne plus me réveiller"
    if rid == "crisis.emergency" and _DECOR.search(text, _previous(text, s_start), s_end):
        return None  # "Butchery class, a whole lamb. Blood everywhere, loved every minute."
    if rid in _RESCUES and _staged(text, m.start(), s_start, s_end):
        return None  # "driver training today: fire on the bus, kid choking, a seizure"
    if (
        rid in (*_RESCUES, "crisis.act_now")
        and _RESOLVED.search(text, m.end())
        # "40 paracetamol at lunch but she's fine now": an overdose harms hours later
        and not (_PILL_TOPIC.search(text) and not _DISTANT_PAST.search(text))
    ):
        return Level.CONCERN, "concern.resolved"  # "...blood everywhere. Hospital says he's fine"
    if (
        rid == "crisis.self_harm"
        and R.ACCIDENT.search(sentence)
        and not _DELIBERATE.search(sentence)
    ):
        return None
    if rid in ("crisis.plan", "crisis.means_at_hand") and R.ACTIVITY.search(sentence):
        return None  # "the rope for the climbing trip"
    if R.MARKERS["absence"].search(m.group(0)) and R.MARKERS["away"].search(text):
        return None  # "I won't be here tomorrow, I'm off to Madrid for work"
    if rule.past and _long_ago(text, m, s_start, s_end):
        return Level.CONCERN, "concern.past_" + rid.split(".", 1)[1]
    if (
        rid == "crisis.emergency"
        and _DISTANT_PAST.search(sentence)
        and _long_ago(text, m, s_start, s_end)
    ):
        return Level.CONCERN, "concern.past_emergency"  # "fifteen years ago my son overdosed"
    if rid in _COPED and R.COPING.search(sentence):
        return Level.CONCERN, rid.replace("crisis.", "concern.coping_with_")
    if rid in _HELD and _held_back(text, m, before):
        return Level.CONCERN, "concern.urge_resisted"
    if (
        rule.joke
        and (
            R.LAUGH.search(_after_but(sentence, m.start() - s_start))
            # a laugh that closes a short line after it: "Je vais le tuer. Ou me tuer. On verra 😂"
            or _LAUGH_EMOJI.search(text, s_end, min(len(text), s_end + _LAUGH_AFTER))
        )
        and not _SERIOUS.search(text)
    ):
        return Level.CONCERN, rid.replace("crisis.", "concern.joking_")
    if rule.joke and R.HYPOTHETICAL.search(sentence):
        return Level.CONCERN, rid.replace("crisis.", "concern.hypothetical_")
    return level, rid


def _backstop(text: str, quotes: list[tuple[int, int]]) -> list[tuple[str, str, str]]:
    """A core word of death in the user's own sentence, with a "now" or a "want" in it."""
    found = []
    for m in R.MARKERS["backstop_core"].finditer(text):
        s_start, s_end = _sentence(text, m.start(), m.end())
        before, sentence = text[s_start : m.start()], text[s_start:s_end]
        if not R.MARKERS["backstop_now"].search(sentence) or not _FIRST_PERSON.search(sentence):
            continue
        if _OWNED_SUBJECT.search(before) or _WATCHED.search(before):
            continue  # "my grandad is dying", "le voir crever en prison": not the user
        subjects = list(_ANY_SUBJECT.finditer(before))
        if subjects and subjects[-1].group(0) not in ("i", "je", "j"):
            continue  # "my phone, it is dying": the one dying is not the user
        if _negated(before) or _subject(sentence, m.start() - s_start) == "other":
            continue
        if R.MARKERS["quoted_other"].search(before) or _within(m.start(), quotes):
            continue  # "il a écrit « jvais me pendre »": his words, read by the rules above
        if (
            R.FICTION.search(sentence)
            or R.HYPOTHETICAL.search(sentence)
            or R.LAUGH.search(sentence)
        ):
            continue
        if R.PAST.search(sentence) and not _now_in_clause(text, m, s_start, s_end):
            continue  # "three years ago today I tried to end my life": an anniversary
        found.append((Level.CRISIS, "crisis.backstop", sentence.strip()))
    return found


def _around(at: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span (someone else's quotation) that holds position `at`, if any."""
    return next(((start, end) for start, end in spans if start <= at < end), None)


def _within(at: int, spans: list[tuple[int, int]]) -> bool:
    return _around(at, spans) is not None


def _nearby_kinds(seen: list[tuple[int, str, str]]) -> dict[str, str]:
    """The first signs of two kinds or more told close together; a week told day by day
    ("the server went down... a magician set his own sleeve on fire") is not one body."""
    for i, (at, _kind, _words) in enumerate(seen):
        signs: dict[str, str] = {}
        for start, kind, words in seen[i:]:
            if start - at > _ACUTE_REACH:
                break
            signs.setdefault(kind, words)
        if len(signs) >= 2:
            return signs
    return {}


def _acute(text: str) -> list[tuple[str, str, str]]:
    """A body in danger now, told by its signs: two kinds of sign together ("gorge qui
    gonfle", "arrive plus à respirer"), whoever has them, said of now. Told of a panic attack
    or with a laugh, a concern; in a story, a negation or a past, nothing."""
    seen: list[tuple[int, str, str]] = []
    for kind, pattern in R.ACUTE.items():
        for m in pattern.finditer(text):
            s_start, s_end = _sentence(text, m.start(), m.end())
            sentence = text[s_start:s_end]
            if _negated(text[s_start : m.start()]) or R.FICTION.search(sentence):
                continue
            if _staged(text, m.start(), s_start, s_end):
                continue  # "first aid course today: overdose recognition, CPR, drowning"
            if R.HYPOTHETICAL.search(sentence) or _long_ago(text, m, s_start, s_end):
                continue
            seen.append((m.start(), kind, m.group(0)))
    if not any(kind in _DROWSY_WITH for _at, kind, _words in seen):
        seen = [sign for sign in seen if sign[1] != "drowsy"]  # sleepy after a long day
    signs = _nearby_kinds(sorted(seen))
    if len(signs) < 2 or _DISTANT_PAST.search(text):
        return []
    words = " + ".join(signs.values())
    if R.MARKERS["panic"].search(text) or R.LAUGH.search(text) or _RESOLVED.search(text):
        return [(Level.CONCERN, "concern.body_alarm", words)]
    return [(Level.CRISIS, "crisis.emergency_signs", words)]


def _third_person(text: str) -> list[tuple[str, str, str]]:
    """Someone else at risk: a concern, or a crisis when it is happening now."""
    found = []
    for m in R.THIRD_ACTS.finditer(text):
        s_start, s_end = _sentence(text, m.start(), m.end())
        before, sentence = text[s_start : m.start()], text[s_start:s_end]
        if _negated(before) or R.HYPOTHETICAL.search(sentence) or R.FICTION.search(sentence):
            continue
        if _STAGE.search(sentence):
            continue  # "ce soir j'ai joué une veuve qui veut se jeter dans la Seine"
        if R.MARKERS["completed"].search(m.group(0)) and (
            R.PAST.search(sentence) or R.MARKERS["bereavement"].search(sentence)
        ):
            continue  # "my grandad took his own life when I was five": a loss, not a risk now
        if (
            not _THIRD_REFLEXIVE.search(m.group(0))
            and _subject(sentence, m.start() - s_start) != "other"
        ):
            continue  # "I want to die" is the user's own, judged by the rules above
        safe = R.MARKERS["safe_with"].search(sentence)  # "...but she's with mum now"
        if R.THIRD_NOW.search(sentence) and not R.PAST.search(sentence) and not safe:
            found.append((Level.CRISIS, "crisis.someone_in_danger", m.group(0)))
        else:
            found.append((Level.CONCERN, "concern.someone_at_risk", m.group(0)))
    return found


def _distinct(weak: list[tuple[str, str, str]], plain: str) -> list[tuple[str, str, str]]:
    """One sign per stretch of text: "everything is set" inside "everything is set up",
    "finished writing my letters" overlapping "my letters to my pen pals"."""
    kept: list[tuple[str, str, str]] = []
    spans: list[tuple[int, int]] = []
    for sign in sorted(weak, key=lambda f: len(f[2]), reverse=True):
        # The same words may stand twice: "Last shift tomorrow. ... Last."
        places = [(m.start(), m.end()) for m in re.finditer(re.escape(sign[2]), plain)]
        free = [(a, b) for a, b in places if not any(a < d and c < b for c, d in spans)]
        if places and not free:
            continue
        kept.append(sign)
        spans.append(free[0] if free else (-1, -1))
    return kept


def _explained(words: str, plain: str, weak: list[tuple[str, str, str]]) -> bool:
    """Whether an everyday plan near a sign (its sentence, or the one before or after)
    explains it: "the letters are on the desk, everything's set for the wedding", but
    not a run in the morning for pills counted out at night, three sentences later."""
    at = plain.find(words)
    if at < 0:
        return True
    start, end = _sentence(plain, at, at + len(words))
    if _DEATH_TOPIC.search(plain, start, end):
        # A sentence that names a means of death is explained by itself or not at all:
        # "the rope's in the boot" is not explained by a birthday card bought after it.
        return _plans(plain[start:end].replace(words, " "), plain)
    start = _previous(plain, start)
    _, end = _sentence(plain, min(len(plain), end + 1), min(len(plain), end + 1))
    near = plain[start:end]
    for _level, _rid, other in weak:
        near = near.replace(other, " ")
    return _plans(near, plain) or bool(R.MARKERS["recovering"].search(near))


def _plans(text: str, whole: str | None = None) -> bool:
    """Whether an everyday plan is the purpose of something in `text`, not just a point
    in time or a thing given away ("after the grandson's birthday", "gave away my bike"),
    nor a plan the message denies ("une corde pour le déménagement. Y a pas de
    déménagement.", "elle croit que je déménage. Je déménage pas."), anywhere in `whole`."""
    found = list(R.ACTIVITY.finditer(text))
    whole = text if whole is None else whole
    denied = {
        m.group(0)
        for m in R.ACTIVITY.finditer(whole)
        if _DENIED_AFTER.match(whole, m.end())
        or _DENIED_BEFORE.search(whole, max(0, m.start() - 16), m.start())
    }
    return any(
        m.group(0) not in denied
        and not R.MARKERS["anchor"].search(text, max(0, m.start() - 60), m.start())
        for m in found
    )


def _combine_weak(found: list[tuple[str, str, str]], plain: str) -> list[tuple[str, str, str]]:
    """Warning signs that mean little alone and much together.

    A goodbye, arrangements made, a wait until midnight, a resolve: two of
    these (of different kinds), or one next to distress or talk of death, make
    a crisis ("Everything is arranged. The letters are on the desk.").
    """
    # "Everything is arranged for the wedding": everyday plans explain the signs,
    # but not a word that is part of a sign itself ("sorting out who gets the boat").
    weak = _distinct([f for f in found if f[0] == "weak"], plain)
    explained = plain
    for _level, _rid, words in weak:
        explained = explained.replace(words, " ")
    # A secret kept is told for itself: "took dad's boat without a word" is not explained
    # by the boat.
    if _plans(explained, plain) or R.MARKERS["recovering"].search(explained):
        weak = [
            sign
            for sign in weak
            if sign[1] == "weak.secrecy" or not _explained(sign[2], plain, weak)
        ]
    rest = [f for f in found if f[0] != "weak"]
    # A farewell that plans to meet again ("love you all, see you tomorrow") is only that.
    if R.MARKERS["see_you"].search(plain):
        weak = [f for f in weak if f[1] != "weak.farewell"]
    # Each goodbye, arrangement or wait counts; a resolve ("this time") or a soft
    # farewell ("sorry", "love you all") counts once for its kind.
    once = ("weak.resolve", "weak.farewell")
    signs = {(rid, words) for _level, rid, words in weak if rid not in once}
    count = len(signs) + len({rid for _level, rid, _words in weak if rid in once})
    # ...unless the farewell is the whole message: "Love you. Sorry. Goodbye."
    if len({words for _level, rid, words in weak if rid == "weak.farewell"}) >= 3:
        count += 1
    # A past told as history ("il y a cinq ans je me faisais du mal") is not today's distress.
    history = _DISTANT_PAST.search(plain)
    distress = any(
        level == Level.CONCERN and not (history and rid.startswith("concern.past_"))
        for level, rid, _words in rest
    )
    farewell = any(rid == "weak.farewell" for _level, rid, _words in weak)
    # Talk of death elsewhere than in the sign itself: "counting the pills" names no death.
    # ...nor death words that belong to an everyday plan ("left with assisted dying").
    # ...nor a day that opens the message: that dates a journal entry ("Tuesday. Rain all day,
    # this week wants me dead lol"), and counts only beside another sign.
    unpaired = {"weak.date", "weak.secrecy"}
    death = any(rid != "weak.date" for _level, rid, _words in weak) and _DEATH_TOPIC.search(
        R.ACTIVITY.sub(" ", explained)
    )
    if history and any(rid.startswith("concern.past_") for _level, rid, _words in rest):
        death = None  # the death talked of is the past being told
    # A secret kept ("haven't told anyone") is a sign beside another, not beside distress.
    paired = {sign for sign in signs if sign[0] not in unpaired}
    if count >= 2 or ((paired or farewell) and distress) or death:
        words = " + ".join(w for _level, _rid, w in weak)
        rest.append((Level.CRISIS, "crisis.warning_signs", words))
    return rest


def prepare(text: str) -> str:
    """The plain form both readers work on: normalised, figures of speech blanked."""
    return _blank_idioms(normalize((text or "").replace("\n", " . ")))


def analyse(
    text: str, plain: str | None = None, cancelled: list[str] | None = None
) -> list[tuple[str, str, str]]:
    """Every (level, rule id, matched words) the rules find in `text`, in rule order.

    `cancelled` collects the matches the context cancelled (a negation, a story...).
    """
    plain = prepare(text) if plain is None else plain
    found: list[tuple[str, str, str]] = []
    quotes = others_quotes(text, plain)
    for rule in R.RULES:
        for m in rule.pattern.finditer(plain):
            weighed = _weigh(rule, plain, m, _around(m.start(), quotes))
            if weighed:
                found.append((*weighed, m.group(0)))
            elif cancelled is not None:
                cancelled.append(m.group(0))
    found += _third_person(plain)
    found += _acute(plain)
    if not any(level == Level.CRISIS for level, _rid, _words in found):
        found += _backstop(plain, quotes)
    found = _combine_weak(found, plain)
    if _PILL_TOPIC.search(plain):
        for m in _TAKE_ALL.finditer(plain):
            s_start, _ = _sentence(plain, m.start(), m.end())
            if not _negated(plain[s_start : m.start()]):
                found.append((Level.CRISIS, "crisis.act_now", m.group(0)))
    if _DEATH_TOPIC.search(plain):
        found += [(Level.CRISIS, "crisis.plan", m.group(0)) for m in _DO_IT.finditer(plain)]
    return found


def _leans_alone(plain: str, words: str, model: learned.Model) -> bool:
    """Whether a sentence that gave a rules' crisis leans to a crisis read alone,
    by the bar the lean uses (0, a coin toss, when the model ships no lean)."""
    bar = model.lean.crisis if math.isfinite(model.lean.crisis) else 0.0
    for part in words.split(" + "):  # warning signs come joined
        at = plain.find(part)
        if at < 0:
            continue
        start, end = _sentence(plain, at, at + len(part))
        alone = learned.read(plain[start:end])
        if alone is not None and alone.crisis >= bar:
            return True
    return False


def _learned(
    plain: str, found: list[tuple[str, str, str]], cancelled: list[str]
) -> list[tuple[str, str, str]]:
    """What the rules found, with the learned reader's word on it.

    It raises the level, and lowers only a rules' crisis that both its heads read as
    plainly harmless (see learned.Veto), and then only to a concern. Where
    the rules met the risk words and read them as negated or a story ("I would
    never...", "a film about a suicide"), only a confident crisis overrides them:
    grammar wins over vocabulary for the gentler concern.
    """
    reading = learned.read(plain)
    model = learned.model()
    if reading is None or model is None:
        return found
    levels = {level for level, _rid, _words in found}
    if (
        Level.CRISIS in levels
        and model.doubts(reading.crisis, reading.concern)
        and learned.has_context(plain)
    ):
        # Both heads read it as plainly harmless ("every caller was ready to die on the
        # hill of their broadband bill"): the rules' crisis becomes a gentle concern,
        # unless the sentence it stands in leans to a crisis on its own. A long happy day
        # reads harmless as a whole and can still hide one: "...and I've chosen the date".
        return [
            (Level.CONCERN, "concern.doubted_" + rid.split(".", 1)[1], w)
            if level == Level.CRISIS and rid not in UNDOUBTED and not _leans_alone(plain, w, model)
            else (level, rid, w)
            for level, rid, w in found
        ]
    # Where the rules read the risk words as explained ("I won't be here tomorrow, I'm off to
    # Madrid"), a leaning is not enough: only a confident crisis overrides them.
    # So where they read it as someone else's risk told from a distance ("my best friend told
    # me she's been cutting herself"): a concern by definition, which the lean must not raise.
    # A threat that waits on an annoyance ("if one more parent...") and an emergency told with
    # its happy ending are read the same way.
    distant = any(
        rid in ("concern.someone_at_risk", "concern.if_again", "concern.resolved")
        for _level, rid, _words in found
    )
    raises = (
        reading.crisis >= model.crisis.threshold
        if cancelled or distant
        else model.is_crisis(reading.crisis, reading.concern)
    )
    # A message that plans to meet again ("merci pour tout, à demain !") is, for the rules, only
    # a farewell: the words the learned reader weighs most there are the farewell's own.
    if raises and not found and R.MARKERS["see_you"].search(plain):
        raises = reading.crisis >= model.crisis.threshold + _SEE_YOU_MARGIN
    if Level.CRISIS not in levels and raises:
        return [*found, (Level.CRISIS, "crisis.learned", ", ".join(reading.crisis_words))]
    if Level.CRISIS not in levels:
        passage = _passage(plain)
        if passage and passage.crisis >= model.crisis.threshold + _PASSAGE_MARGIN:
            words = ", ".join(passage.crisis_words)
            return [*found, (Level.CRISIS, "crisis.learned_passage", words)]
    if not levels and not cancelled and reading.concern >= model.concern.threshold:
        return [*found, (Level.CONCERN, "concern.learned", ", ".join(reading.concern_words))]
    return found


def _passage(plain: str) -> learned.Reading | None:
    """The two sentences in a row of a long message that lean most to a crisis, read alone.

    A journal can bury its one line among ten calm ones ("the cafeteria closes at 7... I've
    found the footbridge over the ring road and I'm going as soon as dad is gone... the
    nurses are lovely"): the whole reads calm, the passage does not.
    """
    sentences = [s for s in _PASSAGE_SPLIT.split(plain) if len(s.split()) >= 3]
    if len(sentences) < 3:
        return None
    readings = [learned.read(f"{a} . {b}") for a, b in itertools.pairwise(sentences)]
    return max((r for r in readings if r is not None), key=lambda r: r.crisis, default=None)


def warm() -> None:
    """Compile the rules and load the model now, so that the first real answer is quick."""
    detect("warm up, nothing to see")


def detect(text: str, lang: str | None = None) -> Detection:
    """The level of risk in a user's message, with the rules and words behind it.

    `lang` is a hint only: both languages' rules always run, because people mix them.
    The rules read first; the learned model (learned.py) can raise their answer.
    """
    plain = prepare(text)
    cancelled: list[str] = []
    found = analyse(text, plain, cancelled)
    found = _learned(plain, found, cancelled)
    if not found:
        return Detection()
    found.sort(key=lambda f: Level.rank(f[0]))
    reasons: list[str] = []
    for _level, rid, words in found:
        reason = f"{rid}: '{_quote(words)}'"
        if reason not in reasons:
            reasons.append(reason)
    return Detection(found[0][0], reasons)
