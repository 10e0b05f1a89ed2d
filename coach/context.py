"""What every service needs: where things are, the settings, the store, the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from coach import paths as _paths
from coach.config import Config, load
from coach.i18n import set_language


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Context:
    paths: _paths.Paths
    config: Config
    clock: Callable[[], datetime] = field(default=_now)
    # False once the TUI owns the terminal: a passphrase prompt there would garble the screen.
    allow_prompt: bool = True

    @classmethod
    def load(cls, lang: str | None = None, environ: dict[str, str] | None = None) -> Context:
        p = _paths.resolve(environ)
        config = load(p, environ)
        if lang:
            config = config.with_overrides(language=lang)
        ctx = cls(p, config)
        set_language(ctx.lang)
        return ctx

    @property
    def lang(self) -> str:
        return self.config.language

    def now(self) -> datetime:
        return self.clock()

    @cached_property
    def store(self):
        from coach.store import Store

        return Store(self.paths, codec=self._codec())

    def _codec(self):
        """The plain codec, or the encrypting one once the user turned encryption on.

        An encrypted store takes its passphrase from COACH_PASSPHRASE, COACH_PASSPHRASE_FILE
        or a hidden prompt; without one it is a one-line error (see coach.privacy.unlock).
        """
        from coach.privacy.unlock import codec_for

        return codec_for(self.paths, prompt=self.allow_prompt)

    @property
    def encrypted(self) -> bool:
        from coach.privacy.unlock import is_encrypted

        return is_encrypted(self.paths)

    def unlock(self, passphrase: str) -> None:
        """Open an encrypted store with `passphrase` (a TUI prompt); CoachError if wrong."""
        from coach.privacy.unlock import codec_for
        from coach.store import Store

        self.__dict__["store"] = Store(self.paths, codec=codec_for(self.paths, passphrase))
