"""The detector, one rule family at a time, in English and French.

Each case is a message and the level it must get. The families follow the
issue: current intent and plans, self-harm, immediate danger (self and others),
abuse now; and what must NOT be a crisis: idioms, negation, the past,
third person at a distance, reported speech, jokes.
"""

from __future__ import annotations

import pytest
from safety_levels import rules_level

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
    "everyone would be better off if I was dead",
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
    "tout le monde serait mieux si j'étais morte",
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
    # The rules' reading; the learned reader's lean may raise a bare "je n'en peux plus" to a
    # crisis (docs/safety.md, the lean). The benchmark measures that side.
    assert rules_level(text) == Level.CONCERN
    assert level(text, lang) != Level.NONE


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
    text = "Everything is arranged for the wedding, the letters are on the desk"
    assert (
        rules_level(text) == Level.NONE
    )  # the rules' reading: the learned reader (bar +3.50) raises it, see docs/safety.md
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


def test_goodbye_letters_things_given_away_and_a_resolve_add_up() -> None:
    assert level("wrote letters for my mum and my dad. this is my last entry") == Level.CRISIS
    assert level("gave my cat to my aunt. won't need her where I'm going") == Level.CRISIS
    assert level("I've decided. Everything is set up.") == Level.CRISIS
    assert level("J'ai écrit une lettre à mon père. Demain je serai plus là.", "fr") == Level.CRISIS
    # one sign alone, or everyday plans, are not a crisis
    assert (
        rules_level("wrote letters to my pen pals today") == Level.NONE
    )  # the rules' reading: the learned reader (bar +3.50) raises it, see docs/safety.md
    text = "I've decided. Everything is set up for the party on saturday"
    assert (
        rules_level(text) == Level.NONE
    )  # the rules' reading: the learned reader (bar +3.50) raises it, see docs/safety.md


def test_a_high_place_weighed_up_is_a_crisis() -> None:
    assert level("been thinking about the overpass near work. it's high enough") == Level.CRISIS
    assert level("je pense au pont près de chez moi. il est assez haut", "fr") == Level.CRISIS
    assert level("the new bridge is high enough for the trucks to pass") == Level.NONE


def test_pills_put_aside_in_french_word_order() -> None:
    assert level("j'ai mis de côté mes somnifères depuis un mois", "fr") == Level.CRISIS
    assert level("je stocke des cachets dans ma table de nuit", "fr") == Level.CRISIS


def test_a_participle_typed_as_an_infinitive_is_read_as_the_participle() -> None:
    assert level("j'ai acheter une corde hier", "fr") == Level.CRISIS
    assert level("j'ai hier acheté du pain, j'ai super faim", "fr") == Level.NONE


def test_afraid_to_go_home_with_the_danger_named_is_abuse_now() -> None:
    text = "j'ai peur de rentrer chez moi ce soir, il est ivre et il a cassé la porte"
    assert level(text, "fr") == Level.CRISIS
    assert level("scared to go home tonight, he's drunk and broke the tv") == Level.CRISIS
    assert level("scared to go home, my mum will see my grades") != Level.CRISIS


def test_an_ongoing_span_is_not_the_past() -> None:
    # "depuis des mois" with the present is still going on; "for years" after
    # "wanted to" is not "a cake to die for"
    assert level("je veux mourir depuis des mois", "fr") == Level.CRISIS
    assert level("I've wanted to die for years") != Level.NONE
    assert level("i relapsed on sh last month, been ok since") == Level.CONCERN


def test_school_and_work_wear_one_out_they_do_not_threaten() -> None:
    assert level("ce prof va me tuer avec ses contrôles surprise", "fr") == Level.NONE
    assert level("this teacher is killing me with these quizzes") == Level.NONE
    assert level("il va me tuer avec un couteau", "fr") == Level.CRISIS
    assert level("he is killing me with a knife") == Level.CRISIS


def test_spoken_french_distress_is_a_concern() -> None:
    assert level("parfois j'aimerais m'endormir et pas me réveiller", "fr") == Level.CONCERN
    assert level("je me sens comme un poids pour tout le monde", "fr") == Level.CONCERN
    assert level("jsuis à bout, je pleure tout le temps", "fr") == Level.CONCERN
    assert level("drank 10 beers alone again tonight, every night this week") == Level.CONCERN


def test_a_firearm_or_an_exhaust_hose_made_ready_is_a_crisis() -> None:
    assert level("got dad's rifle out of the safe, sitting with it in the car") == Level.CRISIS
    assert level("J'ai sorti le pistolet, il est chargé sur la table", "fr") == Level.CRISIS
    assert level("the pipe is taped to the exhaust now") == Level.CRISIS
    assert level("Cleaning my rifle before deer season opens Saturday.") == Level.NONE


