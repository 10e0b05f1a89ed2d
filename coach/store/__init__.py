"""The only code that touches disk for user data."""

from coach.store.store import Collection, Store

__all__ = ["Collection", "Store"]
