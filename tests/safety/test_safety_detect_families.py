"""Families of wording found by the fresh sets of the second session (holdout34-45).

Each test holds a family, in both languages where it exists, with the risk it
must still catch next to the harmless wording it must let pass.
"""

from __future__ import annotations

import pytest
from safety_levels import level, rules_level

from coach.safety import Level, detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("totally shot myself in the foot by agreeing to cover the weekend", "en"),
        ("je me suis tiré une balle dans le pied en acceptant ce dossier", "fr"),
        ("gonna smash this deadlift today or die trying", "en"),
        ("is it normal to feel like dying after leg day?", "en"),
        ("envie de mourir après la séance de jambes, j'arrive plus à marcher", "fr"),
        ("if I have to read one more footnote I'm going to die", "en"),
        ("the kids are going to kill me with these holidays", "en"),
        ("les gamins vont me tuer avec ces vacances", "fr"),
        ("ce trajet va me tuer, deux heures de RER par jour", "fr"),
        ("encore 40 pages de biblio, jvais crever", "fr"),
    ],
)
def test_exasperation_and_effort_are_figures_of_speech(text: str, lang: str) -> None:
    assert level(text, lang) != Level.CRISIS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ce mec va me tuer, il me suit depuis la gare", "fr"),
        ("mon mari va me tuer avec ce fusil, il est dans la cuisine", "fr"),
        ("he's going to kill me with that knife, he's outside the door", "en"),
    ],
)
def test_a_real_threat_with_the_same_words_stays_a_crisis(text: str, lang: str) -> None:
    assert level(text, lang) == Level.CRISIS


def test_saying_one_does_not_mean_it_is_a_negation() -> None:
    assert level("I'm not saying I want to die, I'm just so tired of this job") != Level.CRISIS
    text = "je dis pas que je veux me faire du mal hein, je veux juste râler sur mon chef"
    assert level(text, "fr") == Level.NONE
    assert level("I want to die") == Level.CRISIS


def test_quebec_tonight_and_first_person_are_read() -> None:
    assert level("chu tanné de vivre, j'vas me tuer à soir", "fr") == Level.CRISIS
    assert level("j'vas au cinéma à soir avec ma blonde", "fr") == Level.NONE


def test_a_journey_explains_an_absence_however_it_is_told() -> None:
    assert level("je serai plus là vendredi, je pars une semaine à Lisbonne", "fr") == Level.NONE
    # the learned reader, retrained on 28,069 messages, reads a gentle concern in it
    assert rules_level("won't be here friday, I'm off for a week to Lisbon") == Level.NONE
    assert level("je serai plus là vendredi. j'ai tout préparé, adieu", "fr") == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("bought a rope and some pulleys to hang the bike from the garage ceiling", "en"),
        ("j'ai acheté une corde de 60 m pour une grande voie, quel noeud pour s'encorder ?", "fr"),
        ("je donne toutes mes affaires avant de déménager à Montréal, qui veut un canapé ?", "fr"),
    ],
)
def test_what_a_rope_or_giving_away_is_for(text: str, lang: str) -> None:
    assert level(text, lang) == Level.NONE


# Messages of the corpus that no rule names: the learned reader (learned.py) has to
# carry them, and the harmless twin written next to one must stay calm.
INDIRECT = [
    (
        "gave my main acc and all my skins to my duo, told him gg it was fun. "
        "logging off permanently after this one",
        "en",
    ),
    (
        "notes written, phone charged so they can find the passcode, just waiting for the house",
        "en",
    ),
    ("les lettres sont ecrites, j'ai laissé le code du tel sur le frigo, j'attends", "fr"),
    (
        "chu dans mon char dans le garage pis le moteur tourne, j'ai ferme la porte comme il faut",
        "fr",
    ),
]


@pytest.mark.parametrize(("text", "lang"), INDIRECT)
def test_indirect_plans_reach_the_sos(text: str, lang: str) -> None:
    found = detect(text, lang)
    assert found.level == Level.CRISIS
    # What the rules do not know yet, the learned reader must catch.
    if rules_level(text) != Level.CRISIS:
        assert any(reason.startswith("crisis.learned") for reason in found.reasons)


def test_the_harmless_twin_of_an_indirect_plan_stays_calm() -> None:
    assert level("notes written, phone charged, just waiting for the exam hall to open") == (
        Level.NONE
    )


def test_ones_own_death_as_an_event_to_plan() -> None:
    assert level("ma mort est prévue pour dimanche", "fr") == Level.CRISIS
    assert level("organiser ma mort me calme, ce sera dimanche", "fr") == Level.CRISIS
    assert level("my death is planned for friday") == Level.CRISIS
    assert level("I planned my suicide two years ago, I'm in a good place now") == Level.CONCERN
    assert level("je ne prépare pas ma mort, je prépare mes vacances", "fr") == Level.NONE
    assert level("doing some swedish death cleaning this weekend") == Level.NONE
    assert level("preparing my death metal playlist for the drive") == Level.NONE


