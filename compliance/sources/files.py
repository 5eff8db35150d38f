"""Reading bytes from disk into text, with every failure turned into a located InputError."""

from __future__ import annotations

from pathlib import Path

from ..model import InputError

BINARY_SNIFF = 8192


def is_binary(data: bytes) -> bool:
    return b"\x00" in data[:BINARY_SNIFF]


def binary_error(path: str) -> InputError:
    return InputError(path, None, "looks like a binary file (it contains NUL bytes); not checked")


def decode(data: bytes, path: str, first_line: int = 1) -> str | InputError:
    """UTF-8 text (a leading BOM dropped), or an error naming the line of the first bad byte."""
    if is_binary(data):
        return binary_error(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        return InputError(path, line, f"is not valid UTF-8 (byte 0x{data[exc.start]:02x}); not checked")


def read_bytes(path: Path, shown: str) -> bytes | InputError:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        return InputError(shown, None, "is a directory")
    except OSError as exc:
        return InputError(shown, None, f"cannot be read: {exc.strerror or exc}")