def test_minimised_farewells_add_up() -> None:
    text = "Sorted the life insurance so the kids are covered. Tonight's the night."
    assert level(text) == Level.CRISIS
    assert level("Don't look for me, I'll be at the river.") == Level.CRISIS
    assert level("Just working out who gets the car. Won't be around to drive it.") == Level.CRISIS
    assert level("Tout est vu avec le notaire. Ce soir je rejoins Jean.", "fr") == Level.CRISIS
    assert level("Finished my will with the solicitor today, off to the pub after.") == Level.NONE


def test_stopping_what_keeps_one_alive_counts_with_distress() -> None:
    assert level("nobody would miss me. I'm stopping my insulin.") == Level.CRISIS
    assert level("je ne sers plus à rien, j'arrête mon insuline", "fr") == Level.CRISIS
    assert level("I'm stopping my blood thinners on the surgeon's advice") == Level.NONE


def test_someone_else_unresponsive_after_pills_is_an_emergency() -> None:
    text = "mon fils a avalé des cachets de sa grand-mère, il ne réagit plus"
    assert level(text, "fr") == Level.CRISIS
    assert level("my sister took a load of tablets and now she's not responding") == Level.CRISIS


def test_a_death_by_suicide_remembered_is_a_loss_not_a_risk() -> None:
    assert level("My mate took his own life in the 90s, we raised a glass to him") == Level.NONE
    assert level("Mon oncle s'est suicidé quand j'avais 5 ans", "fr") == Level.NONE
    assert level("My uncle died by suicide last year and I fear I'll end up the same") == (
        Level.CONCERN
    )
    assert level("my brother says he wants to kill himself tonight") == Level.CRISIS


def test_a_rope_or_a_place_explained_by_its_use() -> None:
    text = "J'ai acheté une corde pour attacher le sapin sur le toit de la voiture"
    assert level(text, "fr") == Level.NONE
    assert level("je me tue à lui répéter de ranger sa chambre", "fr") == Level.NONE
    assert level("Took the grandkids to the cliffs for a picnic, lovely views") == Level.NONE


def test_older_adults_distress_is_a_concern() -> None:
    assert level("Been on the whisky most nights since the divorce") == Level.CONCERN
    assert level("Je ne vois plus le bout du tunnel", "fr") == Level.CONCERN
    assert level("je n'ai plus goût à rien", "fr") == Level.CONCERN
    assert level("the world wouldn't notice if I didn't wake up") == Level.CONCERN
    assert level("My daughter has scars on her arms, I don't believe the cat story") == (
        Level.CONCERN
    )


def test_second_language_calques_of_ending_ones_life() -> None:
    assert level("I have decided to stop my life this weekend") == Level.CRISIS
    assert level("I want finish with my life") == Level.CRISIS
    assert level("Je veux finir avec ma vie ce soir", "fr") == Level.CRISIS
    assert level("Je veux finir ma vie en Bretagne, au calme", "fr") == Level.NONE


def test_violence_just_done_in_english_and_quebec_french() -> None:
    assert level("he pushed me down the stairs and locked the door") == Level.CRISIS
    assert level("she grabbed me by the throat again") == Level.CRISIS
    assert level("mon chum m'a pognée à la gorge", "fr") == Level.CRISIS
    assert level("he threw me a towel after the swim") == Level.NONE


def test_an_overdose_taken_is_a_crisis_unless_long_past() -> None:
    assert level("I took an overdose") == Level.CRISIS
    assert level("Last year I had an overdose, now I'm better") == Level.CONCERN


def test_a_note_to_whoever_finds_it_and_waiting_for_the_others_to_leave() -> None:
    text = "Mum, if you read this, it is not your fault. I love you. I'm sorry for the mess."
    assert level(text) == Level.CRISIS
    text = "bought another pack of blades, going to use them all when my flatmate leaves"
    assert level(text) == Level.CRISIS
    text = "J'ai écrit à chacun un dernier mot. Je suis en paix maintenant."
    assert level(text, "fr") == Level.CRISIS
    # "If you read this, it's not your fault the cake burned!" was a harmless twin here:
    # the learned reader now takes its note-like words for a crisis. docs/safety.md keeps
    # it among the known false alarms; a warning too many is the side to err on.


def test_a_height_or_a_dose_weighed_up_is_a_crisis() -> None:
    assert level("I searched how many floors is enough") == Level.CRISIS
    text = "Je me suis renseignée sur la dose de paracétamol qu'il faut"
    assert level(text, "fr") == Level.CRISIS


def test_a_platform_or_a_river_named_for_tonight_adds_up() -> None:
    text = "Je suis sur le quai, le prochain train passe sans s'arrêter"
    assert level(text, "fr") == Level.CRISIS
    assert level("there is no point waiting anymore. tonight I go to the river.") == Level.CRISIS
    assert level("Going to jump on the train to London this weekend") == Level.NONE


