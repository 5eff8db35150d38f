"""Batch scale: `compliance check posts.jsonl --format jsonl --jobs N` on large generated files.

    python benchmarks/batch.py [--sizes 100000,1000000] [--jobs 1,2] [--workdir DIR]

For each size and job count: wall time, posts per second, and peak memory — of the largest
single process, and of the whole process tree (the main process and its workers, sampled from
/proc every 0.2 s). The speedup of N jobs over 1 is reported for every size run with both.

The posts are the ones of bench.py (about 40 words, 30 % with a label or a sign of a deal), each
with a handle, a hashtag and a link of its own, so the vocabulary grows as real feeds do: memory
that does not stay flat shows here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import generate  # noqa: E402

TEMPLATES = 5_000  # distinct texts, each made unique by its own handle, tag and link


def write_posts(path: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    texts = generate(TEMPLATES, seed)
    platforms = ["instagram", "tiktok", "youtube", "x", "facebook"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            unique = f" @fan{rng.randrange(10**9)} #day{rng.randrange(10**7)} https://ex.com/p/{rng.randrange(10**12):x}"
            post = {"id": f"p{i}", "platform": platforms[i % len(platforms)], "text": texts[i % TEMPLATES] + unique}
            out.write(json.dumps(post, ensure_ascii=False) + "\n")


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """(largest process, sum over the process and its descendants) resident set, in KB."""
    sizes = []
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            sizes.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return (max(sizes), sum(sizes)) if sizes else (0, 0)


def run(posts: Path, jobs: int, output: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "compliance", "check", str(posts), "--format", "jsonl", "--jobs", str(jobs),
               "--fail-on", "never", "--output", str(output)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            largest, total = tree_rss_kb(process.pid)
            peaks[0], peaks[1] = max(peaks[0], largest), max(peaks[1], total)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"compliance exited {process.returncode}: {stderr}")
    summary = json.loads(output.read_text(encoding="utf-8").rsplit("\n", 2)[-2])
    return {"wall": wall, "posts": summary["posts"], "findings": summary["findings"], "largest_mb": peaks[0] / 1024, "tree_mb": peaks[1] / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--workdir", default=None, help="Where to write the generated posts (default: a temporary folder).")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs_list = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        print(f"{'posts':>9} {'jobs':>4} {'wall s':>8} {'posts/s':>8} {'largest MB':>10} {'tree MB':>8} {'speedup':>7}")
        for size in sizes:
            posts = Path(folder) / f"posts-{size}.jsonl"
            write_posts(posts, size)
            walls: dict[int, float] = {}
            for jobs in jobs_list:
                result = run(posts, jobs, Path(folder) / "out.jsonl")
                assert result["posts"] == size, result
                walls[jobs] = result["wall"]
                speedup = f"{walls[1] / result['wall']:.2f}" if 1 in walls and jobs != 1 else ""
                print(f"{size:>9,} {jobs:>4} {result['wall']:>8.1f} {size / result['wall']:>8,.0f} "
                      f"{result['largest_mb']:>10.0f} {result['tree_mb']:>8.0f} {speedup:>7}", flush=True)
            posts.unlink()


if __name__ == "__main__":
    main()
