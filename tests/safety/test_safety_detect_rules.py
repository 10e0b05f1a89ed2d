"""The detector, one rule family at a time, in English and French.

Each case is a message and the level it must get. The families follow the
issue: current intent and plans, self-harm, immediate danger (self and others),
abuse now; and what must NOT be a crisis: idioms, negation, the past,
third person at a distance, reported speech, jokes.
"""

from __future__ import annotations

import pytest

from coach.safety import Detection, Level, detect


def level(text: str, lang: str = "en") -> str:
    return detect(text, lang).level


CRISIS_EN = [
    "I want to kill myself",
    "i'm going to end my life tonight",
    "kms",
    "wanna unalive myself fr",
    "I'm planning to take all my sleeping pills",
    "I have been saving up my meds for this",
    "thinking about ending it all, really thinking",
    "I don't want to live anymore",
    "I'm not sure I want to be alive",
    "everyone would be better off without me",
    "I'm feeling suicidal",
    "I wrote my goodbye letters",
    "how many tylenol would it take to die",
    "I'm on the ledge of my building",
    "I just swallowed a bunch of pills",
    "I want to stab myself",
    "I'm so close to killing myself",
]
CRISIS_FR = [
    "Je veux me suicider",
    "jveux mourir",
    "chui à bout jvais en finir ce soir",
    "Je n'ai plus envie de vivre",
    "jveux plus vivre",
    "J'vais me foutre en l'air",
    "J'ai écrit ma lettre d'adieu",
    "J'ai mis des somnifères de côté pour ce soir",
    "Je suis au bord du pont",
    "J'ai pris 40 comprimés",
    "Combien de cachets pour mourir ?",
    "tout le monde serait mieux sans moi",
    "je pense de plus en plus à me tuer",
    "je ne pense qu'à mourir",
    "J'ai envie de me poignarder",
    "Je me sens suicidaire",
]


@pytest.mark.parametrize("text", CRISIS_EN)
def test_crisis_en(text: str) -> None:
    assert level(text) == Level.CRISIS


@pytest.mark.parametrize("text", CRISIS_FR)
def test_crisis_fr(text: str) -> None:
    assert level(text, "fr") == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "I keep cutting myself tonight",
        "I burn myself every night to feel something",
        "relapsed on sh last night, fresh cuts",
        "I want to hurt myself so badly",
        "Je me suis encore scarifiée ce soir",
        "J'ai envie de me couper",
        "je me brûle avec un briquet",
    ],
)
def test_self_harm_now_is_crisis(text: str) -> None:
    assert level(text) == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "I can't promise I won't hurt myself",
        "not sure I can keep myself safe tonight",
        "I don't trust myself tonight",
        "je ne suis pas sûr de pouvoir m'empêcher de le faire",
        "Je ne peux pas te promettre que je ne vais pas me faire de mal",
        "j'ai peur de faire une bêtise",
    ],
)
def test_cannot_stay_safe_is_crisis(text: str) -> None:
    assert level(text) == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my friend took a lot of pills and she is not waking up",
        "My dad is unconscious and not breathing",
        "ma coloc a pris plein de cachets et elle ne se réveille pas",
        "mon frère ne respire plus",
        "my brother says he's going to kill himself tonight",
        "mon ami vient de m'envoyer un message d'adieu",
    ],
)
def test_someone_else_in_danger_now_is_crisis(text: str) -> None:
    assert level(text) == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my boyfriend is hitting me right now",
        "he said he's going to kill me when he gets home",
        "I'm not safe at home",
        "Mon mari me frappe",
        "Il a menacé de me tuer",
        "Je ne suis pas en sécurité chez moi",
        "I want to hurt someone, I have a knife",
    ],
)
def test_abuse_or_danger_to_others_is_crisis(text: str) -> None:
    assert level(text) == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("This exam is killing me", "en"),
        ("I'm dying to see you", "en"),
        ("lol I'm dead 😂", "en"),
        ("I killed it at work today", "en"),
        ("we were killing time", "en"),
        ("I could kill for a coffee", "en"),
        ("I'd rather die than wear that", "en"),
        ("I cut myself shaving", "en"),
        ("my phone died", "en"),
        ("the suicide squad film", "en"),
        ("Je meurs de faim", "fr"),
        ("Ce film m'a tué", "fr"),
        ("mort de rire", "fr"),
        ("Je m'ennuie à mourir", "fr"),
        ("je me tue à vous le dire", "fr"),
        ("il faut que j'en finisse avec ce dossier", "fr"),
        ("Ma mère va me tuer si je rentre tard", "fr"),
        ("Je me suis coupé le doigt en cuisinant", "fr"),
    ],
)
def test_idioms_are_not_risk(text: str, lang: str) -> None:
    assert level(text, lang) == Level.NONE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I would never kill myself", "en"),
        ("I'm not going to hurt myself, I promise", "en"),
        ("I have no intention of ending my life", "en"),
        ("I don't want to die", "en"),
        ("I'm not suicidal, just tired", "en"),
        ("Je ne vais pas me tuer", "fr"),
        ("Je ne me tuerais jamais", "fr"),
        ("Je n'ai aucune intention de me faire du mal", "fr"),
        ("jveux pas mourir", "fr"),
    ],
)
def test_negation_cancels(text: str, lang: str) -> None:
    assert level(text, lang) == Level.NONE


