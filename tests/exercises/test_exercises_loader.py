"""The library: every shipped file valid in both languages; a broken file is reported, not fatal."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.exercises.loader import load, read_folder
from coach.exercises.schema import CARD_CATEGORIES, FieldError, parse
from coach.i18n import LANGUAGES
from coach.resources import data_dir

SHIPPED = data_dir("exercises")
REQUIRED = [
    "box", "box-nohold", "478", "sigh", "coherence", "coherence-365", "tipp-exhale",
    "grounding-54321", "pmr-short", "pmr-full", "urge-5", "urge-15",
]  # fmt: skip


@pytest.fixture(scope="module")
def library():
    return load(SHIPPED, report=None)


def test_every_shipped_file_loads_without_a_problem(library):
    files = sorted(SHIPPED.rglob("*.toml"))
    assert library.problems == []
    assert len(library) == len(files)


@pytest.mark.parametrize("path", sorted(SHIPPED.rglob("*.toml")), ids=lambda p: p.stem)
def test_each_shipped_file_has_every_text_in_both_languages(path: Path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    exercise = parse(data, langs=LANGUAGES)  # raises on a missing language
    assert path.stem.endswith(exercise.id)
    for name in ("title", "summary", "cautions"):
        texts = getattr(exercise, name)
        assert set(texts) == {"en", "fr"}, name
        assert texts["en"] != texts["fr"] or name == "title", f"{name} is not translated"
    assert len(exercise.source) > 20  # a real citation, not a placeholder


def test_the_library_ships_the_required_exercises(library):
    for exercise_id in REQUIRED:
        assert exercise_id in library, exercise_id


def test_canonical_parameters(library):
    def pattern(exercise_id):
        return [(p.action, p.seconds) for p in library.get(exercise_id).phases]

    assert pattern("box") == [("inhale", 4), ("hold", 4), ("exhale", 4), ("rest", 4)]
    assert all(a != "hold" and a != "rest" for a, _ in pattern("box-nohold"))
    assert pattern("478") == [("inhale", 4), ("hold", 7), ("exhale", 8)]
    assert library.get("478").cycles == 4
    assert "light-headed" in library.get("478").cautions["en"].lower()
    sigh = pattern("sigh")
    assert [a for a, _ in sigh] == ["inhale", "inhale_more", "exhale"]
    assert sigh[2][1] == pytest.approx(2 * (sigh[0][1] + sigh[1][1]))
    assert library.get("sigh").minutes == 5
    coherence = library.get("coherence")
    assert 60 / coherence.cycle_seconds == pytest.approx(5.5, abs=0.05)
    c365 = library.get("coherence-365")
    assert 60 / c365.cycle_seconds == 6 and c365.minutes == 5 and c365.per_day == 3
    assert pattern("tipp-exhale") == [("inhale", 4), ("exhale", 7)]
    grounding = library.get("grounding-54321")
    assert [s.items for s in grounding.steps] == [5, 4, 3, 2, 1]
    assert all(s.alternative for s in grounding.steps)
    assert len(library.get("pmr-short").steps) == 7
    full = library.get("pmr-full")
    assert len(full.steps) == 16
    assert all(5 <= s.seconds <= 7 and s.release_seconds == 30 for s in full.steps)
    assert "pain" in full.cautions["en"]
    assert library.get("urge-5").seconds == 300 and library.get("urge-15").seconds == 900
    assert library.get("urge-5").check_every == 60


def test_citations_name_their_sources(library):
    def source(exercise_id):
        return library.get(exercise_id).source

    assert "Weil" in source("478")
    assert "Balban" in source("sigh") and "Cell Reports Medicine" in source("sigh")
    assert "Lehrer" in source("coherence") and "Gevirtz" in source("coherence")
    assert "O'Hare" in source("coherence-365")
    assert "Linehan" in source("tipp-exhale") and "TIPP" in source("tipp-exhale")
    assert "Jacobson" in source("pmr-full") and "Bernstein" in source("pmr-full")
    assert "Bowen" in source("urge-5") and "Marlatt" in source("urge-15")


def test_at_least_forty_cards_in_the_four_categories(library):
    cards = library.all("card")
    assert len(cards) >= 40
    assert {c.category for c in cards} == set(CARD_CATEGORIES)
    for category in CARD_CATEGORIES:
        assert len(library.cards(category)) >= 8
    assert all(c.text and set(c.text) == {"en", "fr"} for c in cards)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_USER = """
