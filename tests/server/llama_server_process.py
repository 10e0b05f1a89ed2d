"""llama-cpp-python's own OpenAI-compatible server, started on loopback for tests and benchmarks.

Run as a script, it is `python -m llama_cpp.server ARGS` with one difference:
`--no-extra-bufts` turns off llama.cpp's extra buffer types, as coach's local
runtime does on machines where they die of SIGILL (AMX in some virtual
machines; see coach.companion.runtime.extra_buffers_safe).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def extra_buffers_safe(model: Path) -> bool:
    from coach.companion.runtime import extra_buffers_safe as probe
    from coach.companion.runtime import import_llama

    cache = Path(os.environ.get("COACH_TEST_MODELS") or Path.home() / ".cache" / "coach-tests")
    return probe(import_llama(), model, cache)


@dataclass
class RunningServer:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()

    def posts(self) -> list[str]:
        """Every POST the server served so far, in order (uvicorn's access log).

        A marker request is sent and awaited first: the log is written after each
        answer, so once the marker shows, every earlier request shows too.
        """
        marker = f"/v1/models?marker={time.monotonic_ns()}"
        with urllib.request.urlopen(self.url + marker, timeout=30):
            pass
        for _ in range(200):  # bounded: 10 s
            lines = self.log_lines()
            if any(marker in line for line in lines):
                return [line for line in lines if '"POST ' in line]
            time.sleep(0.05)
        raise RuntimeError("the server never logged the marker request")


@contextlib.contextmanager
def running(
    model: Path, log: Path, n_ctx: int = 2048, extra: list[str] | None = None,
    threads: int | None = None, ready_seconds: float = 120,
) -> Iterator[RunningServer]:  # fmt: skip
    port = free_port()
    args = [
        sys.executable, str(HERE), "--model", str(model), "--host", "127.0.0.1",
        "--port", str(port), "--n_ctx", str(n_ctx), *(extra or []),
    ]  # fmt: skip
    if threads:
        args += ["--n_threads", str(threads), "--n_threads_batch", str(threads)]
    if not extra_buffers_safe(model):
        args.append("--no-extra-bufts")
    with log.open("wb") as out:
        # Unbuffered: tests read the access log while the server runs.
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env)  # fmt: skip
    server = RunningServer(process, port, log)
    try:
        _wait_ready(server, ready_seconds)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(15)


def _wait_ready(server: RunningServer, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"the server exited: {server.log.read_text(errors='replace')[-2000:]}"
            )
        try:
            with urllib.request.urlopen(server.url + "/v1/models", timeout=2) as response:
                if response.status == 200 and json.load(response).get("data"):
                    return
        except urllib.error.HTTPError as exc:
            if exc.code == 401:  # up, and asking for its key
                return
        except (OSError, urllib.error.URLError, ValueError):
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not become ready in time")


def _serve(argv: list[str]) -> None:
    if "--no-extra-bufts" in argv:
        argv = [a for a in argv if a != "--no-extra-bufts"]
        from llama_cpp import llama as llama_module

        lib = llama_module.llama_cpp
        original = lib.llama_model_default_params

        def params():
            p = original()
            p.use_extra_bufts = False
            return p

        lib.llama_model_default_params = params
    from llama_cpp.server.__main__ import main

    sys.argv = ["llama_cpp.server", *argv]
    main()


if __name__ == "__main__":
    _serve(sys.argv[1:])
