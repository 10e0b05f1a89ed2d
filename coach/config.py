"""Settings: `config.toml`, then the environment (`COACH_*`), then flags.

One typed object, built once and passed in; nothing reads settings from a
module global. Keys are dotted (`companion.threads`); each has a type and a
check, so `coach config set` refuses a bad value with one clear line.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach import paths
from coach.errors import CoachError
from coach.i18n import detect_language, t


def _choice(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(", ".join(allowed))
        return value

    return check


def _country(value: str) -> str:
    value = value.strip().upper()
    if len(value) != 2 or not value.isalpha():
        raise ValueError("FR, BE, CH, CA, US, GB, IE, LU, AU, ...")
    return value


def _hhmm(value: str) -> str:
    hours, sep, minutes = value.partition(":")
    if not sep or not (hours.isdigit() and minutes.isdigit()):
        raise ValueError("HH:MM")
    if not (0 <= int(hours) < 24 and 0 <= int(minutes) < 60):
        raise ValueError("HH:MM")
    return f"{int(hours):02d}:{int(minutes):02d}"


def _threads(value: int) -> int:
    if not 0 <= value <= 256:
        raise ValueError("0-256 (0 = automatic)")
    return value


def _ctx(value: int) -> int:
    if not 512 <= value <= 131072:
        raise ValueError("512-131072")
    return value


def _seconds(value: int) -> int:
    if not 1 <= value <= 3600:
        raise ValueError("1-3600")
    return value


def _any(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    check: Callable[[Any], Any] = _any
    env: str | None = None


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("language", str, "", _choice("en", "fr"), "COACH_LANG"),
        Setting("country", str, "", _country, "COACH_COUNTRY"),
        Setting("reduced_motion", bool, False, env="COACH_REDUCED_MOTION"),
        Setting("theme", str, "dark", _choice("dark", "light")),
        Setting("quiet_hours.start", str, "22:00", _hhmm),
        Setting("quiet_hours.end", str, "08:00", _hhmm),
        Setting("companion.backend", str, "local", _choice("local", "server")),
        Setting("companion.model", str, "", env="COACH_MODEL"),
        Setting("companion.threads", int, 0, _threads, "COACH_THREADS"),
        Setting("companion.context_length", int, 4096, _ctx),
        Setting("companion.url", str, "", env="COACH_SERVER_URL"),
        Setting("companion.api_key_file", str, ""),
        Setting("companion.timeout", int, 60, _seconds, "COACH_SERVER_TIMEOUT"),
        Setting("companion.share_context", bool, False),
    ]
}


def parse_value(setting: Setting, raw: Any) -> Any:
    """Turn a raw value (from TOML, the environment or the shell) into the setting's type."""
    try:
        if setting.type is bool:
            if isinstance(raw, bool):
                value: Any = raw
            elif str(raw).strip().lower() in {"1", "true", "yes", "on", "oui", "vrai"}:
                value = True
            elif str(raw).strip().lower() in {"0", "false", "no", "off", "non", "faux"}:
                value = False
            else:
                raise ValueError("true, false")
        elif setting.type is int:
            if isinstance(raw, bool):
                raise ValueError("integer")
            value = int(raw)
        else:
            value = str(raw)
        return setting.check(value)
    except (TypeError, ValueError) as exc:
        hint = str(exc) if str(exc) and "invalid literal" not in str(exc) else setting.type.__name__
        raise CoachError(t("config.bad_value", key=setting.key, value=raw, hint=hint)) from None


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str) -> Any:
        setting = _setting(key)
        return self.values.get(key, setting.default)

    def __getitem__(self, key: str) -> Any:
        return self.get(key)

    @property
    def language(self) -> str:
        return self.get("language") or detect_language()

    @property
    def country(self) -> str:
        return self.get("country") or _country_from_locale()

    @property
    def reduced_motion(self) -> bool:
        return bool(self.get("reduced_motion")) or os.environ.get("TEXTUAL_ANIMATIONS") == "none"

    def with_overrides(self, **overrides: Any) -> Config:
        values = dict(self.values)
        for key, raw in overrides.items():
            if raw is not None:
                values[key] = parse_value(_setting(key), raw)
        return Config(values, self.path)


def _setting(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise CoachError(t("config.unknown_key", key=key, keys=", ".join(SETTINGS))) from None


def _country_from_locale() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        code = value.split(".")[0]
        if "_" in code:
            region = code.split("_")[1][:2].upper()
            if region.isalpha() and len(region) == 2:
                return region
    return ""


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def load(p: paths.Paths, environ: dict[str, str] | None = None) -> Config:
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    file = p.config_file
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise CoachError(t("config.damaged", path=file, error=exc)) from None
        for key, raw in _flatten(data).items():
            if key in SETTINGS:
                values[key] = parse_value(SETTINGS[key], raw)
    for setting in SETTINGS.values():
        if setting.env and env.get(setting.env):
            values[setting.key] = parse_value(setting, env[setting.env])
    return Config(values, file)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _dump(values: dict[str, Any]) -> str:
    top: list[str] = []
    sections: dict[str, list[str]] = {}
    for key in sorted(values):
        section, _, name = key.rpartition(".")
        line = f"{name} = {_toml_value(values[key])}"
        (sections.setdefault(section, []) if section else top).append(line)
    parts = ["# coach settings: `coach config set KEY VALUE` edits this file.", *top]
    for section, lines in sections.items():
        parts += ["", f"[{section}]", *lines]
    return "\n".join(parts) + "\n"


def save_value(p: paths.Paths, key: str, raw: Any) -> Any:
    """Validate and store one setting, keeping the others. Returns the stored value."""
    from coach.store.atomic import atomic_write

    setting = _setting(key)
    value = parse_value(setting, raw)
    current = load(p, environ={}).values
    current[key] = value
    paths.ensure_dir(p.config)
    atomic_write(p.config_file, _dump(current).encode("utf-8"))
    return value


def unset_value(p: paths.Paths, key: str) -> None:
    from coach.store.atomic import atomic_write

    _setting(key)
    current = load(p, environ={}).values
    current.pop(key, None)
    paths.ensure_dir(p.config)
    atomic_write(p.config_file, _dump(current).encode("utf-8"))
