"""llama.cpp in this process, through llama-cpp-python (imported only when first needed).

Three things here are about living inside a terminal UI:
- llama.cpp's log goes through `logging` (a log callback), and the model is
  built with `verbose=True`: `verbose=False` points the process's stdout and
  stderr at /dev/null while loading, which blanks a running Textual screen.
- One generation at a time, and a stop flag checked at every token, so Escape
  stops a reply at once.
- Threads chosen for the machine (see `threads`), `n_ctx` set explicitly, the
  file memory-mapped.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.companion.gguf import read_header
from coach.companion.threads import Threads
from coach.errors import CoachError
from coach.i18n import t

log = logging.getLogger("coach.llama")
# llama.cpp's chatter is for a log file the user configured, never for their terminal.
log.addHandler(logging.NullHandler())
# ggml_log_level: 0 none, 1 debug, 2 info, 3 warn, 4 error, 5 continues the previous one.
_LEVELS = {
    0: logging.CRITICAL,
    1: logging.DEBUG,
    2: logging.INFO,
    3: logging.WARNING,
    4: logging.ERROR,
}
_callback: Any = None  # kept alive: llama.cpp holds a pointer to it
_load_lock = threading.Lock()
_probe_results: dict[str, bool] = {}
REPLY_TOKENS = 320  # a reply is meant to stay under ~120 words


class RuntimeUnavailable(CoachError):
    """llama-cpp-python is not installed or cannot load."""


class ModelLoadError(CoachError):
    pass


class Busy(CoachError):
    pass


@dataclass
class Stats:
    prompt_tokens: int = 0
    tokens: int = 0
    seconds_to_first_token: float = 0.0
    seconds_generating: float = 0.0
    stopped: bool = False

    @property
    def tokens_per_second(self) -> float:
        # Measured from the first token: the rate of generation, apart from prompt reading.
        if self.tokens <= 1 or self.seconds_generating <= 0:
            return 0.0
        return (self.tokens - 1) / self.seconds_generating


def import_llama() -> Any:
    try:
        import llama_cpp
    except Exception as exc:  # a broken native build raises anything
        raise RuntimeUnavailable(t("companion.no_llama", error=exc)) from None
    _route_log(llama_cpp)
    return llama_cpp


def _route_log(llama_cpp: Any) -> None:
    global _callback
    if _callback is not None:
        return
    last = [logging.DEBUG]

    @llama_cpp.llama_log_callback
    def callback(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        # Level 5 continues the previous message; 4 is debug chatter.
        lvl = last[0] if level == 5 else _LEVELS.get(level, logging.DEBUG)
        last[0] = lvl
        message = text.decode("utf-8", errors="replace").rstrip()
        if message:
            log.log(lvl, message)

    _callback = callback
    llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))


class _LogWriter(io.TextIOBase):
    """Python-level prints from llama-cpp-python during a load go to the log, not the screen."""

    def write(self, text: str) -> int:
        if text.strip():
            log.debug(text.rstrip())
        return len(text)


# --- extra buffer types (weight repacking, AMX) ----------------------------------------

_PROBE = """
import sys, llama_cpp
llm = llama_cpp.Llama(sys.argv[1], n_ctx=256, n_threads=1, n_threads_batch=2, verbose=False)
# A batch of many tokens, then single tokens: llama.cpp takes different kernels for each.
llm.eval(llm.tokenize(b"Hello there. " * 24, add_bos=False))
llm.eval(llm.tokenize(b" again", add_bos=False)[:1])
"""


def extra_buffers_safe(llama_cpp: Any, model: Path, cache_dir: Path | None) -> bool:
    """Whether llama.cpp's extra buffer types run on this machine.

    A build made with AMX enabled dies of SIGILL on decode where the CPU says
    it has AMX but the kernel or hypervisor does not let a process use it (some
    virtual machines). That cannot be caught in-process, so a child process
    tries once; the answer is kept per build and CPU.
    """
    info = llama_cpp.llama_print_system_info().decode("utf-8", errors="replace")
    if "AMX_INT8 = 1" not in info:
        return True
    key = f"v2|{getattr(llama_cpp, '__version__', '?')}|{info}|{_cpu_name()}"
    if key in _probe_results:
        return _probe_results[key]
    cache_file = cache_dir / "llama-probe.json" if cache_dir else None
    known: dict[str, bool] = {}
    if cache_file and cache_file.exists():
        with contextlib.suppress(OSError, ValueError):
            known = json.loads(cache_file.read_text(encoding="utf-8"))
    if key not in known:
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _PROBE, str(model)],
                capture_output=True,
                timeout=300,
                stdin=subprocess.DEVNULL,
            )
            known[key] = proc.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            known[key] = False
        log.info("extra buffer types %s", "usable" if known[key] else "disabled (SIGILL)")
        if cache_file:
            with contextlib.suppress(OSError):
                from coach import paths as _paths

                _paths.ensure_dir(cache_file.parent)
                cache_file.write_text(json.dumps(known), encoding="utf-8")
    _probe_results[key] = known[key]
    return known[key]


def _cpu_name() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return ""


# --- the runtime ------------------------------------------------------------------------


class LocalRuntime:
    """One model file, loaded once, generating one reply at a time."""

    name = "local"

    def __init__(
        self,
        model_path: Path,
        model_id: str,
        threads: Threads,
        n_ctx: int = 4096,
        seed: int = 42,
        cache_dir: Path | None = None,
    ) -> None:
        self.model_path = Path(model_path)
        self.model_id = model_id
        self.threads = threads
        self.requested_ctx = n_ctx
        self.seed = seed
        self.cache_dir = cache_dir
        self.llm: Any = None
        self._formatter: Any = None
        self._eos = ""
        self._busy = threading.Lock()
        self.stats = Stats()
        self.max_tokens = REPLY_TOKENS
        self._never = threading.Event()
        self._stop = self._never  # the flag llama.cpp's abort callback reads
        self._abort: Any = None

    @property
    def where(self) -> str:
        return str(self.model_path)

    @property
    def loaded(self) -> bool:
        return self.llm is not None

    @property
    def n_ctx(self) -> int:
        return self.llm.n_ctx() if self.llm is not None else self.requested_ctx

    def load(self) -> None:
        if self.llm is not None:
            return
        header = read_header(self.model_path)  # a clear error before llama.cpp sees a bad file
        llama_cpp = import_llama()
        trained = header.context_length or self.requested_ctx
        n_ctx = max(512, min(self.requested_ctx, trained))
        safe = extra_buffers_safe(llama_cpp, self.model_path, self.cache_dir)
        with _load_lock:
            self.llm = _build(llama_cpp, self.model_path, n_ctx, self.threads, self.seed, safe)
        self._formatter, self._eos = _formatter(llama_cpp, self.llm, header.chat_template)
        # Escape must work while a long prompt is being read too, not only between tokens:
        # llama.cpp asks this callback between the steps of each batch.
        self._abort = llama_cpp.ggml_abort_callback(lambda _data: self._stop.is_set())
        llama_cpp.llama_set_abort_callback(self.llm._ctx.ctx, self._abort, None)

    def warm(self, messages: list[dict[str, str]]) -> None:
        """Read the fixed start of the prompt now (while a screen says "loading"), so the
        first reply starts as fast as later ones: llama.cpp keeps it in its KV cache."""
        with self._busy:
            self.load()
            tokens = self.tokenize(self.format(messages))
            self.llm.reset()
            self.llm.eval(tokens)

    def close(self) -> None:
        if self.llm is not None:
            with contextlib.suppress(Exception):
                self.llm.close()
            self.llm = None

    def format(self, messages: list[dict[str, str]]) -> str:
        self.load()
        return self._formatter(messages=messages).prompt

    def count_tokens(self, messages: list[dict[str, str]]) -> int:
        return len(self.tokenize(self.format(messages)))

    def tokenize(self, text: str) -> list[int]:
        self.load()
        return self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)

    def stream(
        self,
        messages: list[dict[str, str]],
        stop: threading.Event | None = None,
        max_tokens: int | None = None,
        temperature: float = 0.0,
    ) -> Iterator[str]:
        """Yield the reply piece by piece (about one token each) until done or `stop` is set."""
        if not self._busy.acquire(blocking=False):
            raise Busy(t("companion.busy"))
        try:
            self.load()
            tokens = self.tokenize(self.format(messages))
            budget = self.n_ctx - len(tokens)
            if budget <= 8:
                raise CoachError(t("companion.too_long"))
            self.stats = stats = Stats(prompt_tokens=len(tokens))
            self._stop = stop or self._never
            start = time.perf_counter()
            first = 0.0
            chunks = self.llm.create_completion(
                tokens,
                max_tokens=min(max_tokens or self.max_tokens, budget),
                temperature=temperature,
                top_p=0.9,
                repeat_penalty=1.1,
                seed=self.seed,
                stop=[self._eos] if self._eos else [],
                stream=True,
            )
            try:
                for chunk in _aborted_quietly(chunks, stop):
                    if stop is not None and stop.is_set():
                        stats.stopped = True
                        break
                    text = chunk["choices"][0]["text"]
                    if not text:
                        continue
                    now = time.perf_counter()
                    if not first:
                        first = now
                        stats.seconds_to_first_token = now - start
                    stats.tokens += 1
                    stats.seconds_generating = now - first
                    yield text
                    if stop is not None and stop.is_set():
                        stats.stopped = True
                        break
            finally:
                chunks.close()
                stats.stopped = stats.stopped or bool(stop is not None and stop.is_set())
        finally:
            self._stop = self._never
            self._busy.release()


def _aborted_quietly(chunks: Iterator[Any], stop: threading.Event | None) -> Iterator[Any]:
    """The chunks, ending quietly when the stop flag aborted llama.cpp mid-batch."""
    try:
        yield from chunks
    except RuntimeError:
        # llama_decode reports the abort as an error; the KV cache stays consistent (the
        # unfinished batch is dropped at the next decode), so a stop is just a stop.
        if stop is None or not stop.is_set():
            raise


def _build(llama_cpp: Any, path: Path, n_ctx: int, threads: Threads, seed: int, extra: bool):
    from llama_cpp import llama as llama_module

    lib = llama_module.llama_cpp
    original = lib.llama_model_default_params

    def params():
        p = original()
        p.use_extra_bufts = extra
        return p

    lib.llama_model_default_params = params
    try:
        with contextlib.redirect_stdout(_LogWriter()), contextlib.redirect_stderr(_LogWriter()):
            llm = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=threads.generation,
                n_threads_batch=threads.batch,
                n_batch=512,
                use_mmap=True,
                seed=seed,
                verbose=True,  # never False: see the module docstring
            )
    except (ValueError, RuntimeError, OSError) as exc:
        raise ModelLoadError(t("companion.load_failed", path=path, error=exc)) from None
    finally:
        lib.llama_model_default_params = original
    llm.verbose = False  # no per-turn prints on stderr; the C log still reaches `logging`
    return llm


_CHATML = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content']"
    " + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}"
    "{{ '<|im_start|>assistant\n' }}{% endif %}"
)


def _formatter(llama_cpp: Any, llm: Any, template: str) -> tuple[Any, str]:
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    eos_id, bos_id = llm.token_eos(), llm.token_bos()
    eos = llm._model.token_get_text(eos_id) if eos_id != -1 else ""
    bos = llm._model.token_get_text(bos_id) if bos_id != -1 else ""
    if not template:
        template, eos = _CHATML, "<|im_end|>"
    return Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos), eos
