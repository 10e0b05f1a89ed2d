"""Errors that reach the user as one line, never as a traceback."""


class CoachError(Exception):
    """A problem the user can act on. The message is already translated."""

    exit_code = 1


class StoreError(CoachError):
    """A store file is damaged, foreign or unwritable."""


class UsageError(CoachError):
    exit_code = 2