def test_negation_does_not_reach_across_a_new_clause() -> None:
    assert level("I don't know why I want to die") == Level.CRISIS
    assert level("i can't do this anymore i just want to stop existing") == Level.CRISIS
    assert level("je sais pas pourquoi je veux mourir", "fr") == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I used to self-harm, 2 years clean", "en"),
        ("I attempted suicide when I was 16", "en"),
        ("I had suicidal thoughts in the past", "en"),
        ("Je me scarifiais au lycée", "fr"),
        ("J'ai fait une tentative il y a cinq ans", "fr"),
        ("Mon ex me frappait", "fr"),
        ("my ex used to hit me", "en"),
    ],
)
def test_the_past_is_concern_not_crisis(text: str, lang: str) -> None:
    assert level(text, lang) == Level.CONCERN


def test_a_recent_past_stays_crisis() -> None:
    assert level("I tried to kill myself last night") == Level.CRISIS
    assert level("J'ai fait une tentative de suicide hier soir", "fr") == Level.CRISIS
    assert level("I used to cut but I did it again tonight") == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'm worried about my friend", "en"),
        ("My sister wants to die", "en"),
        ("my best friend told me she's been cutting herself", "en"),
        ("Je m'inquiète pour mon frère", "fr"),
        ("Ma meilleure amie m'a dit qu'elle se scarifie", "fr"),
        ("mon fils parle de mourir", "fr"),
    ],
)
def test_someone_else_at_a_distance_is_concern(text: str, lang: str) -> None:
    assert level(text, lang) == Level.CONCERN


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I feel so hopeless", "en"),
        ("I wish I could sleep and never wake up", "en"),
        ("what's the point of living", "en"),
        ("I drink every night to forget", "en"),
        ("Je n'en peux plus", "fr"),
        ("J'aimerais ne plus me réveiller", "fr"),
        ("à quoi bon", "fr"),
        ("Je bois tous les soirs pour oublier", "fr"),
        ("j'ai envie de disparaître", "fr"),
    ],
)
def test_distress_is_concern(text: str, lang: str) -> None:
    assert level(text, lang) == Level.CONCERN


def test_reported_speech_is_bullying_not_intent() -> None:
    found = detect("people at school keep telling me to kill myself")
    assert found.level == Level.CONCERN
    assert any(r.startswith("concern.bullied_to_harm") for r in found.reasons)


def test_a_laugh_softens_hyperbole_to_concern() -> None:
    assert level("kms lol") == Level.CONCERN
    assert level("kms") == Level.CRISIS


def test_a_signal_buried_in_a_long_message_is_found() -> None:
    filler = "Work was fine, I had lunch with a colleague, the bus was late again. " * 30
    text = filler + "Honestly I'm planning to kill myself this weekend. " + filler
    assert level(text) == Level.CRISIS


def test_reasons_name_the_rule_and_the_words() -> None:
    found = detect("I want to kill myself")
    assert isinstance(found, Detection)
    assert found.is_crisis and not found.is_concern
    assert any(r.startswith("crisis.") and "kill myself" in r for r in found.reasons)
    assert detect("hello").reasons == []
    assert detect("").level == Level.NONE


def test_languages_mix_and_the_hint_is_only_a_hint() -> None:
    assert level("jveux mourir", "en") == Level.CRISIS
    assert level("I want to die", "fr") == Level.CRISIS


def test_deterministic() -> None:
    text = "Je pense à en finir, vraiment."
    assert {detect(text, "fr").level for _ in range(5)} == {Level.CRISIS}


def test_warning_signs_count_when_two_come_together() -> None:
    two = "Everything is arranged. The letters are on the desk. I just need to wait until midnight."
    assert level(two) == Level.CRISIS
    assert any(r.startswith("crisis.warning_signs") for r in detect(two).reasons)
    assert level("Tout est réglé. J'attends juste minuit.", "fr") == Level.CRISIS
    # one sign alone, or signs explained by an everyday plan, are not a crisis
    assert level("Everything is arranged.") == Level.NONE
    assert (
        level("Everything is arranged for the wedding, the letters are on the desk") == Level.NONE
    )
    assert level("This time I'm going to pass my driving test") == Level.NONE


