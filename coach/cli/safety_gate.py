"""The safety gate for the shell: every free text a command takes passes here first.

On crisis the crisis block goes to stderr (stdout stays data for scripts); on
concern one kind line. The caller still stores the user's words: we never
lose what someone wrote, least of all in a hard moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.cli.common import say
from coach.i18n import t
from coach.safety import Detection, detect

if TYPE_CHECKING:
    from coach.context import Context


def check(context: Context, text: str) -> Detection:
    detection = detect(text, context.lang)
    if detection.is_crisis:
        say(crisis_block(context))
    elif detection.is_concern:
        say(t("safety.concern_cli", context.lang))
    return detection


def crisis_block(context: Context) -> str:
    from coach.safety.sos import build, render_text

    info = build(context, detected=True)
    rule = "─" * 60
    return f"{rule}\n{render_text(info)}\n\n{t('safety.saved_note', context.lang)}\n{rule}"