def test_someone_else_announcing_it_or_shut_in_with_a_means_is_an_emergency() -> None:
    text = "my daughter (15) just texted me 'goodbye mum i love you' and she's not answering"
    assert level(text) == Level.CRISIS
    text = "ma soeur a texté qu'elle va se jeter en bas du pont"
    assert level(text, "fr") == Level.CRISIS
    text = "Mon ado s'est enfermé dans sa chambre avec une corde, il répond plus"
    assert level(text, "fr") == Level.CRISIS


def test_a_parents_worry_and_quiet_distress_are_concerns() -> None:
    text = "my son searched 'how to die painless' on the family computer"
    assert level(text) == Level.CONCERN
    assert level("my flatmate hasn't left her room in a week") == Level.CONCERN
    assert level("J'ai l'impression d'être de trop partout", "fr") == Level.CONCERN
    assert level("Des fois je souhaite qu'un accident m'arrive", "fr") == Level.CONCERN
    assert level("J'en peux plus de ce froid, vivement l'été", "fr") == Level.NONE
    assert level("jpp de cette vie", "fr") == Level.CONCERN


def test_an_urge_to_harm_a_baby_is_a_crisis() -> None:
    text = "baby won't stop crying and I keep thinking about putting a pillow over her face"
    assert level(text) == Level.CRISIS
    assert level("Le bébé pleure et j'ai envie de le secouer fort", "fr") == Level.CRISIS
    assert level("Shaking the baby's rattle makes her laugh") == Level.NONE


def test_means_lined_up_or_a_noose_made_is_a_crisis() -> None:
    assert level("the pills are lined up on the counter") == Level.CRISIS
    assert level("i've got a noose in my closet") == Level.CRISIS
    assert level("tied a noose for the halloween decoration on the porch") == Level.NONE


def test_self_harm_told_without_a_subject() -> None:
    assert level("cutting rn, can't stop") == Level.CRISIS
    assert level("burning myself with a lighter to feel something") == Level.CRISIS
    assert level("cutting onions right now for the soup") == Level.NONE


def test_a_threat_with_a_time_set_and_being_watched_now() -> None:
    text = "my dad said he'll beat me when he gets home, he gets off work at 6"
    assert level(text) == Level.CRISIS
    text = "mon père a dit que ce soir il allait me massacrer"
    assert level(text, "fr") == Level.CRISIS
    assert level("my ex says he's parked outside my flat") == Level.CRISIS
    assert level("mon ex est en bas de chez moi et m'envoie des menaces de mort", "fr") == (
        Level.CRISIS
    )


def test_a_gamers_farewell_adds_up() -> None:
    assert level("gg i'm logging off for good. tell the squad it was fun") == Level.CRISIS
    text = "GG les gars, je déco pour de bon. Merci pour tout, vous étiez les meilleurs"
    assert level(text, "fr") == Level.CRISIS
    # the rules' side: the learned reader, retrained, scores it just over its threshold
    assert rules_level("gg everyone, logging off for tonight, see you tomorrow") == Level.NONE


def test_ready_and_no_longer_afraid_add_up() -> None:
    assert level("je me sens prête à partir, j'ai plus peur", "fr") == Level.CRISIS
    assert level("je suis prête à partir en vacances, j'ai plus peur de l'avion", "fr") == (
        Level.NONE
    )


def test_a_time_of_day_is_not_an_age_in_the_past() -> None:
    # "at 6" is when he gets home, not "when I was six"
    assert level("he will hurt me when he gets home at 6") == Level.CRISIS
    assert level("I started cutting at 15, I've been clean since") == Level.CONCERN


def test_burnout_and_a_parents_guilt_are_concerns() -> None:
    assert level("burnout is crushing me, i cry in the toilets at work every day") == (
        Level.CONCERN
    )
    assert level("Je suis en burn-out, je n'arrive plus à me lever le matin", "fr") == (
        Level.CONCERN
    )
    text = "ever since the baby i feel like a bad mum and that they'd be better with someone else"
    assert level(text) == Level.CONCERN
    assert level("je bois seule le soir pour supporter le boulot", "fr") == Level.CONCERN


def test_one_stretch_of_text_is_one_warning_sign() -> None:
    # "everything is set" and "everything is set up" are one sign, not two
    assert level("We're shooting the final scene tomorrow, everything is set up") == Level.NONE
    # the pills in "counting the pills" are the sign itself, not talk of death beside it
    text = "Counting the pills in my blister pack to check the pharmacy got it right"
    assert rules_level(text) == Level.NONE  # the learned reader scores it +4.07, at its bar
    assert level("J'ai acheté une corde à sauter pour le sport", "fr") == Level.NONE
    text = "Je suis sur le quai, le train passe sans s'arrêter, encore en retard ce matin"
    assert rules_level(text) == Level.NONE


