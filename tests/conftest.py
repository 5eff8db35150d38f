"""Shared fixtures: the built-in rule sets and a checker, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance import Checker, load_rulesets

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def us_ftc():
    return load_rulesets(["us-ftc"])


@pytest.fixture(scope="session")
def checker(us_ftc):
    return Checker(us_ftc)
