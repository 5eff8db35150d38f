"""The pre-commit hook (`.pre-commit-hooks.yaml`), run by the real pre-commit on real commits.

Each test makes a scratch git repository whose `.pre-commit-config.yaml` takes the hook from
this repository (`repo:` its path, `rev:` its HEAD), installs the git hook with
`pre-commit install` and commits drafts with `git commit`.

pre-commit clones this repository at `rev`, so what is tested is the COMMITTED state: commit
`.pre-commit-hooks.yaml` (and the package) before running these tests. The first run builds
the hook's environment (this package and its dependencies, spaCy among them, from the package
index) in pre-commit's cache (`~/.cache/pre-commit`, or `$PRE_COMMIT_HOME`), which takes a
minute or two; later runs at the same commit reuse it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the test environment's scripts, not resolved out of a venv
PRE_COMMIT = BIN / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
TIMEOUT = 900  # seconds: the first commit builds the hook's environment

# Drafts in the shape a content repository keeps them: Markdown with front matter.
UNDISCLOSED_CODE = """\
---
platform: instagram
brand: GlowCo
---
My morning routine with the new GlowCo serum. Use code MAYA15 for 15% off!
"""
PAID_UNDISCLOSED = """\
---
platform: instagram
relationship: paid
brand: GlowCo
---
Three weeks with the GlowCo night serum: my skin has never felt softer.
"""
DISCLOSED = """\
---
platform: instagram
relationship: paid
brand: GlowCo
---
#ad My morning routine with the new GlowCo serum, a paid partnership with @glowco.
"""
GIFTED_TAG_ONLY = """\
---
platform: instagram
---
#gifted Loving this new serum from @glowco, my skin feels great.
"""


def _git_env() -> dict[str, str]:
    """The environment for git and pre-commit: no variables that point git at another
    repository (as when these tests run inside a git hook), no SKIP, no colour."""
    keep = {
        "GIT_EXEC_PATH", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_SSL_CAINFO", "GIT_SSL_NO_VERIFY",
        "GIT_CONFIG_COUNT", "GIT_HTTP_PROXY_AUTHMETHOD", "GIT_ALLOW_PROTOCOL", "GIT_ASKPASS",
    }
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith("GIT_") or key in keep or key.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))
    }
    env.pop("SKIP", None)  # pre-commit's list of hook ids not to run
    env["PRE_COMMIT_COLOR"] = "never"
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    # PRE_COMMIT_HOME is kept as it is: unset, pre-commit caches in ~/.cache/pre-commit,
    # so the hook's environment is built once per commit of this repository, not per test run.
    return env


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command; its standard output and error together in `.stdout`."""
    try:
        return subprocess.run(
            args, cwd=cwd, env=_git_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as timeout:
        output = timeout.stdout.decode("utf-8", "replace") if isinstance(timeout.stdout, bytes) else timeout.stdout
        pytest.fail(f"`{' '.join(args)}` in {cwd} did not finish in {TIMEOUT} s; its output so far:\n{output}")


def _ok(args: list[str], cwd: Path) -> str:
    result = _run(args, cwd)
    if result.returncode != 0:
        pytest.fail(f"`{' '.join(args)}` in {cwd} exited {result.returncode}:\n{result.stdout}")
    return result.stdout


@pytest.fixture(scope="module")
def hook_rev(tmp_path_factory: pytest.TempPathFactory) -> str:
    """This repository's HEAD, with the hook's environment built (once) in pre-commit's cache."""
    if not (ROOT / ".git").exists():  # a directory, or a file in a worktree or submodule
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit takes the hook from a commit of it")
    if shutil.which("git") is None:
        pytest.fail("git is not installed; the pre-commit hook cannot be tested without it")
    if not PRE_COMMIT.exists():
        pytest.fail(f"pre-commit is not installed in this environment ({PRE_COMMIT} is missing): pip install -e '.[test]'")
    rev = _ok(["git", "rev-parse", "--verify", "HEAD"], ROOT).strip()
    manifest = _run(["git", "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml"], ROOT)
    if manifest.returncode != 0:
        pytest.fail(
            f"HEAD ({rev}) has no .pre-commit-hooks.yaml: pre-commit takes the hook from the commit, "
            "not from the working tree; commit the manifest first"
        )
    # Build the hook's environment here, so a failure to build it shows as itself.
    repo = _scratch_repo(tmp_path_factory.mktemp("hook-env"), rev)
    _ok([str(PRE_COMMIT), "install-hooks"], repo)
    return rev


def _scratch_repo(path: Path, rev: str, args: list[str] | None = None) -> Path:
    """A new git repository at `path` whose pre-commit hook is this repository's `compliance`."""
    path.mkdir(parents=True, exist_ok=True)
    _ok(["git", "init", "-q", str(path)], path)
    for key, value in [("user.name", "Test Author"), ("user.email", "author@example.com"), ("commit.gpgsign", "false")]:
        _ok(["git", "config", key, value], path)
    hook = {"id": "compliance"}
    if args is not None:
        hook["args"] = args
    # JSON is YAML: the path and the arguments are quoted whatever they hold.
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {json.dumps(str(ROOT))}\n    rev: {rev}\n    hooks:\n      - {json.dumps(hook)}\n",
        encoding="utf-8",
    )
    return path


