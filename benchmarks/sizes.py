"""Time per byte of one post, from 1 KB to 10 MB: checking must stay linear in a post's length.

    python benchmarks/sizes.py [--sizes 1000,100000,10000000] [--profile]

Each post is realistic text repeated to the size: everyday sentences, hashtags, a handle, a
link, a label ("#ad") and a claim, checked by `Checker(load_rulesets(["us-ftc"])).check`. Prints
seconds and MB/s per size; `--profile` prints the cProfile of the largest size instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compliance.engine import Checker  # noqa: E402
from compliance.model import Origin, Post  # noqa: E402
from compliance.rules.loader import load_rulesets  # noqa: E402

SENTENCES = (
    "Honestly this week was wild and I finally tried the new matcha place downtown with my sister. ",
    "My skin feels calmer after switching routines #skincare #selfcare @glowco ",
    "This serum is clinically proven to cure acne in 7 days! ",
    "Training for the half marathon is going better than I expected 🏃 #running\n",
    "Grab yours at https://amzn.to/3xYz12 and use code MAYA15 for 15% off. ",
    "The weather turned cold so soup season is here, the kids loved the museum.\n\n",
)


def make_text(size: int) -> str:
    """A post of about `size` characters: a label at the start, then sentences over and over."""
    unit = "".join(SENTENCES)
    head = "#ad Thanks @glowco for sponsoring this post! "
    return (head + unit * (size // len(unit) + 1))[:size]


def make_post(size: int) -> Post:
    return Post(id=f"size-{size}", text=make_text(size), origin=Origin("sizes.jsonl", 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,100000,10000000", help="post sizes in characters, comma-separated")
    parser.add_argument("--profile", action="store_true", help="profile the largest size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    checker = Checker(load_rulesets(["us-ftc"]))
    checker.check(make_post(1000))  # warm up: pipeline loaded, patterns compiled
    if args.profile:
        post = make_post(max(sizes))
        profile = cProfile.Profile()
        profile.runcall(checker.check, post)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        return
    print(f"{'size':>12} {'seconds':>9} {'MB/s':>7} {'findings':>9} {'errors':>7}")
    for size in sizes:
        post = make_post(size)
        start = time.perf_counter()
        result = checker.check(post)
        seconds = time.perf_counter() - start
        mb = len(post.text.encode("utf-8")) / 1e6
        print(f"{size:>12,} {seconds:>9.3f} {mb / seconds:>7.2f} {len(result.findings):>9} {len(result.errors):>7}")
        for error in result.errors[:3]:
            print(f"    error: {error}")


if __name__ == "__main__":
    main()
