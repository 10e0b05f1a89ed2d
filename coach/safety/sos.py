"""What the SOS screen, `coach sos` and the crisis block say, built once for all three.

Short on purpose: one line that acknowledges, the emergency question, the lines
of the user's country, their own plan. Plain data and plain text: no Textual.

The plan is in one of four states, and each is said plainly: shown (`ok`), not
written yet (`none`), kept encrypted in a process that is not unlocked
(`locked`), or not readable (`unreadable`, a damaged file). A locked or damaged
plan must never read as "you have no plan": in a crisis that is untrue and
unkind. Whatever the state, the lines come first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from coach.errors import CoachError, StoreError
from coach.i18n import t
from coach.safety import plan as plan_service
from coach.safety import resources

if TYPE_CHECKING:
    from coach.context import Context

PlanState = Literal["ok", "none", "locked", "unreadable"]


@dataclass
class SosInfo:
    lang: str
    resources: resources.Resources
    plan: plan_service.Plan | None  # None when the plan is locked or could not be read
    detected: bool = False  # opened because of something the user wrote
    plan_state: PlanState = "ok"  # see the module docstring

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

    def plan_note(self) -> str | None:
        """What stands in for the plan when it cannot be shown; None when it is shown.

        `none` has no text here: the shell and the TUI each say how to write one.
        """
        if self.plan_state == "locked":
            from coach.privacy.unlock import ENV, ENV_FILE

            return t("safety.plan_locked", self.lang, var=ENV, file_var=ENV_FILE)
        if self.plan_state == "unreadable":
            return t("safety.plan_unreadable", self.lang)
        return None

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
            "plan_state": self.plan_state,
        }


def build(context: Context, country: str | None = None, detected: bool = False) -> SosInfo:
    """Everything the SOS view shows. Never fails for want of the plan: the lines matter more."""
    code = country or context.config.country
    try:
        res = resources.load(code, context.paths.config)
    except Exception:
        res = resources.load(code, None)
    plan, state = _load_plan(context)
    return SosInfo(context.lang, res, plan, detected, state)


def _load_plan(context: Context) -> tuple[plan_service.Plan | None, PlanState]:
    """The plan and its state. Never raises: a crisis view must not end in a traceback."""
    try:
        _ = context.store  # an encrypted store opens with its passphrase, or not at all
    except StoreError:  # a damaged key-check file: the plan cannot be opened at all
        return None, "unreadable"
    except CoachError:
        if not _locked(context):
            return None, "unreadable"
        if not _plan_file_exists(context):  # encrypted, but no plan was ever written
            return plan_service.Plan(), "none"
        return None, "locked"
    except Exception:
        return None, "unreadable"
    try:
        plan = plan_service.load(context)
    except Exception:  # damaged file, newer format, odd record: say so, show the lines anyway
        return None, "unreadable"
    return plan, "none" if plan.is_empty() else "ok"


def _locked(context: Context) -> bool:
    """Encrypted and not unlocked (no passphrase, or a wrong one); not an interrupted change,
    which `coach plan show` explains better than "locked" would."""
    try:
        from coach.privacy.encryption import pending

        return context.encrypted and not pending(context.paths)
    except Exception:
        return False


def _plan_file_exists(context: Context) -> bool:
    from coach.store import Store

    try:
        return Store(context.paths).file_for(plan_service.CONCERN).exists()
    except Exception:
        return True  # unsure: "kept encrypted" is kinder than a wrong "no plan yet"


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
    note = info.plan_note()
    if rows:
        out.append(t("safety.plan_title", info.lang))
        for title, items in rows:
            out.append(f"  {title}")
            out += [f"    – {item}" for item in items]
    elif note is not None:
        out.append(note)
    else:
        out.append(t("safety.plan_none", info.lang))
    return "\n".join(out)