def _commit(repo: Path, files: dict[str, str | bytes]) -> subprocess.CompletedProcess[str]:
    """Write `files`, stage them with the config, and `git commit` (the hook runs)."""
    for name, content in files.items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")
    _ok(["git", "add", "--", ".pre-commit-config.yaml", *files], repo)
    return _run(["git", "commit", "-m", "Add drafts"], repo)


def _has_commit(repo: Path) -> bool:
    return _run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], repo).returncode == 0


@pytest.fixture
def repo(tmp_path: Path, hook_rev: str) -> Path:
    path = _scratch_repo(tmp_path, hook_rev)
    _ok([str(PRE_COMMIT), "install"], path)
    return path


def test_commit_of_undisclosed_drafts_is_refused(repo: Path) -> None:
    result = _commit(repo, {"drafts/maya-serum.md": UNDISCLOSED_CODE, "drafts/night-serum.md": PAID_UNDISCLOSED})
    output = result.stdout
    assert result.returncode != 0, f"the commit went through:\n{output}"
    assert re.search(r"^compliance\.+Failed$", output, re.M), output
    assert "drafts/maya-serum.md:5:51: US-D-14 A personal discount code (code MAYA15) shows a deal with the brand" in output, output
    assert "drafts/night-serum.md:6:1: US-D-01 This post has a material connection (relationship: paid) but no disclosure." in output, output
    assert not _has_commit(repo), output
    # The hook only reports: the drafts are as they were written.
    assert (repo / "drafts/maya-serum.md").read_text(encoding="utf-8") == UNDISCLOSED_CODE
    assert "files were modified by this hook" not in output, output


def test_commit_of_disclosed_draft_goes_through(repo: Path) -> None:
    result = _commit(repo, {
        "drafts/maya-serum.md": DISCLOSED,
        # Not drafts: an image and a script are not given to the hook, nor are hidden
        # folders' files (this JSON holds no posts, and would be an input error).
        "drafts/cover.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "scripts/publish.py": "print('publish')\n",
        ".vscode/settings.json": '{"editor.wordWrap": "on"}\n',
    })
    assert result.returncode == 0, f"the commit was refused:\n{result.stdout}"
    assert re.search(r"^compliance\.+Passed$", result.stdout, re.M), result.stdout
    assert _has_commit(repo), result.stdout


def test_commit_with_only_a_warning_goes_through_by_default(repo: Path) -> None:
    result = _commit(repo, {"drafts/serum-gift.md": GIFTED_TAG_ONLY})
    assert result.returncode == 0, f"the commit was refused:\n{result.stdout}"
    assert re.search(r"^compliance\.+Passed$", result.stdout, re.M), result.stdout
    assert _has_commit(repo), result.stdout


def test_fail_on_warning_in_args_refuses_a_warning(tmp_path: Path, hook_rev: str) -> None:
    repo = _scratch_repo(tmp_path, hook_rev, args=["--fail-on", "warning"])
    _ok([str(PRE_COMMIT), "install"], repo)
    result = _commit(repo, {"drafts/serum-gift.md": GIFTED_TAG_ONLY})
    assert result.returncode != 0, f"the commit went through:\n{result.stdout}"
    assert 'drafts/serum-gift.md:4:1: US-D-19 "#gifted" is the only disclosure.' in result.stdout, result.stdout
    assert not _has_commit(repo), result.stdout
