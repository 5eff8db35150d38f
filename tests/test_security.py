"""Guarantees of SECURITY.md that need a whole process: no network access anywhere, the same
bytes out for the same input (across runs and --jobs), and Ctrl-C stopping cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Loaded by every Python process started with this folder on PYTHONPATH: any attempt to reach the
# network (a connection or a name lookup) fails and leaves a mark.
NO_NETWORK = '''
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["NETWORK_ATTEMPTS"], "a") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network disabled by the test")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compliance", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_no_network_access_anywhere(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    attempts = tmp_path / "attempts.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]), "NETWORK_ATTEMPTS": str(attempts)}
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps(p) + "\n" for p in [
        {"id": "us", "text": "use code MAYA15 https://amzn.to/3xYz"},
        {"id": "fr", "market": "fr", "text": "Trop hâte de vous montrer ma crème, code LEA10"},  # language models, French pipeline
        {"id": "vn", "market": "vn", "text": "sua rua mat nay tot nhat, mua ngay"},
    ]), encoding="utf-8")
    runs = [
        run(["check", str(posts), "--format", "json"], tmp_path, env),
        run(["check", str(posts), "--format", "sarif", "--jobs", "2"], tmp_path, env),
        run(["audit", str(ROOT / "examples" / "campaign" / "plan.yaml"), "--format", "html", "-o", str(tmp_path / "r.html")], tmp_path, env),
        run(["rules", "test"], tmp_path, env),
    ]
    for result in runs:
        assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr, result.stderr
    assert json.loads(runs[0].stdout)["summary"]["posts"] == 3
    assert not attempts.exists(), attempts.read_text()


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    texts = ["use code MAYA{n} for 15% off", "#ad love it {n}", "thanks @glowco {n} #sp", "clinically proven {n}"]
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps({"text": texts[i % 4].format(n=i), "relationship": "paid" if i % 3 else None}) + "\n" for i in range(1500)), encoding="utf-8")
    outputs = {}
    for name, extra in (("first", []), ("again", []), ("two jobs", ["--jobs", "2"])):
        for fmt in ("json", "sarif"):
            result = run(["check", str(posts), "--format", fmt, "--fail-on", "never", *extra], tmp_path)
            assert result.returncode == 0, result.stderr
            outputs[(name, fmt)] = result.stdout
    for fmt in ("json", "sarif"):
        assert outputs[("first", fmt)] == outputs[("again", fmt)] == outputs[("two jobs", fmt)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_cleanly_with_a_partial_summary(tmp_path: Path, jobs: str) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps({"text": f"use code MAYA{i} and a long walk by the river with the dog {i}"}) + "\n" for i in range(150_000)), encoding="utf-8")  # far more than 6 s of work
    report = tmp_path / "report.json"
    report.write_text("an earlier report\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "compliance", "check", str(posts), "--format", "json", "-o", str(report), "--jobs", jobs],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(6)  # past start-up, into the posts
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "Interrupted:" in stderr and "posts" in stderr and "not written" in stderr
    assert report.read_text(encoding="utf-8") == "an earlier report\n"  # never half a report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts.jsonl", "report.json"]  # no temporary file left
