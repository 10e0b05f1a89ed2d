"""Read a GGUF file's header without llama.cpp: a quick check that a file is a model.

Used by `coach model add` and after a download, and for `coach model info`.
Only the header is read (metadata and the tensor table), never the weights.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from coach.errors import CoachError
from coach.i18n import t

MAGIC = b"GGUF"
_SCALARS = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING, _ARRAY = 8, 9
# Far above any real model, low enough that a damaged count fails fast.
_MAX_COUNT = 50_000_000
_MAX_STRING = 64 * 1024 * 1024
# Arrays longer than this (token lists) are skipped rather than kept in memory.
_KEEP_ARRAY = 64


@dataclass
class GgufInfo:
    path: Path
    version: int
    tensor_count: int
    metadata: dict[str, Any] = field(default_factory=dict)
    parameters: int = 0

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", "")) or self.path.stem

    @property
    def context_length(self) -> int | None:
        value = self.metadata.get(f"{self.architecture}.context_length")
        return int(value) if isinstance(value, int) else None

    @property
    def chat_template(self) -> str:
        return str(self.metadata.get("tokenizer.chat_template", ""))


class GgufError(CoachError):
    """The file is not a GGUF model, or it is damaged."""


class _Reader:
    def __init__(self, fh: BinaryIO, path: Path) -> None:
        self.fh, self.path = fh, path

    def read(self, n: int) -> bytes:
        data = self.fh.read(n)
        if len(data) != n:
            raise GgufError(t("companion.gguf_truncated", path=self.path))
        return data

    def scalar(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def count(self) -> int:
        n = self.scalar("<Q")
        if n > _MAX_COUNT:
            raise GgufError(t("companion.gguf_damaged", path=self.path))
        return n

    def string(self) -> str:
        n = self.scalar("<Q")
        if n > _MAX_STRING:
            raise GgufError(t("companion.gguf_damaged", path=self.path))
        return self.read(n).decode("utf-8", errors="replace")

    def value(self, kind: int) -> Any:
        if kind in _SCALARS:
            return self.scalar(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item_kind = self.scalar("<I")
            n = self.count()
            if item_kind in _SCALARS and n > _KEEP_ARRAY:
                self.fh.seek(struct.calcsize(_SCALARS[item_kind]) * n, 1)
                return f"[{n} items]"
            items = [self.value(item_kind) for _ in range(n)]
            return items if n <= _KEEP_ARRAY else f"[{n} items]"
        raise GgufError(t("companion.gguf_damaged", path=self.path))


def read_header(path: Path) -> GgufInfo:
    """The header of the GGUF file at `path`, or a GgufError that says what is wrong."""
    path = Path(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise GgufError(t("companion.gguf_unreadable", path=path, error=exc.strerror)) from None
    with fh:
        reader = _Reader(fh, path)
        magic = fh.read(4)
        if magic != MAGIC:
            raise GgufError(t("companion.gguf_not_gguf", path=path))
        version = reader.scalar("<I")
        if version not in (2, 3):
            raise GgufError(t("companion.gguf_version", path=path, version=version))
        tensors = reader.count()
        kv_count = reader.count()
        info = GgufInfo(path, version, tensors)
        for _ in range(kv_count):
            key = reader.string()
            info.metadata[key] = reader.value(reader.scalar("<I"))
        for _ in range(tensors):
            reader.string()
            dims = reader.scalar("<I")
            if dims > 8:
                raise GgufError(t("companion.gguf_damaged", path=path))
            shape = [reader.scalar("<Q") for _ in range(dims)]
            reader.read(4 + 8)  # the tensor's type and offset
            size = 1
            for d in shape:
                size *= d
            info.parameters += size
    if tensors == 0:
        raise GgufError(t("companion.gguf_damaged", path=path))
    return info


def format_parameters(n: int) -> str:
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f}B"
    if n >= 1_000_000:
        return f"{n / 1e6:.0f}M"
    return str(n)
