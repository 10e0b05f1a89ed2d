"""Read the exercise library: the shipped files, then the user's folder on top.

A broken file never takes the library down: it is reported (path and field at
fault) and skipped, and every other exercise still loads. A user file with the
id of a shipped exercise replaces it, so people can tune a pace to their needs.
"""

from __future__ import annotations

import random
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from coach.exercises.schema import KINDS, Exercise, FieldError, parse
from coach.i18n import LANGUAGES, t

Report = Callable[[str], None]


@dataclass(frozen=True)
class Problem:
    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        return t("exercises.bad_file", path=self.path, field=self.field, problem=self.message)


def _stderr(line: str) -> None:
    print(f"coach: {line}", file=sys.stderr)


# Parsed files by path, kept while their size and mtime stay the same: tomllib is pure
# Python (about 2 ms a file), and the app reads the library each time a screen opens.
_CACHE: dict[tuple[Path, tuple[str, ...]], tuple[int, int, Exercise]] = {}


def read_file(path: Path, langs: tuple[str, ...] = ()) -> Exercise:
    """One file, checked; raises FieldError (the field at fault) when it is not right."""
    stat = path.stat()
    cached = _CACHE.get((path, langs))
    if cached is not None and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        return cached[2]
    exercise = _parse_file(path, langs)
    _CACHE[(path, langs)] = (stat.st_mtime_ns, stat.st_size, exercise)
    return exercise


def _parse_file(path: Path, langs: tuple[str, ...]) -> Exercise:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise FieldError("-", "exercises.problem.encoding") from None
    except tomllib.TOMLDecodeError as exc:
        raise FieldError("-", "exercises.problem.toml", error=str(exc)) from None
    return replace(parse(data, langs), path=str(path))


def read_folder(
    folder: Path, langs: tuple[str, ...] = (), user: bool = False
) -> tuple[list[Exercise], list[Problem]]:
    found: list[Exercise] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return found, problems
    seen: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.toml")):
        try:
            exercise = read_file(path, langs)
        except FieldError as exc:
            problems.append(Problem(path, exc.field, t(exc.problem, **exc.values)))
            continue
        except OSError as exc:
            problems.append(Problem(path, "-", str(exc)))
            continue
        if exercise.id in seen:
            problems.append(
                Problem(path, "id", t("exercises.problem.duplicate", other=seen[exercise.id]))
            )
            continue
        seen[exercise.id] = path
        found.append(replace(exercise, user=user))
    return found, problems


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, exercise_id: str) -> Exercise | None:
        return self.exercises.get(exercise_id)

    def __contains__(self, exercise_id: str) -> bool:
        return exercise_id in self.exercises

    def __len__(self) -> int:
        return len(self.exercises)

    def all(self, kind: str | None = None, category: str | None = None) -> list[Exercise]:
        order = {k: i for i, k in enumerate(KINDS)}
        items = [
            e
            for e in self.exercises.values()
            if (kind is None or e.kind == kind) and (category is None or e.category == category)
        ]
        return sorted(items, key=lambda e: (order[e.kind], e.category, e.id))

    def cards(self, category: str | None = None, hidden: Iterable[str] = ()) -> list[Exercise]:
        skip = set(hidden)
        return [c for c in self.all("card", category) if c.id not in skip]

    def random_card(
        self,
        category: str | None = None,
        hidden: Iterable[str] = (),
        rng: random.Random | None = None,
        avoid: str | None = None,
    ) -> Exercise | None:
        cards = self.cards(category, hidden)
        if len(cards) > 1 and avoid:
            cards = [c for c in cards if c.id != avoid]
        return (rng or random).choice(cards) if cards else None


def load(shipped: Path, user: Path | None = None, report: Report | None = _stderr) -> Library:
    """The whole library. Shipped files must have every text in both languages."""
    library = Library()
    items, problems = read_folder(shipped, langs=LANGUAGES)
    library.problems += problems
    library.exercises.update({e.id: e for e in items})
    if user is not None:
        items, problems = read_folder(user, user=True)
        library.problems += problems
        library.exercises.update({e.id: e for e in items})
    if report is not None:
        for problem in library.problems:
            report(str(problem))
    return library


def load_for(context, report: Report | None = _stderr) -> Library:
    """The library this person sees: shipped exercises plus their own folder."""
    from coach.resources import data_dir

    return load(data_dir("exercises"), context.paths.exercises, report)