# Session 10's last model read it +3.32 against a bar of +3.25 (the learned reader alone);
# session 11 taught it trains that do not stop (train67).
def test_a_late_train_on_the_platform_is_not_a_crisis() -> None:
    text = "Je suis sur le quai, le train passe sans s'arrêter, encore en retard ce matin"
    assert level(text, "fr") == Level.NONE


def test_voices_that_set_a_task_are_a_crisis_voices_that_insult_a_concern() -> None:
    assert level("the voices say I have to do it tonight or my family dies") == Level.CRISIS
    text = "Les voix me disent que je dois le faire cette nuit"
    assert level(text, "fr") == Level.CRISIS
    assert level("sometimes I hear whispers telling me I'm worthless") == Level.CONCERN


def test_a_car_charcoal_or_a_loaded_gun_is_a_crisis() -> None:
    assert level("I'm in the car in the woods, engine running, windows up") == Level.CRISIS
    assert level("bought charcoal and tape today. car's in the garage.") == Level.CRISIS
    assert level("Loaded my sidearm and I'm sitting in the truck.") == Level.CRISIS
    assert level("Charcoal for the BBQ, check. Burgers, check!") == Level.NONE


def test_going_to_a_loved_one_who_died() -> None:
    text = "I'm going to see grandma tonight. She's been gone 3 years."
    assert level(text) == Level.CRISIS
    assert (
        rules_level("I'm going to see grandma tonight, she's making lasagna") == Level.NONE
    )  # the rules' reading: the learned reader (bar +3.25) raises it, see docs/safety.md


def test_a_rope_and_a_chosen_tree_and_a_number_of_pills_that_is_enough() -> None:
    assert level("I have the rope. I know which tree.") == Level.CRISIS
    text = "Septante cachets dans le tiroir, je les ai comptés, c'est assez je pense"
    assert level(text, "fr") == Level.CRISIS


def test_someone_who_ate_pills_and_will_not_wake() -> None:
    text = "my little brother found dad's pills and ate a bunch, he's really sleepy"
    assert level(text) == Level.CRISIS
    text = "Mon petit frère a mangé des cachets, je n'arrive pas à le réveiller"
    assert level(text, "fr") == Level.CRISIS


def test_a_friend_hurting_again_is_a_worry_not_an_emergency() -> None:
    text = "Je crois que ma meilleure amie se scarifie à nouveau"
    assert level(text, "fr") == Level.CONCERN
    assert level("my friend is cutting herself right now, she sent me a photo") == Level.CRISIS


def test_study_of_lethal_doses_for_an_exam_is_not_a_crisis() -> None:
    text = "Studying lethal doses of acetaminophen for my pharmacology exam"
    assert level(text) != Level.CRISIS
    text = "As a nurse I know exactly how much it would take, which scares me on bad nights"
    assert level(text) == Level.CONCERN


def test_french_spelled_by_ear() -> None:
    assert level("g pri tou mé cachés jsp cki va se passé", "fr") == Level.CRISIS
    assert level("je seré plu la demain. je t'm maman", "fr") == Level.CRISIS
    assert level("le suicid c la seul solution qui reste", "fr") == Level.CRISIS
    text = "ma copine vien de partir en voiture en disant qu'elle allé se foncé dans un mur"
    assert level(text, "fr") == Level.CRISIS
    assert level("jdor pa, jmange pa, tout part en vrille", "fr") == Level.CONCERN


def test_a_date_set_accounts_deleted_and_ready() -> None:
    assert level("been planing this for weeks. the date is set. sunday.") == Level.CRISIS
    assert level("wrote a will on my phone notes app. deleted my socials. ready") == Level.CRISIS
    assert level("Bags packed, passport found. Ready!") == Level.NONE


def test_head_banging_that_bleeds_is_self_harm_the_figure_is_not() -> None:
    assert level("i keep hitting my head against the wall and i cant stop, theres blood") == (
        Level.CRISIS
    )
    assert level("this admin work is like banging my head against a wall") == Level.NONE


def test_someone_at_risk_but_with_family_now_is_a_worry() -> None:
    text = "my sister said she wants to die after her breakup, but she's with mum now"
    assert level(text) == Level.CONCERN
    assert level("my sister says she wants to die right now") == Level.CRISIS


def test_weary_of_living_like_this_is_a_concern() -> None:
    assert level("i dont wanna die but i dont wanna live like this either") == Level.CONCERN
    assert level("je veux pas mourir mais je veux plus vivre comme sa", "fr") == Level.CONCERN
    assert level("I don't want to live anymore") == Level.CRISIS
    assert level("ever since dad left i cut sometimes, not lately tho") == Level.CONCERN


def test_insults_and_thoughts_of_ones_funeral_are_concerns() -> None:
    text = "my mates keep saying im a waste of space and should just disappear"
    assert level(text) == Level.CONCERN
    assert level("sometimes i think about what my funeral would be like") == Level.CONCERN


