"""The models a user can pull (`models/catalog.toml`) and the ones on this machine.

An installed model is the file `<models folder>/<id>.gguf`: pulled from the
catalogue, or added from any local GGUF with `coach model add`. The model in
use is the `companion.model` setting, else the catalogue's default.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from coach.errors import CoachError
from coach.i18n import pick, t
from coach.resources import data_dir

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
SUFFIX = ".gguf"


@dataclass(frozen=True)
class ModelEntry:
    id: str
    name: str
    source: str  # "pypi", "hub" or "local" (added by the user)
    size: int = 0
    size_approximate: bool = False
    sha256: str = ""
    license: str = ""
    parameters: str = ""
    min_memory_mb: int = 0
    chat_template: str = ""
    good_for: dict[str, str] = field(default_factory=dict)
    package: str = ""
    version: str = ""
    member: str = ""
    url: str = ""
    repository: str = ""
    file: str = ""

    def describe(self, lang: str | None = None) -> str:
        return pick(self.good_for, lang) if self.good_for else ""


@dataclass(frozen=True)
class Catalog:
    default: str
    entries: dict[str, ModelEntry]

    def get(self, model_id: str) -> ModelEntry | None:
        return self.entries.get(model_id)

    def require(self, model_id: str) -> ModelEntry:
        entry = self.entries.get(model_id)
        if entry is None:
            raise CoachError(t("companion.unknown_model", id=model_id, ids=", ".join(self.entries)))
        return entry


def _entry(model_id: str, raw: dict[str, Any]) -> ModelEntry:
    known = set(ModelEntry.__dataclass_fields__) - {"id"}
    return ModelEntry(id=model_id, **{k: v for k, v in raw.items() if k in known})


@cache
def _load(path: Path) -> Catalog:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    entries = {mid: _entry(mid, raw) for mid, raw in data.get("models", {}).items()}
    default = data.get("default", "")
    if default not in entries:
        raise CoachError(f"models/catalog.toml: default {default!r} is not listed")
    return Catalog(default, entries)


def load_catalog(path: Path | None = None) -> Catalog:
    return _load(path or data_dir("models") / "catalog.toml")


def check_id(model_id: str) -> str:
    if not _ID.match(model_id):
        raise CoachError(t("companion.bad_id", id=model_id))
    return model_id


def model_file(models_dir: Path, model_id: str) -> Path:
    return models_dir / f"{check_id(model_id)}{SUFFIX}"


def installed(models_dir: Path) -> dict[str, Path]:
    """Every model on this machine, by id (half-downloaded files are not models)."""
    if not models_dir.is_dir():
        return {}
    return {
        p.name[: -len(SUFFIX)]: p
        for p in sorted(models_dir.glob(f"*{SUFFIX}"))
        if p.is_file() and not p.name.startswith(".")
    }


def selected_id(config: Any, catalog: Catalog | None = None) -> str:
    chosen = str(config.get("companion.model") or "")
    return chosen or (catalog or load_catalog()).default


def resolve_model(models_dir: Path, config: Any) -> tuple[str, Path]:
    """The id and file of the model in use; a clear error (what to run) when it is missing."""
    catalog = load_catalog()
    model_id = selected_id(config, catalog)
    path = model_file(models_dir, model_id)
    if path.is_file():
        return model_id, path
    entry = catalog.get(model_id)
    if entry is not None:
        raise ModelMissing(
            model_id,
            t("companion.model_missing", id=model_id, size=human_size(entry.size)),
        )
    raise ModelMissing(model_id, t("companion.model_missing_local", id=model_id))


class ModelMissing(CoachError):
    def __init__(self, model_id: str, message: str) -> None:
        super().__init__(message)
        self.model_id = model_id


def human_size(n: int) -> str:
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.0f} MB"
    if n >= 1_000:
        return f"{n / 1e3:.0f} kB"
    return f"{n} B"
