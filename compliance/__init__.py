"""compliance: a linter for marketing content (sponsorship disclosures and unsupported claims).

The public API:

    from compliance import Checker, load_rulesets, check
    findings = check("Loving this serum! use code MAYA15", platform="instagram")
"""

from __future__ import annotations

import functools

__version__ = "0.1.0"

from .engine import Checker, Result  # noqa: E402
from .model import Finding, InputError, Origin, Post, Severity  # noqa: E402
from .rules.loader import load_rulesets  # noqa: E402


def check(text: str, rulesets: tuple[str, ...] = ("us-ftc",), **fields: object) -> list[Finding]:
    """Check one post given as text plus post fields (platform, relationship, …)."""
    from .sources.fields import post_from_fields

    post = post_from_fields({**fields, "text": text}, Origin("<string>"), default_id="<string>")
    return list(_checker(tuple(rulesets)).check(post).findings)


@functools.cache
def _checker(rulesets: tuple[str, ...]) -> Checker:
    return Checker(load_rulesets(rulesets))


__all__ = ["Checker", "Finding", "InputError", "Origin", "Post", "Result", "Severity", "check", "load_rulesets", "__version__"]
