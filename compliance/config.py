"""Configuration: the nearest `.compliance.yaml` (or `.compliance.yml`, or `[tool.compliance]` in
`pyproject.toml`), from the current folder upwards. Command-line flags win over it.

    rulesets: [us-ftc, rules/brand.yaml]   # names, or paths relative to this file
    market: [us]
    platform: instagram
    format: text
    select: [US-D]
    ignore: [US-D-19]
    fail-on: warning
    claims: claims.yaml
    baseline: .compliance-baseline.json    # report only findings not accepted in it
    jobs: 2
    max-post-size: 1000000                 # bytes of a post's text; larger posts are reported, not checked
    max-line-length: 1000000               # bytes of a JSON Lines line or a CSV row
    severity: {US-D-19: error}             # severity overrides, by rule id
    fold: {instagram: 125, tiktok: 100}    # characters shown before "more", by platform
    brand:
      name: GlowCo                         # the brand of posts that name none
      handles: ["@glowco"]                 # the brand's own accounts: their posts are its own channel
      hashtags: ["#glowglowup"]            # campaign hashtags: using one shows a connection
    per-path:                              # for files whose path matches a glob
      - paths: ["drafts/youtube/*"]
        platform: youtube
        ignore: [US-D-03]
        reason: YouTube descriptions are checked in the video
    suppress:                              # findings accepted by post id (or path)
      - post: "HM-12"
        rules: [US-D-12]
        reason: The link was removed before publishing

Every value keeps where it came from, so `compliance config` can say, and every mistake is
reported with its file, line and key.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from .matching import LexiconSpec
from .model import PLATFORMS, InputError, Severity
from .rules.located import YamlError, load
from .rules.schema import Lexicon, Rule, RuleSet
from .suppressions import RULE_ID, ConfigIgnore

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILENAMES = (".compliance.yaml", ".compliance.yml", "pyproject.toml")
OUTPUT_FORMATS = ("text", "json", "jsonl", "csv", "markdown", "html", "sarif", "github", "junit")
FAIL_ON = ("error", "warning", "info", "never")
BRAND_LEXICON = "config_brand_hashtags"


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # "path:line", "path" (TOML), "command line" or "default"


@dataclass(frozen=True)
class Config:
    path: str | None = None
    settings: Mapping[str, Setting] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        setting = self.settings.get(key)
        return default if setting is None else setting.value

    def ignores(self) -> tuple[ConfigIgnore, ...]:
        """The configured suppressions: by post id, and the per-path ignores."""
        found = [ConfigIgnore(tuple(s["rules"]), s["reason"], s.get("post", "*"), s.get("path", "*"), self.settings["suppress"].source)
                 for s in self.get("suppress", [])]
        for override in self.get("per-path", []):
            if override.get("ignore"):
                for pattern in override["paths"]:
                    found.append(ConfigIgnore(tuple(override["ignore"]), override["reason"], path=pattern, source=self.settings["per-path"].source))
        return tuple(found)

    def defaults_by_path(self) -> tuple[tuple[str, Mapping[str, Any]], ...]:
        """(glob, post fields) for posts that name none: the brand, then per-path platform and market."""
        found: list[tuple[str, Mapping[str, Any]]] = []
        brand = self.get("brand", {}).get("name")
        if brand:
            found.append(("*", {"brand": brand}))
        for override in self.get("per-path", []):
            fields = {k: tuple(v) if k == "market" else v for k, v in override.items() if k in ("platform", "market")}
            found += [(pattern, fields) for pattern in override["paths"] if fields]
        return tuple(found)

    def own_handles(self) -> frozenset[str]:
        return frozenset(h.lower() for h in self.get("brand", {}).get("handles", []))


class InvalidConfig(Exception):
    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


def find(start: Path) -> Path | None:
    """The nearest configuration file from `start` upwards (a pyproject.toml counts only with
    a [tool.compliance] table)."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in FILENAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or "[tool.compliance]" in _read(candidate)):
                return candidate
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def load_config(path: Path) -> Config:
    shown = str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidConfig([InputError(shown, None, f"cannot read the configuration: {exc}")]) from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(source).get("tool", {}).get("compliance", {})
        except tomllib.TOMLDecodeError as exc:
            raise InvalidConfig([InputError(shown, getattr(exc, "lineno", None), f"not valid TOML: {exc}")]) from None
        lines: dict[Any, int | None] = {(key,): _toml_line(source, key) for key in data}
    else:
        try:
            data, found = load(source)
            lines = dict(found)
        except YamlError as exc:
            raise InvalidConfig([InputError(shown, exc.line, f"not valid YAML: {exc}")]) from None
        data = {} if data is None else data
    if not isinstance(data, dict):
        raise InvalidConfig([InputError(shown, 1, "the configuration is a mapping of settings")])
    errors: list[InputError] = []
    settings: dict[str, Setting] = {}
    for key, value in data.items():
        line = lines.get((key,))
        where = f"{shown}:{line}" if line else shown
        check = CHECKS.get(key)
        if check is None:
            close = difflib.get_close_matches(key, CHECKS, n=1)
            errors.append(InputError(shown, line, f"unknown setting '{key}'" + (f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(CHECKS)})")))
            continue
        try:
            settings[key] = Setting(check(value, path.parent), where)
        except ValueError as exc:
            errors.append(InputError(shown, line, f"{key}: {exc}"))
    if errors:
        raise InvalidConfig(errors)
    return Config(shown, settings)


def _toml_line(source: str, key: str) -> int | None:
    """The line of `key = …` inside [tool.compliance] (TOML parsers give no positions)."""
    inside = False
    for number, line in enumerate(source.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.startswith("[tool.compliance")
        elif inside and (stripped.startswith(f"{key} ") or stripped.startswith(f"{key}=") or stripped.startswith(f'"{key}"')):
            return number
    return None


# -- validation of each setting: returns the value (paths resolved), raises ValueError ----------

def _strings(value: Any, _: Path) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise ValueError("must be a list of strings")
    return [i.strip() for i in items]


def _rule_ids(value: Any, base: Path) -> list[str]:
    items = _strings(value, base)
    bad = [i for i in items if not _is_rule_id(i)]
    if bad:
        raise ValueError(f"not rule ids or prefixes: {', '.join(bad)}")
    return [i.upper() for i in items]


def _is_rule_id(text: str) -> bool:
    return re.fullmatch(RULE_ID, text) is not None


def _choice(allowed: Sequence[str]) -> Callable[[Any, Path], str]:
    def check(value: Any, _: Path) -> str:
        if not isinstance(value, str) or value.lower() not in allowed:
            raise ValueError(f"must be one of: {', '.join(allowed)}")
        return value.lower()
    return check


def _rulesets(value: Any, base: Path) -> list[str]:
    """Names stay names; anything that looks like a path is resolved against the config's folder."""
    return [str(base / item) if item.endswith((".yaml", ".yml")) or "/" in item else item for item in _strings(value, base)]


def _path(value: Any, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a path (relative to the configuration file)")
    return str(base / value.strip())


def _jobs(value: Any, _: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("must be a whole number of 0 or more (0: one per CPU)")
    return value


def _bytes(value: Any, _: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("must be a size in bytes (a whole number of 1 or more), e.g. 1000000")
    return value


def _severity(value: Any, base: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("must map rule ids to error, warning or info")
    for rule, level in value.items():
        if not _is_rule_id(str(rule)) or not isinstance(level, str) or level.lower() not in ("error", "warning", "info"):
            raise ValueError(f"'{rule}: {level}' must map a rule id to error, warning or info")
    return {str(rule).upper(): str(level).lower() for rule, level in value.items()}


def _fold(value: Any, _: Path) -> dict[str, int]:
    if not isinstance(value, dict) or not all(p in PLATFORMS and isinstance(n, int) and not isinstance(n, bool) and n > 0 for p, n in value.items()):
        raise ValueError(f"must map platforms ({', '.join(PLATFORMS)}) to a number of characters")
    return dict(value)


def _brand(value: Any, base: Path) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) - {"name", "handles", "hashtags"}:
        raise ValueError("must be a mapping with name, handles and hashtags")
    if "name" in value and not isinstance(value["name"], str):
        raise ValueError("name must be a string")
    handles = _strings(value.get("handles", []), base)
    hashtags = _strings(value.get("hashtags", []), base)
    if not all(h.startswith("@") for h in handles) or not all(t.startswith("#") for t in hashtags):
        raise ValueError("handles start with @ and hashtags with #")
    return {"name": value.get("name"), "handles": handles, "hashtags": hashtags}


def _per_path(value: Any, base: Path) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise ValueError("must be a list of {paths, platform, market, ignore, reason}")
    found = []
    for item in value:
        if not isinstance(item, dict) or "paths" not in item or set(item) - {"paths", "platform", "market", "ignore", "reason"}:
            raise ValueError("each item has paths, and platform, market, or ignore with a reason")
        entry: dict[str, Any] = {"paths": _strings(item["paths"], base)}
        if "platform" in item:
            entry["platform"] = _choice(PLATFORMS)(item["platform"], base)
        if "market" in item:
            entry["market"] = [m.lower() for m in _strings(item["market"], base)]
        if "ignore" in item:
            entry["ignore"] = _rule_ids(item["ignore"], base)
            if not isinstance(item.get("reason"), str) or not item["reason"].strip():
                raise ValueError("an ignore needs a reason")
            entry["reason"] = item["reason"].strip()
        found.append(entry)
    return found


def _suppress(value: Any, base: Path) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise ValueError("must be a list of {post or path, rules, reason}")
    found = []
    for item in value:
        if not isinstance(item, dict) or set(item) - {"post", "path", "rules", "reason"} or not {"post", "path"} & set(item):
            raise ValueError("each item names a post (id or glob) or a path (glob), its rules and a reason")
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError("every suppression needs a reason")
        entry = {"rules": _rule_ids(item.get("rules"), base), "reason": reason.strip()}
        entry.update({key: str(item[key]) for key in ("post", "path") if key in item})
        found.append(entry)
    return found


def _columns(value: Any, _: Path) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("must map post fields to CSV headers, e.g. {text: Caption}")
    return dict(value)


CHECKS: dict[str, Callable[[Any, Path], Any]] = {
    "rulesets": _rulesets,
    "market": lambda v, b: [m.lower() for m in _strings(v, b)],
    "platform": _choice(PLATFORMS),
    "format": _choice(OUTPUT_FORMATS),
    "select": _rule_ids,
    "ignore": _rule_ids,
    "fail-on": _choice(FAIL_ON),
    "claims": _path,
    "jobs": _jobs,
    "severity": _severity,
    "fold": _fold,
    "brand": _brand,
    "per-path": _per_path,
    "suppress": _suppress,
    "input-format": _choice(("auto", "text", "markdown", "jsonl", "json", "csv", "srt", "vtt")),
    "columns": _columns,
    "baseline": _path,
    "max-post-size": _bytes,  # bytes of a post's text (default 1 MB); larger posts are reported, not checked
    "max-line-length": _bytes,  # bytes of a JSON Lines line or a CSV row (default 1 MB)
}


def customise(rulesets: Sequence[RuleSet], config: Config) -> tuple[list[RuleSet], list[InputError]]:
    """The rule sets with the configuration's severities, fold lengths and brand hashtags."""
    severities = {rule: Severity.parse(level) for rule, level in config.get("severity", {}).items()}
    fold = config.get("fold", {})
    hashtags = config.get("brand", {}).get("hashtags", [])
    known = {rule.id for ruleset in rulesets for rule in ruleset.rules}
    errors = [
        InputError(config.path or "", _line(config, "severity"), f"severity: no rule '{rule}' in the loaded rule sets")
        for rule in severities if rule not in known
    ]

    def rule_of(rule: Rule) -> Rule:
        changes: dict[str, Any] = {}
        if rule.id in severities:
            changes["severity"] = severities[rule.id]
        if fold and rule.kind == "disclosure_placement" and getattr(rule.params, "position", None) == "fold":
            changes["params"] = dataclasses.replace(rule.params, fold={**rule.params.fold, **fold})
        return dataclasses.replace(rule, **changes) if changes else rule

    customised = []
    for ruleset in rulesets:
        lexicons = dict(ruleset.lexicons)
        if hashtags:
            lexicons[BRAND_LEXICON] = Lexicon(
                **dataclasses.asdict(LexiconSpec(BRAND_LEXICON, "phrase", tuple(hashtags))),
                signals="sponsored", description="the brand's campaign hashtags (configuration)",
            )
        customised.append(dataclasses.replace(ruleset, rules=tuple(map(rule_of, ruleset.rules)), lexicons=lexicons))
    return customised, errors


def _line(config: Config, key: str) -> int | None:
    source = config.settings[key].source if key in config.settings else ""
    _, _, line = source.rpartition(":")
    return int(line) if line.isdigit() else None
