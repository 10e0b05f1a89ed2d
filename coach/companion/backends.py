"""Where replies come from: llama.cpp in this process, or a llama.cpp server.

Both give the same small interface (`load`, `stream`, `count_tokens`, `n_ctx`,
`stats`, `where`, `name`), so the companion's safety check, guard and context
handling are the same for both. A loaded local model is kept for the life of
the process: loading it again for each question would waste the KV cache.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Protocol

from coach.companion import threads as _threads


class Backend(Protocol):
    name: str
    model_id: str
    stats: Any

    @property
    def where(self) -> str: ...

    @property
    def n_ctx(self) -> int: ...

    def load(self) -> None: ...

    def stream(self, messages, stop=None, max_tokens: int = ..., temperature: float = ...): ...

    def count_tokens(self, messages) -> int: ...


_cache: dict[tuple, Any] = {}
_cache_lock = threading.Lock()


def threads_for(context: Any, ui: bool = True) -> _threads.Threads:
    return _threads.choose(int(context.config.get("companion.threads") or 0), ui=ui)


def local(
    context: Any, model_path: Path | None = None, model_id: str | None = None, ui: bool = True
):
    """The local runtime for the model in use (loaded lazily, kept for the process)."""
    from coach.companion.catalog import resolve_model
    from coach.companion.runtime import LocalRuntime

    if model_path is None:
        model_id, model_path = resolve_model(context.paths.models, context.config)
    threads = threads_for(context, ui)
    n_ctx = int(context.config.get("companion.context_length"))
    key = ("local", str(Path(model_path).resolve()), threads, n_ctx)
    with _cache_lock:
        runtime = _cache.get(key)
        if runtime is None:
            runtime = LocalRuntime(
                Path(model_path),
                model_id or Path(model_path).stem,
                threads,
                n_ctx,
                cache_dir=Path(context.paths.cache),
            )
            _cache[key] = runtime
    return runtime


def for_context(context: Any, ui: bool = True):
    """The backend the settings ask for: `companion.backend = "local" | "server"`."""
    if context.config.get("companion.backend") == "server":
        from coach.companion.server import ServerBackend

        return ServerBackend.from_context(context)
    return local(context, ui=ui)


def forget() -> None:
    """Close every loaded model (tests, and `coach model rm` of the model in use)."""
    with _cache_lock:
        for runtime in _cache.values():
            close = getattr(runtime, "close", None)
            if close:
                close()
        _cache.clear()
