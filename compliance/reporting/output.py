"""Where a report goes: standard output, or a file written atomically.

A report file is written beside its destination under a temporary name and moved into place
only when complete, so a crash or Ctrl-C never leaves half a report (an earlier report at that
path stays as it was).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator, TextIO


@contextlib.contextmanager
def report_file(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    handle: Any = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False,
    )
    try:
        with handle:
            yield handle
        os.chmod(handle.name, _mode(target))
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _mode(target: Path) -> int:
    """The permissions the report gets: those of the file it replaces, or what the umask gives a
    new file (a temporary file is created readable by its owner only)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
