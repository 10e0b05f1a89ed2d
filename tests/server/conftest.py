"""Fixtures for the server backend: a real llama-cpp-python server on loopback, and small
servers of our own that misbehave on purpose (see fake_servers.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fake_servers
import llama_server_process
from server_support import API_KEY, use_server


@pytest.fixture(scope="session")
def llama_server(default_model: Path, tmp_path_factory) -> Iterator[Any]:
    """llama-cpp-python's server with the default model, one for the whole session.

    `--interrupt_requests false`: by default that server cuts a streaming reply short
    whenever another request arrives, which is not how a shared server should run.
    """
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with llama_server_process.running(
        default_model, log, n_ctx=2048, extra=["--interrupt_requests", "false"]
    ) as server:
        yield server


@pytest.fixture(scope="session")
def llama_server_with_key(default_model: Path, tmp_path_factory) -> Iterator[Any]:
    log = tmp_path_factory.mktemp("llama-server-key") / "server.log"
    with llama_server_process.running(
        default_model, log, n_ctx=512, extra=["--api_key", API_KEY]
    ) as server:
        yield server


@pytest.fixture
def server_context(context, llama_server):
    return use_server(context, llama_server.url, **{"companion.timeout": 120})


@pytest.fixture
def fake_server() -> Iterator[Callable[[Callable[[Any, Any], None]], Any]]:
    """Start small servers of our own (`fake_server(scenario)`); all stopped at the end."""
    started: list = []
    yield lambda scenario: fake_servers.start(scenario, started)
    fake_servers.stop_all(started)


@pytest.fixture
def tls_server(tmp_path) -> Iterator[Callable[[Callable[[Any, Any], None]], Any]]:
    """Like fake_server, over https on `localhost` with a self-signed certificate.

    Returns the server; `.cert` is the certificate a client must trust.
    """
    started: list = []
    cert, key = fake_servers.self_signed(tmp_path)

    def start(scenario):
        fake = fake_servers.start(scenario, started)
        fake_servers.wrap_tls(fake, started, cert, key)
        fake.cert = cert
        return fake

    yield start
    fake_servers.stop_all(started)
