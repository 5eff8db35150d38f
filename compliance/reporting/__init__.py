"""Output formats: one module each with `render(report, out, color)`. Add a format by adding a module."""

from __future__ import annotations

from typing import Callable, TextIO

from . import json, text
from .report import Report

Renderer = Callable[..., None]

FORMATS: dict[str, Renderer] = {"text": text.render, "json": json.render}

__all__ = ["FORMATS", "Report", "TextIO"]