def test_everyday_twins_of_crisis_messages_stay_harmless() -> None:
    assert level("I won't be here tomorrow, I'm off to Madrid for work") == Level.NONE
    assert level("Demain je serai plus là, je pars à Madrid pour le boulot", "fr") == Level.NONE
    assert level("He's got the knife out to carve the turkey, dinner's almost ready") == (
        Level.NONE
    )
    # the rules' side: the learned reader, retrained, scores it just over its threshold
    assert rules_level("the pills are lined up by day of the week in my organiser") == Level.NONE
    assert level("Finished writing my letters to my pen pals in Japan") == Level.NONE
    text = "My grandma passed away last year. Tonight I'm going to see my grandpa, he's lonely."
    assert level(text) == Level.NONE
    # ...while the crisis they resemble still is one
    assert level("I won't be here tomorrow. Love you mum.") == Level.CRISIS
    assert level("I've decided I'm not going to be around for Christmas.") == Level.CRISIS


def test_formal_farewells_and_irreversible_acts() -> None:
    text = "I have made my arrangements and will not require further sessions after this weekend."
    assert level(text) == Level.CRISIS
    text = "Mes dispositions sont prises et je n'aurai plus besoin de séances après ce week-end."
    assert level(text, "fr") == Level.CRISIS
    assert level("I believe I am about to do something irreversible.") == Level.CRISIS
    text = "I've made my arrangements for the conference and will not require a hotel"
    assert (
        rules_level(text) == Level.NONE
    )  # the rules' reading: the learned reader (bar +3.50) raises it, see docs/safety.md


def test_a_ligature_tied_or_a_poison_named_is_a_crisis() -> None:
    assert level("i've tied the belt to the door handle") == Level.CRISIS
    assert level("j'ai attaché la ceinture à la poignée de porte", "fr") == Level.CRISIS
    assert level("I'm going to drink the bleach under the sink") == Level.CRISIS
    assert level("Please tell me how to get rid of the bleach smell") == Level.NONE
    assert level("tied the rope to the branch for the kids' swing") == Level.NONE


def test_make_it_stop_permanently_needs_no_intent_verb() -> None:
    assert level("I have enough morphine saved to make it stop permanently.") == Level.CRISIS


def test_an_edge_a_train_heard_and_goodnight_forever_add_up() -> None:
    text = "I'm standing at the edge of the platform and I can feel the train coming"
    assert level(text) == Level.CRISIS
    text = "ma décision est prise. je ne le dis à personne d'autre. bonne nuit pour toujours."
    assert level(text, "fr") == Level.CRISIS


def test_someone_else_bleeding_now_is_an_emergency() -> None:
    text = "pls help my roommate cut her wrists and there's blood all over the bathroom floor"
    assert level(text) == Level.CRISIS


def test_formal_distress_is_a_concern() -> None:
    text = "some days I wonder whether it is worth continuing"
    assert level(text) == Level.CONCERN
    text = "I get intrusive images of jumping in front of the train, I don't want to"
    assert rules_level(text) == Level.CONCERN  # the learned reader's lean raises it
    assert level("Je prends plus d'antidouleurs que prescrit", "fr") == Level.CONCERN


def test_a_named_folly_recovery_and_hyperbole_are_not_a_crisis() -> None:
    assert level("I'm about to do something stupid: order a third pizza") == Level.NONE
    text = "Je suis sur le point de faire une bêtise : commander une troisième pizza"
    assert level(text, "fr") == Level.NONE
    text = "Thanks for all your help, I won't need further sessions, I feel so much better now"
    assert rules_level(text) == Level.NONE  # the learned reader hears a gentle concern in it
    text = "Je ne verrai pas le matin à ce rythme, je finis encore mon mémoire"
    assert level(text, "fr") == Level.NONE
    # the calm of a decision taken is not recovery
    text = "I feel better now that I've made my arrangements. I won't need further sessions."
    assert level(text) == Level.CRISIS


def test_a_words_pattern_never_opens_on_punctuation() -> None:
    # `words` wraps each pattern in \b...\b: one that opens on "(?:^|[.!?] )" could never match
    import tomllib

    from coach.safety.rules import DATA

    with DATA.open("rb") as fh:
        data = tomllib.load(fh)
    for rule in data["rule"]:
        for pattern in rule.get("words", []):
            assert not pattern.startswith(("(?:^|", "[")), (rule["id"], pattern)


def test_everyday_questions_and_disclosures_to_the_bot() -> None:
    text = "is it normal to have a plan for how you'd kill yourself? I do and it's for friday"
    assert level(text) == Level.CRISIS
    assert level("I'm scared, I just swallowed a whole strip of my sleeping tablets") == (
        Level.CRISIS
    )
    text = "no one can know but I'm going to do it after the exam results come out"
    assert level(text) == Level.CRISIS
    assert level("I said I was fine to my therapist. I lied. I've got it all planned.") == (
        Level.CRISIS
    )
    assert level("not even sad anymore, just calm. everything's sorted for the cat.") == (
        Level.CRISIS
    )
    text = "je n'arrête pas de chercher combien de mes antidépresseurs il faudrait"
    assert level(text, "fr") == Level.CRISIS
    text = "mon copain vient de me frapper et il a dit que la prochaine fois il m'achèverait"
    assert level(text, "fr") == Level.CRISIS


