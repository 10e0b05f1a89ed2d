"""What the SOS screen, `coach sos` and the crisis block say, built once for all three.

Short on purpose: one line that acknowledges, the emergency question, the lines
of the user's country, their own plan. Plain data and plain text: no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import t
from coach.safety import plan as plan_service
from coach.safety import resources

if TYPE_CHECKING:
    from coach.context import Context


@dataclass
class SosInfo:
    lang: str
    resources: resources.Resources
    plan: plan_service.Plan | None  # None when the plan could not be read
    detected: bool = False  # opened because of something the user wrote

    def acknowledge(self) -> str:
        return t(
            "safety.acknowledge_detected" if self.detected else "safety.acknowledge", self.lang
        )

    def danger(self) -> str:
        numbers = self.resources.emergency
        if not numbers or not self.resources.known:
            return t("safety.danger_unknown", self.lang)
        return t("safety.danger", self.lang, numbers=t("safety.or", self.lang).join(numbers))

    def lines_title(self) -> str:
        return t("safety.lines_title", self.lang, country=self.resources.country_name(self.lang))

    def line_rows(self) -> list[tuple[str, str]]:
        """(name, how to reach it · hours) for each line, crisis lines before emergency ones."""
        rows = []
        ordered = sorted(self.resources.lines, key=lambda line: line.kind == "emergency")
        for line in ordered:
            detail = line.how(self.lang)
            hours = line.hours.get(self.lang) or line.hours.get("en")
            rows.append((line.label(self.lang), f"{detail} · {hours}" if hours else detail))
        return rows

    def plan_rows(self) -> list[tuple[str, list[str]]]:
        """(step title, items) for the steps the user wrote something in."""
        if self.plan is None:
            return []
        return [
            (t(f"plan.step.{step}.title", self.lang), self.plan.items(step))
            for step in plan_service.STEPS
            if self.plan.items(step)
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "acknowledge": self.acknowledge(),
            "danger": self.danger(),
            **self.resources.to_dict(self.lang),
            "plan": self.plan.to_dict() if self.plan else None,
        }


def build(context: Context, country: str | None = None, detected: bool = False) -> SosInfo:
    """Everything the SOS view shows. Never fails for want of the plan: the lines matter more."""
    code = country or context.config.country
    try:
        res = resources.load(code, context.paths.config)
    except Exception:
        res = resources.load(code, None)
    try:
        plan = plan_service.load(context)
    except (CoachError, OSError, ValueError):
        plan = None
    return SosInfo(context.lang, res, plan, detected)


def render_text(info: SosInfo) -> str:
    """The plain-text block for the shell (`coach sos`, the CLI crisis block)."""
    out = [info.acknowledge(), "", info.danger(), ""]
    if info.resources.lines:
        out.append(info.lines_title())
        out += [
            f"  • {t('safety.line_row', info.lang, name=n, how=d)}" for n, d in info.line_rows()
        ]
    if not info.resources.known or not info.resources.support_lines():
        out.append(t("safety.lines_unknown", info.lang))
    out.append("")
    rows = info.plan_rows()
    if rows:
        out.append(t("safety.plan_title", info.lang))
        for title, items in rows:
            out.append(f"  {title}")
            out += [f"    – {item}" for item in items]
    else:
        out.append(t("safety.plan_none", info.lang))
    return "\n".join(out)
