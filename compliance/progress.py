"""A progress line on standard error for long runs, only when standard error is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

REFRESH_SECONDS = 0.2


class Progress:
    def __init__(self, total_bytes: int | None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.total = total_bytes or None
        self.posts = self.done = 0
        self.started = self.shown = time.monotonic()

    def advance(self, posts: int, size: int) -> None:
        self.posts += posts
        self.done += size
        now = time.monotonic()
        if self.enabled and now - self.shown >= REFRESH_SECONDS:
            self.shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.posts / max(now - self.started, 1e-9)
        line = f"{self.posts:,} posts checked, {rate:,.0f}/s"
        if self.total:
            share = min(self.done / self.total, 1.0)
            left = (now - self.started) * (1 - share) / share if share else 0
            line = f"{share:6.1%} {line}, about {left:,.0f} s left"
        self.stream.write(f"\r\x1b[2K{line}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.shown != self.started:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