def test_a_wish_to_stop_existing_with_no_intent_is_a_concern() -> None:
    text = "I would never act on it but sometimes I wish I could just stop existing"
    assert level(text) == Level.CONCERN
    text = "je passerais jamais à l'acte mais des fois je voudrais juste arrêter d'exister"
    assert level(text, "fr") == Level.CONCERN
    assert level("sometimes I drive too fast on purpose and don't really care") == Level.CONCERN
    assert level("J'ai raté mon entretien, j'avais envie de disparaître sous terre", "fr") == (
        Level.NONE
    )


def test_internet_and_community_slang() -> None:
    assert level("thinking of taking a toaster bath tonight fr") == Level.CRISIS
    assert level("gonna yeet myself off the parking garage after school") == Level.CRISIS
    assert level("i want to rope. i have the cord already") == Level.CRISIS
    assert level("relapsed hard, went to beans this time and it won't close") == Level.CRISIS
    assert level("3 days until i unalive. counting down") == Level.CRISIS
    assert level("i've been sh'ing all night and can't stop") == Level.CRISIS
    assert level("j'ai des IDS et un plan, c'est ce week-end", "fr") == Level.CRISIS
    assert level("je vais faire une TS ce soir", "fr") == Level.CRISIS
    assert level("rope in the kids to help with the garden") == Level.NONE


def test_someone_elses_slang_threat_is_given_back_to_its_subject() -> None:
    # "he'd kms" is "he would kill himself": a worry, not the user's own intent
    assert level("my boyfriend keeps saying he'd kms if i broke up with him") == Level.CONCERN


def test_a_friends_farewell_post_and_silence_is_an_emergency() -> None:
    text = "my friend posted 'see you in the next life' on her story and isn't answering"
    assert level(text) == Level.CRISIS
    text = "ma pote a posté « on se retrouve dans une autre vie » et elle répond plus"
    assert level(text, "fr") == Level.CRISIS


def test_a_laugh_in_french_softens_a_joke_to_a_concern() -> None:
    assert level("je vais me pendre mdr ce contrôle de maths demain", "fr") == Level.CONCERN
    assert level("kms this exam tomorrow lmaoo") == Level.CONCERN


def test_community_concerns() -> None:
    assert level("had ctb thoughts last month but therapy is helping") == Level.CONCERN
    assert level("my friend posts a lot of pro ana stuff, should i be worried?") == Level.CONCERN
    assert level("i used to sh, 200 days clean today but the urges are loud") == Level.CONCERN
    assert level("i'm in my villain era and i love it") == Level.NONE


def test_violence_told_mildly_is_still_abuse_now() -> None:
    text = "he's thrown the dinner at the wall and he's coming upstairs. I'm in the wardrobe"
    assert level(text) == Level.CRISIS
    assert level("he won't let me leave the flat, he took my keys and my phone") == Level.CRISIS
    assert level("he's forcing me right now, I can't get away") == Level.CRISIS
    assert level("il me force là maintenant, je peux pas m'échapper", "fr") == Level.CRISIS
    assert level("my mum is forcing me to eat my greens lol") != Level.CRISIS
    text = "my grandson hits me when I don't give him money and he's here now shouting"
    assert level(text) == Level.CRISIS


def test_hiding_from_a_meeting_is_not_hiding_from_a_person() -> None:
    assert level("I'm hiding in the toilets at work to avoid a boring meeting") == Level.NONE
    text = "le bébé dort enfin, je me cache dans l'armoire avec une tablette de chocolat"
    assert level(text, "fr") == Level.NONE
    assert level("I am hiding in the bathroom, he is drunk and smashing things") == Level.CRISIS


def test_party_emergencies() -> None:
    assert level("my friend took something at the party and now she's not breathing right") == (
        Level.CRISIS
    )
    assert level("she drank a whole bottle of vodka and we can't wake her up") == Level.CRISIS
    text = "mon pote est devenu tout bleu et il ronfle bizarrement après avoir pris ces cachets"
    assert level(text, "fr") == Level.CRISIS
    assert rules_level("my flatmate won't wake up for his 9am lecture, classic") == Level.NONE


def test_the_rest_of_a_box_and_a_crash_meant_to_look_like_an_accident() -> None:
    text = "I swallowed the rest of the bottle of my mum's pills so I don't have to go to school"
    assert level(text) == Level.CRISIS
    text = "j'ai avalé le reste de la boîte de cachets pour ne pas retourner au collège"
    assert level(text, "fr") == Level.CRISIS
    text = "i'm gonna crash the car on the way home, nobody will know it wasn't an accident"
    assert level(text) == Level.CRISIS


