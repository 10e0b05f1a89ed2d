"""Small helpers the server tests share (a module, not conftest: names must be unique)."""

from __future__ import annotations

from typing import Any

API_KEY = "test-key-4f1c9a"


def use_server(context: Any, url: str, **settings: Any) -> Any:
    """The test's context, switched to the server backend at `url`."""
    values = {"companion.backend": "server", "companion.url": url, **settings}
    context.config = context.config.with_overrides(**values)
    return context