id = "box"
kind = "breathing"
category = "breathing"
cycles = 2
source = "My therapist's slower box"
[title]
en = "My slow box"
[summary]
en = "Six-second sides."
[cautions]
en = "Stop if dizzy."
[[phases]]
action = "inhale"
seconds = 6
[[phases]]
action = "exhale"
seconds = 6
"""


def test_a_user_file_with_the_same_id_overrides_the_shipped_one(tmp_path):
    user = tmp_path / "user"
    write(user, "mine.toml", GOOD_USER)
    library = load(SHIPPED, user, report=None)
    box = library.get("box")
    assert box.user and box.title_in("en") == "My slow box"
    assert box.title_in("fr") == "My slow box"  # a one-language user file falls back to it
    assert [p.seconds for p in box.phases] == [6, 6]
    assert "478" in library  # the rest of the library is still there


def test_a_malformed_file_is_reported_with_its_path_and_field(tmp_path, capsys):
    user = tmp_path / "user"
    bad = write(user, "bad.toml", GOOD_USER.replace('id = "box"', 'id = "slow"').replace(
        "seconds = 6\n[[phases]]", "seconds = -1\n[[phases]]"))  # fmt: skip
    from coach.exercises.loader import _stderr

    library = load(SHIPPED, user, report=_stderr)
    err = capsys.readouterr().err
    assert str(bad) in err and "phases[0].seconds" in err
    assert "slow" not in library and "box" in library and len(library) >= 50


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("id = 'x'\nkind = 'dance'", "kind"),
        ("kind = 'card'", "id"),
        ("id = 'x'\nkind = 'card'\ncategory = 'comfort'\ncolour = 'red'", "colour"),
        ("not toml at all = = =", "-"),
        (GOOD_USER.replace('action = "inhale"', 'action = "gasp"'), "phases[0].action"),
        (GOOD_USER.replace("cycles = 2", "cycles = 2\nminutes = 3"), "cycles"),
        (GOOD_USER.replace('en = "My slow box"', 'de = "Meine Box"'), "title.de"),
        (GOOD_USER.replace('id = "box"', 'id = "Box Breathing!"'), "id"),
    ],
)
def test_each_fault_names_its_field(tmp_path, text, field):
    write(tmp_path, "x.toml", text)
    items, problems = read_folder(tmp_path)
    assert items == [] and len(problems) == 1
    assert problems[0].field == field


def test_two_files_with_one_id_in_a_folder_keep_the_first(tmp_path):
    write(tmp_path, "a.toml", GOOD_USER)
    write(tmp_path, "b.toml", GOOD_USER)
    items, problems = read_folder(tmp_path)
    assert len(items) == 1 and problems[0].field == "id"


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    (tmp_path / "latin.toml").write_bytes('title = "é"'.encode("latin-1"))
    _, problems = read_folder(tmp_path)
    assert problems and problems[0].field == "-"


# --- fuzz: any mangled file is reported, never raised, and the others still load -----------

TOML_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-10, 1000),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _mutations():
    keys = st.sampled_from(sorted({k for base in BASES for k in base}))
    return st.one_of(
        st.tuples(st.just("drop"), keys, st.none()),
        st.tuples(st.just("set"), keys, TOML_VALUES),
        st.tuples(st.just("add"), st.text(min_size=1, max_size=8), TOML_VALUES),
    )


def _dump(data) -> str:
    import json

    # A tiny TOML writer: inline tables and arrays are enough for fuzzed documents.
    def value(v):
        if v is None:
            return '""'
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            if v != v:
                return "nan"
            if v in (float("inf"), float("-inf")):
                return "inf" if v > 0 else "-inf"
            return repr(v)
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"

    return "\n".join(f"{json.dumps(k)} = {value(v)}" for k, v in data.items()) + "\n"


# One base file of each kind: the fuzz mangles real documents, not only random ones.
BASES = [
    tomllib.loads((SHIPPED / f"{name}.toml").read_text(encoding="utf-8"))
    for name in ("box", "grounding-54321", "pmr-short", "tipp-cold", "urge-5", "card-release-dance")
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(BASES),
    st.lists(_mutations(), min_size=1, max_size=4),
    st.binary(max_size=40),
)
def test_fuzzed_files_never_break_the_library(tmp_path_factory, base, mutations, noise):
    folder = tmp_path_factory.mktemp("fuzz")
    data = dict(base, id="fuzzed")
    for op, key, val in mutations:
        if op == "drop":
            data.pop(key, None)
        else:
            data[key] = val
    (folder / "fuzzed.toml").write_text(_dump(data), encoding="utf-8")
    (folder / "noise.toml").write_bytes(noise)
    write(folder, "good.toml", GOOD_USER.replace('id = "box"', 'id = "good"'))
    items, problems = read_folder(folder)
    ids = {e.id for e in items}
    assert "good" in ids  # the healthy file always loads
    for problem in problems:
        assert problem.path.parent == folder and problem.field and str(problem)
    assert len(items) + len(problems) == 3


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=10), TOML_VALUES, max_size=6))
def test_parse_only_ever_raises_a_field_error(data):
    try:
        parse(data)
    except FieldError as exc:
        assert exc.field


def test_a_broken_shipped_file_is_reported_too_and_the_rest_loads(tmp_path, capsys):
    import shutil

    from coach.exercises.loader import _stderr

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for name in ("box.toml", "478.toml", "urge-5.toml"):
        shutil.copy(SHIPPED / name, shipped / name)
    # A shipped file must have both languages: French missing is a fault there.
    text = (SHIPPED / "sigh.toml").read_text(encoding="utf-8")
    (shipped / "sigh.toml").write_text(
        text.replace('fr = "Soupir cyclique"\n', ""), encoding="utf-8"
    )
    library = load(shipped, None, report=_stderr)
    err = capsys.readouterr().err
    assert f"{shipped / 'sigh.toml'}: field `title.fr`: is missing" in err
    assert sorted(library.exercises) == ["478", "box", "urge-5"]


def _french_texts(value, where=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "fr" and isinstance(inner, str):
                yield where, inner
            else:
                yield from _french_texts(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _french_texts(inner, f"{where}[{i}]")


@pytest.mark.parametrize("path", sorted(SHIPPED.rglob("*.toml")), ids=lambda p: p.stem)
def test_shipped_french_puts_a_space_before_double_punctuation(path: Path):
    import re

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for where, text in _french_texts(data):
        plain = re.sub(r"`[^`]*`", "", text)
        assert not re.search(r"(?<=\S)[:;?!]", plain), f"{where}: {text!r}"