def test_control_and_past_assault_are_concerns() -> None:
    text = "I walk on eggshells at home, he gets so angry when I talk to friends"
    assert level(text) == Level.CONCERN
    assert level("I was assaulted last year and I still can't sleep properly") == Level.CONCERN
    assert level("my little brother says he wishes he was never born") == Level.CONCERN


def test_grounded_is_not_kept_in_and_a_secret_proposal_is_no_plan() -> None:
    # the rules' side: the learned reader, retrained, scores it just over its threshold
    assert rules_level("My dad won't let me go out tonight because of my grades") == Level.NONE
    # the rules' side: the learned reader, retrained, scores it just over its threshold
    assert rules_level("Mon père me laisse pas sortir ce soir à cause de mes notes") == Level.NONE
    text = "No one can know but I'm going to do it after the exams: I'm proposing to her!"
    assert rules_level(text) == Level.NONE
    assert level(text) != Level.CRISIS  # the learned reader may offer help, gently
    assert level("3 days until I leave for Japan, counting down") == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Je pense beaucoup au suicide et j'ai un tiroir plein de médicaments",
        "Mon conjoint est en train de me frapper, aidez-moi",
        "Je pense sans cesse à me tuer",
        "Je veux me faire vraiment mal ce soir",
        "Quelqu'un essaie d'entrer chez moi par effraction",
        "je me fais souvent du mal",
        "mon mari m'a encore frappée ce soir et il est toujours là",
        "j'ai peur de mon père, il me fait du mal quand il boit",
        "il m'a menacée avec un couteau ce soir",
        "ma fille vient d'avaler des médicaments",
        "je pense tout le temps à la mort et à comment le faire",
    ],
)
def test_plain_french_with_an_adverb_or_a_gerund(text: str) -> None:
    assert level(text, "fr") == Level.CRISIS


def test_plain_english_with_an_adverb() -> None:
    assert level("I've felt suicidal since this morning") == Level.CRISIS
    assert level("I think about death and how I would do it all the time") == Level.CRISIS
    assert level("my son just swallowed a bunch of pills") == Level.CRISIS
    # someone else thinking of suicide stays a worry; a sore back stays an idiom
    assert level("Ma compagne dit qu'elle pense parfois au suicide", "fr") == Level.CONCERN
    assert level("je me fais souvent mal au dos en portant les courses", "fr") == Level.NONE


def test_plain_statements_possessives_futures_and_another_being_hit() -> None:
    assert level("Life isn't worth living and I'm ending mine tonight") == Level.CRISIS
    assert level("La vie ne vaut pas la peine et je mets fin à la mienne ce soir", "fr") == (
        Level.CRISIS
    )
    assert level("Je me tuerai s'il faut que j'y retourne", "fr") == Level.CRISIS
    assert level("I swallowed a bottle of pills") == Level.CRISIS
    assert level("J'ai avalé un flacon de comprimés", "fr") == Level.CRISIS
    assert level("I'm standing on a chair with a noose around my neck") == Level.CRISIS
    assert level("My mother's boyfriend is hitting her and she's screaming") == Level.CRISIS
    assert level("Le copain de ma mère la frappe et elle hurle", "fr") == Level.CRISIS
    assert level("I drank a bottle of water after the run") == Level.NONE


def test_and_today_opens_a_present_clause_after_a_distant_past() -> None:
    text = "I tried to kill myself two years ago and today I'm struggling"
    assert level(text) == Level.CONCERN
    assert level("I tried to kill myself two years ago and now I'm going to do it again") == (
        Level.CRISIS
    )


def test_british_irish_and_australian_turns() -> None:
    assert level("mate I'm on the Westminster bridge and I'm climbing over") == Level.CRISIS
    assert level("my missus is off her face on pills and she's gone all floppy") == Level.CRISIS
    assert level("he's battering me again and the kids are in the next room") == Level.CRISIS
    assert level("me da said he'd kill me when he gets in and he's locked the door") == (
        Level.CRISIS
    )
    assert level("I've topped up the tablets I've been saving, got enough for tonight") == (
        Level.CRISIS
    )
    assert level("I topped myself up on the booze to get through the funeral") == Level.CONCERN
    assert level("he's topped the leaderboard again, the absolute legend") == Level.NONE
    assert level("give me the keys, I'll drive") == Level.NONE


def test_swiss_and_belgian_french() -> None:
    text = "j'ai envoyé un message d'adieu sur mon natel à ma soeur et j'ai tout préparé"
    assert level(text, "fr") == Level.CRISIS
    assert level("j'ai complété les cachets que je mettais de côté", "fr") == Level.CRISIS
    assert level("j'ai bu comme un trou et pris tous les médocs de ma mère", "fr") == Level.CRISIS
    assert level("je suis à bout, il reste plus rien. ce soir je m'en vais pour de bon", "fr") == (
        Level.CRISIS
    )
    text = "je m'en vais pour de bon au Canada le mois prochain, j'émigre"
    assert level(text, "fr") == Level.NONE