@pytest.mark.parametrize(
    "text", ["I feel safe now", "I am safe, thanks for asking", "i feel safe with my therapist"]
)
def test_feeling_safe_is_not_a_danger(text: str) -> None:
    assert level(text) == Level.NONE


def test_not_feeling_safe_is() -> None:
    assert level("i don't feel safe at home") == Level.CRISIS
    assert level("i'm not safe here") == Level.CRISIS
    assert level("je ne me sens pas en sécurité chez moi", "fr") == Level.CRISIS


def test_someone_nearly_killed_the_user() -> None:
    assert level("my husband nearly killed me last night") == Level.CRISIS
    assert level("mon mari m'a presque tuée hier soir", "fr") == Level.CRISIS
    assert level("mon copain a failli me tuer hier, il m'a serré le cou", "fr") == Level.CRISIS
    assert level("my ex nearly killed me ten years ago, I'm safe now") == Level.CONCERN
    assert level("my dad is killing me, he won't stop hitting") == Level.CRISIS
    assert level("the rollercoaster nearly killed me") == Level.NONE
    assert level("my boss is killing me with these deadlines") == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "il va me tuer quand il va rentrer, il a bu",
        "il va me tuer si je le quitte",
        "mon père va me tuer quand il rentre, il a encore bu",
        "mon frère va me tuer, il a un couteau",
    ],
)
def test_a_threat_at_home_is_not_a_figure_of_speech(text: str) -> None:
    assert level(text, "fr") == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "ma mère va me tuer si elle voit mes notes",
        "mon frère va me tuer jai perdu sa manette",
        "mon ordi va crever et moi avec, encore 3 pages de mémoire",
        "je vais crever sur le canap toute la journée après cette soirée",
        "ce DM de maths va me tuer, ça fait 4h que je bloque",
        "acheté une corde de 60m pour grimper en falaise samedi",
        "on m'a offert un saut à l'élastique, sauter d'un pont ça me terrorise mais jvais le faire",
    ],
)
def test_french_everyday_hyperbole_and_sport(text: str) -> None:
    assert level(text, "fr") != Level.CRISIS


def test_a_bare_suicidal_and_a_rehearsal() -> None:
    assert level("suicidal. really bad. like tonight bad") == Level.CRISIS
    assert level("suicidaire. grave. genre ce soir grave", "fr") == Level.CRISIS
    assert level("put the rope over the beam to see if it would hold my weight. it held.") == (
        Level.CRISIS
    )
    assert level("j'ai testé si la corde supporte mon poids, elle tient", "fr") == Level.CRISIS
    assert level("the hammock held my weight, best purchase ever") == Level.NONE


def test_pills_swallowed_now_one_by_one() -> None:
    assert level("j'avale mes comprimés un par un, j'en suis à douze", "fr") == Level.CRISIS
    assert level("je suis en train davaler mes comprimes un par un", "fr") == Level.CRISIS
    assert level("I'm swallowing my pills one by one, I'm on number 9") == Level.CRISIS
    assert level("j'avale mes comprimés le matin avec un verre d'eau", "fr") == Level.NONE
    assert level("je prends mes médocs tous les soirs comme prescrit", "fr") == Level.NONE
    assert level("taking my pills with breakfast as usual") == Level.NONE


def test_cutting_verbs_beyond_cut() -> None:
    assert level("gonna slice my arms up tonight, cant fight the urge any longer") == Level.CRISIS
    assert level("slicing my bread for the toast") == Level.NONE


def test_an_overdose_of_the_user_told_with_the_verb() -> None:
    assert level("I overdosed last night") == Level.CRISIS
    assert level("I overdosed on pills last night") == Level.CRISIS
    assert level("I overdosed when I was 19, I'm 40 now and well") == Level.CONCERN
    assert level("overdosed on netflix this weekend lol") == Level.NONE
    assert level("j'ai fait une overdose de raclette ce weekend, plus jamais", "fr") == Level.NONE
    assert level("j'ai fait une overdose de médicaments hier", "fr") == Level.CRISIS


def test_the_topic_of_a_lesson_is_not_the_users_own() -> None:
    assert level("we studied suicidal ideation in psych class") == Level.NONE
    assert level("lecture on suicidal thoughts in teenagers today, fascinating") == Level.NONE
    assert level("je fais un exposé sur les idées suicidaires chez les ados", "fr") == Level.NONE
    assert level("in class today I had suicidal thoughts again") == Level.CRISIS
    assert level("je pense au suicide pendant mon exposé", "fr") == Level.CRISIS
    text = "writing an essay on suicide prevention, and honestly I want to die"
    assert level(text) == Level.CRISIS
    assert level("studying for exams is pointless, going to kill myself tonight") == Level.CRISIS