def test_means_explained_by_an_activity_are_not_a_plan() -> None:
    assert level("I've got the rope for the climbing trip ready") == Level.NONE
    assert level("I've got a noose ready in the garage") == Level.CRISIS


def test_someone_in_a_story_is_not_at_risk() -> None:
    assert level("We watched a film about a man who survived a suicide attempt") == Level.NONE
    assert level("Le méchant du film essaie de se tuer à la fin", "fr") == Level.NONE
    assert level("I watched a film and now I want to die") == Level.CRISIS


def test_voices_commanding_harm_are_a_crisis_not_reported_speech() -> None:
    assert level("i keep hearing a voice telling me to hurt myself") == Level.CRISIS
    assert level("j'entends une voix qui me dit de me faire du mal", "fr") == Level.CRISIS


def test_indirect_wording_of_intent() -> None:
    for text, lang in [
        ("I'm not going to be a problem much longer, I've sorted it", "en"),
        ("the only thing stopping me was my dog and he died. nothing is stopping me now", "en"),
        ("been stockpiling my sertraline for a month", "en"),
        ("Je ne serai plus un problème très longtemps, j'ai tout réglé", "fr"),
        ("il faut que je meure", "fr"),
        ("plus rien ne me retient maintenant", "fr"),
    ]:
        assert level(text, lang) == Level.CRISIS, text


def test_a_passive_wish_stays_a_concern() -> None:
    assert level("Sometimes I wish I could just go to sleep and not wake up") == Level.CONCERN
    assert level("I think about death every day") == Level.CONCERN
    assert level("I want to go to sleep and not wake up, I took everything in the cabinet") == (
        Level.CRISIS
    )


def test_discourse_markers_are_not_negations() -> None:
    assert level("ngl ive been cutting again every night this week") == Level.CRISIS
    assert level("jte mens pas je me scarifie tous les soirs", "fr") == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'm going to top myself this weekend", "en"),
        ("thinking of self deleting tbh", "en"),
        ("I'm going to blow my brains out", "en"),
        ("je vais m'enlever la vie", "fr"),
        ("j'ai pu le goût de vivre, je suis à boutte", "fr"),
        ("jvais me faire sauter le caisson", "fr"),
    ],
)
def test_regional_and_internet_slang(text: str, lang: str) -> None:
    assert level(text, lang) == Level.CRISIS


def test_doubt_before_the_act_is_a_negation_but_not_before_living() -> None:
    assert level("I don't think I'd ever actually do it, but I think about dying a lot") == (
        Level.CONCERN
    )
    assert level("Je ne pense pas que je passerais à l'acte", "fr") == Level.NONE
    assert level("I don't think I want to live anymore") == Level.CRISIS
    assert level("je ne pense pas que je veux vivre encore", "fr") == Level.CRISIS
    assert level("I don't think I can stop myself tonight") == Level.CRISIS


def test_after_an_attempt_a_new_attempt_announced_is_a_crisis() -> None:
    text = "my mum found me and called an ambulance but I'm going to try again when I get home"
    assert level(text) == Level.CRISIS
    assert level("I'm going to try again at the exam next month") == Level.NONE


def test_an_urge_being_handled_is_a_concern() -> None:
    text = "I've been having urges to self-harm again but I'm using my coping skills"
    assert level(text) == Level.CONCERN
    assert level("I've been having urges to self-harm again") == Level.CRISIS


def test_figures_of_drowning_are_not_a_method() -> None:
    assert level("Je me noie sous la paperasse", "fr") == Level.NONE
    assert level("I'm drowning in paperwork") == Level.NONE
    assert level("J'ai l'impression de me noyer et personne ne le remarque", "fr") == Level.CONCERN
    assert level("Je vais me noyer ce soir", "fr") == Level.CRISIS


def test_the_backstop_catches_unforeseen_wording_with_its_filters() -> None:
    found = detect("honestly dying tonight sounds good to me")
    assert found.is_crisis and any(r.startswith("crisis.backstop") for r in found.reasons)
    assert level("overdose tonight, that is my plan") == Level.CRISIS
    # the filters still hold: someone else, a phone, the past, a negation
    assert level("My grandad is dying and we're visiting him tomorrow") == Level.NONE
    assert level("I need to charge my phone, it is dying") == Level.NONE
    assert level("I'd never want to die, I love my life") == Level.NONE
    assert level("I want to see Japan before I die") == Level.NONE


def test_a_farewell_that_plans_to_meet_again_is_only_a_farewell() -> None:
    assert level("Sorry! I love you all, see you tomorrow") == Level.NONE
    assert level("Je vous aime tous, merci pour tout, à demain !", "fr") == Level.NONE
    assert level("I'm sorry. I love you all. I can't do this anymore. Goodbye.") == Level.CRISIS
    assert level("Pardon. Je vous aime tous. Je n'en peux plus. Adieu.", "fr") == Level.CRISIS
