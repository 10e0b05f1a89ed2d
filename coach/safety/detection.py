"""What `detect` answers: a level and the reasons for it."""

from __future__ import annotations

from dataclasses import dataclass, field


class Level:
    """The three levels, most serious first."""

    CRISIS = "crisis"
    CONCERN = "concern"
    NONE = "none"

    ORDER = (CRISIS, CONCERN, NONE)

    @classmethod
    def rank(cls, level: str) -> int:
        """0 for crisis, 1 for concern, 2 for none: lower is more serious."""
        return cls.ORDER.index(level)


@dataclass
class Detection:
    level: str = Level.NONE
    reasons: list[str] = field(default_factory=list)

    @property
    def is_crisis(self) -> bool:
        return self.level == Level.CRISIS

    @property
    def is_concern(self) -> bool:
        return self.level == Level.CONCERN

    def to_dict(self) -> dict:
        return {"level": self.level, "reasons": list(self.reasons)}
