"""Last in the fuzz suite: how many inputs each target was tried on (run with -s to see it)."""

from .strategies import EXAMPLES, TRIED


def test_report_inputs_tried():
    print(f"\nfuzz inputs tried (COMPLIANCE_FUZZ_EXAMPLES={EXAMPLES}):", dict(sorted(TRIED.items())), "total", sum(TRIED.values()))
