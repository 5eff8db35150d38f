"""Rule kinds: one module each. Add a kind by adding a module and listing it here."""

from __future__ import annotations

from types import ModuleType

from . import (
    claim,
    contradicted_disclosure,
    disclosure_placement,
    missing_disclosure,
    prohibited,
    repeated_disclosure,
    required_statement,
    surface_disclosure,
    weak_disclosure,
)

KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (
        missing_disclosure,
        weak_disclosure,
        disclosure_placement,
        contradicted_disclosure,
        surface_disclosure,
        repeated_disclosure,
        claim,
        required_statement,
        prohibited,
    )
}