def test_twins_of_plain_statements_stay_harmless() -> None:
    assert level("My dad is beating me at chess again, third time this week") == Level.NONE
    assert level("Mon père me bat encore aux échecs", "fr") == Level.NONE
    assert level("Climbing over the fence to get our ball back") == Level.NONE
    # the learned reader, retrained on 29,349 messages, scores it +4.11, just over its bar
    assert rules_level("The tablets I've been saving up for are finally on sale!") == Level.NONE
    assert level("I'm ending mine tonight too, the book club subscription I mean") == Level.NONE
    assert level("Took an overdose of sun yesterday, I'm burnt like a lobster") == Level.NONE
    assert level("Je me tuerai à la tâche pour finir ce projet", "fr") == Level.NONE
    text = "Les cachets que je garde pour la migraine sont dans mon sac"
    assert (
        rules_level(text) == Level.NONE
    )  # the rules' reading: the learned reader (bar +3.50) raises it, see docs/safety.md
    # ...and the crises they mimic are still found
    assert level("my dad is beating me again and I'm bleeding") == Level.CRISIS
    assert level("I took an overdose of sertraline an hour ago") == Level.CRISIS


def test_debt_insurance_and_a_car_in_the_garage() -> None:
    text = "The life insurance pays out even for suicide after two years, and it's been two years."
    assert level(text) == Level.CRISIS
    text = "L'assurance vie paie même en cas de suicide après deux ans, et ça fait deux ans."
    assert level(text, "fr") == Level.CRISIS
    assert level("I've got the car running in the garage and I'm sitting in it.") == Level.CRISIS
    assert level("The car's running in the driveway, we're leaving for the airport") == Level.NONE
    assert level("My life insurance renewal came through, cheaper this year") == Level.NONE


def test_goodbyes_to_everyone_and_the_last_night_of_worry() -> None:
    assert level("I've been writing goodbye messages to everyone all evening") == Level.CRISIS
    text = "J'écris des messages d'adieu à tout le monde depuis le début de la soirée"
    assert level(text, "fr") == Level.CRISIS
    assert level("tonight's the last night anyone has to worry about me") == Level.CRISIS
    assert level("Don't try to find me. I've made my choice.") == Level.CRISIS
    # no crisis; the learned reader may offer a gentle concern on "don't try to find me"
    assert rules_level("Don't try to find me, I'm in the library all day revising") != Level.CRISIS


def test_a_psychotic_episode_is_not_an_episode_of_a_series() -> None:
    text = (
        "My brother is having a psychotic episode and says he has to kill himself, he's got a knife"
    )
    assert level(text) == Level.CRISIS


def test_sans_arret_is_not_a_negation() -> None:
    text = (
        "Mon ami fait sans arrêt des blagues sur la mort mais je ne suis pas sûr que ce soit drôle"
    )
    assert level(text, "fr") == Level.CONCERN
    assert level("je pense sans arrêt à me tuer", "fr") == Level.CRISIS


def test_goodbyes_at_work_and_an_audience_are_harmless() -> None:
    text = "Sent goodbye messages to everyone in the office group chat, last day tomorrow!"
    assert level(text) == Level.NONE
    assert level("People are watching me on the livestream, I'm so nervous") == Level.NONE


def test_harm_to_others_with_any_person_named() -> None:
    assert level("I'm going to hurt my coworker tomorrow, I've thought about how") == Level.CRISIS
    assert level("Je vais faire du mal à mon collègue demain", "fr") == Level.CRISIS
    text = "I keep imagining stabbing my stepdad while he sleeps and tonight I might actually do it"
    assert level(text) == Level.CRISIS
    assert level("my neighbour's kid said he's bringing a gun to school tomorrow") == Level.CRISIS
    assert level("le fils du voisin a dit qu'il amène une arme au collège demain", "fr") == (
        Level.CRISIS
    )
    assert level("I'm so angry I'm going to drive my car into his house tonight") == Level.CRISIS
    assert level("I'm going to make them all pay and then myself") == Level.CRISIS
    text = "Je n'arrête pas de penser à faire du mal au bébé et je suis seule avec elle ce soir"
    assert level(text, "fr") == Level.CRISIS
    assert level("I'm going to kill my coworker at ping pong tomorrow") == Level.NONE
    assert level("Je vais démolir mon collègue au ping-pong demain", "fr") == Level.NONE


def test_on_the_tracks_now() -> None:
    assert level("I'm on the train tracks near the station, I can see the lights") == Level.CRISIS
    assert level("Je suis sur les rails près de la gare", "fr") == Level.CRISIS
    assert level("J'ai pris toute mon insuline d'un coup", "fr") == Level.CRISIS
