"""Fixtures for the companion tests: the real default model, installed per test by a link."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest


@pytest.fixture
def installed_model(context, default_model: Path) -> Path:
    """The default model 'installed' in this test's COACH_HOME (a symlink to the shared copy)."""
    from coach.paths import ensure_dir

    target = ensure_dir(context.paths.models) / default_model.name
    target.symlink_to(default_model)
    return target


@pytest.fixture
def runtime(default_model: Path, tmp_path: Path):
    """A real llama.cpp runtime on the default model, shared by nothing else."""
    from coach.companion.runtime import LocalRuntime
    from coach.companion.threads import choose

    rt = LocalRuntime(default_model, "smollm2-135m", choose(), n_ctx=2048, cache_dir=tmp_path)
    rt.max_tokens = 120  # enough to show what the model does; keeps the suite quick
    yield rt
    rt.close()


class FaultyBackend:
    """A backend that fails the test if the model is ever asked anything."""

    name = "faulty"
    model_id = "faulty"
    n_ctx = 2048
    loaded = True

    def __init__(self) -> None:
        self.calls = 0

    def load(self) -> None:
        pass

    def count_tokens(self, messages) -> int:
        self.calls += 1
        raise AssertionError("the model was consulted")

    def stream(self, messages, stop=None, **kwargs):
        self.calls += 1
        raise AssertionError("the model was asked to generate")


@pytest.fixture
def faulty_backend() -> FaultyBackend:
    return FaultyBackend()


class Recording:
    """Wraps a real backend and keeps every prompt it was given."""

    def __init__(self, backend) -> None:
        self.backend = backend
        self.prompts: list[list[dict[str, str]]] = []
        self.lock = threading.Lock()

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def stream(self, messages, stop=None, **kwargs):
        with self.lock:
            self.prompts.append([dict(m) for m in messages])
        yield from self.backend.stream(messages, stop=stop, **kwargs)


@pytest.fixture
def recording():
    return Recording
