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
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
