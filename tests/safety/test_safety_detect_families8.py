"""The eighth session's families: the unseen round 342-357 read.

Each family sits beside the harmless wording closest to it. Every sentence here was written
for the test, in new words; the rules carry each family, and the benchmark measures the
learned reader on unseen sets.
"""

from __future__ import annotations

import pytest
from safety_levels import rules_concern as _concern
from safety_levels import rules_crisis as _crisis
from safety_levels import rules_level
from safety_levels import rules_not_crisis as _not_crisis

from coach.safety import Level


@pytest.mark.parametrize(
    "text",
    [
        "Sutures are out and I'm ripping the scar open again with my razor, it's the only"
        " thing that quiets my head.",
        "Tonight I reopened the cuts on my leg with a blade.",
        "Je rouvre ma cicatrice avec une lame depuis tout à l'heure, ça saigne.",
        "j'arrache les points de suture avec le cutter là",
    ],
)
def test_a_wound_opened_again_with_a_blade_is_a_crisis(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "The vet opened the abscess with a scalpel and drained it, the cat is fine.",
        "My stitches came out this morning and the scar is healing nicely.",
        "L'infirmière a rouvert la plaie pour la nettoyer, ça a fait un mal de chien.",
    ],
)
def test_wounds_treated_or_healing_are_not(text: str) -> None:
    _not_crisis(text)


def test_a_wound_reopened_years_ago_is_a_concern() -> None:
    _concern("Eight years ago I used to reopen my scars with a razor. I haven't in a long time.")


@pytest.mark.parametrize(
    "text",
    [
        "Her stepdad locked her in the basement for three days without food, she just managed"
        " to message me.",
        "They've shut him in the shed since yesterday without water.",
        "Ils l'ont enfermée dans la cave depuis deux jours, elle m'a écrit en cachette.",
        "Son mari l'a bouclée dans la chambre sans manger depuis hier.",
    ],
)
def test_someone_shut_in_for_days_or_without_food_is_a_crisis(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je suis enfermée chez moi depuis deux jours avec la grippe, je tourne en rond.",
        "Locked myself in the study for three days to finish the thesis.",
        "We locked the dog in the kitchen for an hour while the plumber was here.",
    ],
)
def test_staying_in_or_a_pet_shut_in_for_an_hour_is_not(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I packed the rope in my backpack. Heading up the hill after dinner. What's the point"
        " of staying.",
        "J'ai glissé les cachets dans ma poche, je pars marcher au lac. Plus envie de rien.",
        "Took dad's rifle. Nobody knows I'm out here and that's how it stays until it's over.",
    ],
)
def test_a_means_packed_beside_another_sign_is_a_crisis(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Packed the climbing rope in my backpack for Saturday's route at the crag.",
        "Put my pills in my bag so I don't forget them at work again.",
        "Urge is back. Put the blades in the car and I'm staying on the sofa with tea.",
        "Nobody knows I'm here, it's my secret reading spot behind the library.",
        "Not leaving the garage until it's done, this bike has taken me three weekends.",
    ],
)
def test_things_packed_or_put_away_and_quiet_places_are_not(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Told the neighbour it's only for a fortnight but it's for good. Thanks for everything.",
        "Je le reverrai pas lundi, mon psy. J'ai pris ma décision et ça m'apaise.",
    ],
)
def test_a_lie_about_a_stay_or_an_appointment_never_kept_with_a_decision_is_a_crisis(
    text: str,
) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "We rented the flat for a month but it's for good now, we signed the lease.",
        "I won't see him Thursday, the session moved to Friday.",
    ],
)
def test_a_move_for_good_or_a_moved_session_is_not(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Six years ago tonight I took an overdose. Tonight I'm making pancakes with my daughter.",
        "Il y a cinq ans cette nuit j'ai avalé mes cachets. Ce soir je fête mes trente ans.",
    ],
)
def test_an_anniversary_opening_the_sentence_dates_the_act(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        'My aunt told the waiter "one more minute of this music and I\'ll hang myself". We'
        " all laughed.",
        "Ma collègue m'a sorti « si je revois un tableur aujourd'hui je me jette par la"
        " fenêtre » et elle est partie en riant.",
        "Grandma said 'at my age I can die happy now' after the concert.",
    ],
)
def test_someone_elses_quoted_line_is_theirs(text: str) -> None:
    assert rules_level(text) != Level.CRISIS, text


def test_someone_elses_quoted_line_that_says_now_is_still_a_crisis() -> None:
    _crisis("My friend just texted \"I'm on the bridge right now and I'm going to jump\".")


def test_the_users_own_quoted_words_stay_theirs() -> None:
    _crisis('I told my sister "I\'m going to kill myself tonight" and she laughed.')


@pytest.mark.parametrize(
    "text",
    [
        "Sliced my thumb open on a tin lid, do I need stitches?",
        "Je me suis coupé le doigt sur une boîte de conserve, ça saigne pas mal.",
        "Je me suis ouvert le genou contre une marche en courant après le bus.",
    ],
)
def test_hurt_on_a_thing_is_an_accident(text: str) -> None:
    _not_crisis(text)


def test_a_cut_made_with_a_blade_is_not_an_accident() -> None:
    _crisis("Je me suis ouvert le bras avec une lame il y a une heure, je recommence.")


@pytest.mark.parametrize(
    "text",
    [
        "My uncle drives like he's trying to kill us all, I hold the handle the whole way.",
        "Played chess with grandad again, won one game and he still beats me every time.",
        "My brother says he'll kill me if I buy Mayfair off him at Monopoly again.",
        "Ma sœur dit qu'elle va me tuer si je lui pique encore la rue de la Paix au Monopoly.",
        "Ma mère conduit comme si elle voulait nous tuer, j'ai prié tout le trajet.",
    ],
)
def test_drivers_and_board_games_are_figures_of_speech(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "My husband says he'll kill me if I leave again.",
        "He still beats me when he's drunk.",
    ],
)
def test_threats_and_beatings_outside_a_game_stay_a_crisis(text: str) -> None:
    _crisis(text)


# ---- the first round of the session, 358-373, read ----


@pytest.mark.parametrize(
    "text",
    [
        "My dad just collapsed in the kitchen, he's grey and not answering me.",
        "Face is swelling up after the prawns and I can't breathe properly.",
        "Mamie s'est effondrée au salon, elle a la moitié du visage qui tombe.",
        "Mon fils a bu de la javel, il vomit, je fais quoi ?",
        "Buddy went under off the jetty and hasn't come back up, it's been two minutes.",
        "Coach went down clutching his chest and he's sweating buckets.",
        "ma coloc a la gorge qui gonfle depuis le gâteau aux noix, elle arrive plus à respirer",
    ],
)
def test_two_kinds_of_sign_of_a_body_in_danger_are_an_emergency(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Panic attack again on the tube, couldn't breathe and my chest was tight, it passed.",
        "Crise d'angoisse ce matin, je respirais mal et j'avais mal à la poitrine.",
        "Ran for two minutes and my chest hurts lol, so unfit.",
        "Two years ago my dad collapsed and went grey, he's fine now after the bypass.",
        "In the film the hero collapses, goes grey and stops answering the radio.",
    ],
)
def test_signs_of_panic_a_laugh_the_past_or_a_film_are_not_an_emergency(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "My chest is tight before every exam.",
        "Can't breathe in this heat, honestly.",
        "Il a chuté au ski, il a mal au genou.",
    ],
)
def test_one_sign_alone_is_everyday(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je me suis versé de l'eau bouillante sur la cuisse exprès et je vais recommencer.",
        "Poured hot wax on my forearm on purpose again tonight.",
    ],
)
def test_burning_oneself_with_wax_or_water_is_self_harm(text: str) -> None:
    _crisis(text)


def test_not_planning_on_landing_a_jump_is_a_plan() -> None:
    _crisis("Tomorrow I'm skiing off the big cornice. Not planning on landing it.")


@pytest.mark.parametrize(
    "text",
    [
        "Weight belt's on. Standing at the end of the jetty. Tell mum I loved her.",
        "J'ai tout calculé : l'heure, la marée, les cailloux qu'il faut dans les poches.",
        "If you're reading this the shed code is 1234 and the bike is yours. It wasn't"
        " anything you did.",
        "Scheduled an email for 8am telling my sister where the spare key is. Please don't let"
        " the kids go into the garage.",
    ],
)
def test_weights_things_left_in_order_and_blame_lifted_together_are_a_crisis(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Weight belt's on, buddy check done, descending to 18 metres with the club.",
        "Scheduled an email to the team for Monday about the rota.",
        "The bike is yours now, enjoy it, I'm getting an e-bike.",
        "It's not your fault the cake sank, the oven runs hot.",
        "Ça fait 3 ans que j'ai arrêté de me scarifier, je suis fière de moi.",
    ],
)
def test_each_of_those_alone_or_in_a_day_is_not(text: str) -> None:
    _not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "Il me tape sur le système avec ses blagues, un jour je l'enferme dans le placard.",
        "Les petits ont voulu me tuer avec des épées en mousse, je suis morte 30 fois.",
        "Goodbye forever, old job!! New one starts Monday.",
        "Lost ten games in a row, uninstalling, goodbye forever, see you tomorrow.",
    ],
)
def test_everyday_figures_found_in_the_round_are_not(text: str) -> None:
    _not_crisis(text)
