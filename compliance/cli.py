"""The command line: check, audit, explain, rules (list, show, test, validate), eval.

Exit codes (DESIGN.md): 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or input error (every post that could be read is still checked and reported).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import gc
import os
import sys
import textwrap
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NoReturn, Sequence

import click
from click.core import ParameterSource

from . import batch, fixes
from .baseline import Baseline, InvalidBaseline, load_baseline
from .baseline import Writer as BaselineWriter
from .claims import ClaimsRegister, InvalidRegister, load_register
from .config import Config, InvalidConfig, customise, load_config
from .config import find as find_config
from .engine import Checker, Result, UsageError
from .model import PLATFORMS, Entry, InputError, Post, Severity
from .plan import InvalidPlan, load_plan, posts
from .progress import Progress
from .reporting import AUDIT_FORMATS, FORMATS, Plan, Record, Reporter, Run, Totals
from .reporting.output import report_file
from .reporting.report import NOT_CHECKED
from .reporting.statistics import Statistics
from .reporting.table import Table
from .reporting.text import Text
from .rules.loader import DEFAULT_RULESETS, load_rulesets, market_rulesets
from .rules.schema import InvalidRuleSet, Rule, RuleSet
from .sources import INPUT_FORMATS, Input, inputs, read_input, read_paths
from .sources.fields import MAX_LINE_LENGTH, MAX_POST_SIZE
from .sources.csv_posts import FIELDS as CSV_FIELDS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # as shells report a process stopped by Ctrl-C
FAIL_ON = ("error", "warning", "info", "never")


def _split(values: Iterable[str]) -> tuple[str, ...]:
    """Options that take lists accept both repetition and commas: --select US-D-01,US-D-02."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _load(specs: Sequence[str]) -> list[RuleSet]:
    try:
        return load_rulesets(_split(specs) or DEFAULT_RULESETS)
    except InvalidRuleSet as exc:
        for problem in exc.problems:
            click.echo(f"{problem}", err=True)
        click.echo(f"error: {len(exc.problems)} problem(s) in rule sets; nothing checked", err=True)
        sys.exit(EXIT_ERROR)


ruleset_option = click.option(
    "--ruleset", "-r", "rulesets", multiple=True, metavar="NAME|PATH",
    help="Rule set to apply: a built-in name (us-ftc) or a path to a YAML file. Repeatable.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="compliance")
def main() -> None:
    """A linter for marketing content: sponsorship disclosures and unsupported claims."""


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=str),
    help="Configuration file (default: the nearest .compliance.yaml or [tool.compliance] in pyproject.toml).",
)
# Command-line parameters, and the configuration key that supplies each when the flag is not given.
CONFIGURED = {
    "rulesets": "rulesets", "markets": "market", "platform": "platform", "output_format": "format",
    "select": "select", "ignore": "ignore", "fail_on": "fail-on", "claims_file": "claims", "jobs": "jobs",
    "input_format": "input-format", "column_specs": "columns", "baseline_path": "baseline",
}


def _configuration(config_path: str | None) -> Config:
    """The configuration file given, or the nearest one; an invalid one stops the run (exit 2)."""
    path = Path(config_path) if config_path else find_config(Path.cwd())
    if path is None:
        return Config()
    path = Path(os.path.relpath(path))  # as the user would name it
    try:
        return load_config(path)
    except InvalidConfig as exc:
        for error in exc.errors:
            click.echo(click.style(str(error), fg="red"), err=True)
        click.echo(f"error: {len(exc.errors)} problem(s) in the configuration; nothing checked", err=True)
        sys.exit(EXIT_ERROR)


def _with_configuration(params: dict[str, Any], config: Config) -> dict[str, Any]:
    """The command's parameters, where a flag was not given, taken from the configuration."""
    context = click.get_current_context()
    merged = dict(params)
    for name, key in CONFIGURED.items():
        if name in params and key in config.settings and context.get_parameter_source(name) is not ParameterSource.COMMANDLINE:
            value = config.get(key)
            if key == "columns":
                value = tuple(f"{field}={header}" for field, header in value.items())
            merged[name] = tuple(value) if isinstance(value, list) else value
    return merged


def configured(command: Callable[..., None]) -> Callable[..., None]:
    """Load the configuration and fill in the parameters the command line left out; the
    command receives it as `config`."""
    @functools.wraps(command)
    def run(**params: Any) -> None:
        config = _configuration(params.pop("config_path"))
        command(**_with_configuration(params, config), config=config)
    return run


def report_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that say what to check with and where the report goes (check and audit)."""
    options = [
        ruleset_option,
        click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATS)), default="text", show_default=True, help="Report format."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=str), help="Write the report to FILE (atomically) instead of standard output."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True, help="Lowest severity that makes the exit code 1."),
        click.option("--select", multiple=True, metavar="IDS", help="Only these rules (ids or prefixes, comma-separated)."),
        click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (ids or prefixes, comma-separated)."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0: one per CPU)."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str), help="Report only findings not accepted in this baseline (see `compliance baseline`)."),
        click.option("--statistics", is_flag=True, help="Text output: how many findings each rule raised, instead of the findings."),
        config_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@report_options
@click.option("--market", "-m", "markets", multiple=True, metavar="CODE", help="Market of posts that name none (us, uk, fr …).")
@click.option("--platform", "-p", type=click.Choice(PLATFORMS), help="Platform of posts that name none (sets the fold).")
@click.option(
    "--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
    help="How to read the files given and '-' (auto: by extension; standard input by its start).",
)
@click.option(
    "--columns", "column_specs", multiple=True, metavar="FIELD=HEADER,...",
    help='CSV: the column that holds a post field, e.g. "text=Caption,id=Post ID". Repeatable.',
)
@click.option("--claims", "claims_file", type=click.Path(dir_okay=False, path_type=str), help="The brand's claims register (YAML): approved claims are not reported.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (insert the preferred label, replace a vague one) to the files, then report what remains.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; change nothing (exit 1 if there are any).")
@configured
def check(
    paths: tuple[str, ...], rulesets: tuple[str, ...], markets: tuple[str, ...], platform: str | None,
    output_format: str, output: str | None, fail_on: str, select: tuple[str, ...], ignore: tuple[str, ...],
    jobs: int, baseline_path: str | None, statistics: bool, input_format: str, column_specs: tuple[str, ...],
    claims_file: str | None, fix: bool, diff: bool, config: Config,
) -> None:
    """Check posts in PATHS (files, directories, or - for standard input)."""
    if not paths:
        raise click.UsageError("give at least one file, directory, or - for standard input")
    columns = _columns(column_specs)
    sources = list(inputs(paths, input_format))
    checker, run, errors = _prepare(config, rulesets, claims_file, select, ignore, platform=platform, markets=_split(markets))
    if checker and (fix or diff):
        _fix(checker, sources, columns, baseline_path, write=fix)
    limits = {"max_post_size": config.get("max-post-size", MAX_POST_SIZE), "max_line_length": config.get("max-line-length", MAX_LINE_LENGTH)}
    outcomes = batch.run(batch.work_of(sources, sys.stdin.buffer, columns, limits), checker, _jobs(jobs)) if checker else iter(())
    total = None if any(isinstance(s, batch.Input) and s.path is None for s in sources) else sum(map(batch.size_of, sources))
    reporter = _reporter(FORMATS, output_format, statistics)
    _report(run, reporter, output, errors, _accepted(outcomes, baseline_path), total, fail_on, broken=checker is None)


@main.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False, path_type=str))
@report_options
@click.option("--claims", "claims_file", type=click.Path(dir_okay=False, path_type=str), help="The claims register (YAML), instead of the plan's own.")
@configured
def audit(
    plan_path: str, rulesets: tuple[str, ...], output_format: str, output: str | None, fail_on: str,
    select: tuple[str, ...], ignore: tuple[str, ...], jobs: int, baseline_path: str | None, statistics: bool,
    claims_file: str | None, config: Config,
) -> None:
    """Check every entry of a content plan (YAML or CSV) and report by entry, channel, week,
    campaign and creator. Entries whose draft is missing are reported, and drafts in the plan's
    folder that it does not list are listed."""
    reporter = _reporter(AUDIT_FORMATS, output_format, statistics)
    try:
        content_plan = load_plan(plan_path)
    except InvalidPlan as exc:  # nothing to audit, but still a report that says why
        run = Run(tuple(), plan=Plan(plan_path))
        _report(run, reporter, output, exc.errors, iter(()), None, fail_on, broken=True)
    planned_markets = {m for m in content_plan.markets} | {m for planned in content_plan.entries for m in planned.entry.market}
    checker, run, errors = _prepare(config, rulesets, claims_file or content_plan.claims, select, ignore, markets=sorted(planned_markets))
    plan = Plan(plan_path, content_plan.campaign, content_plan.brand, content_plan.markets, content_plan.unplanned())
    run = dataclasses.replace(run, plan=plan)
    entries = list(posts(content_plan, config.own_handles()))
    ready = [post for _, post in entries if isinstance(post, Post)]
    work = batch.grouped(ready)
    checked = (r for outcomes, _ in (batch.run(work, checker, _jobs(jobs), keep_text=True) if checker else ()) for r in outcomes)
    outcomes: Iterator[tuple[list[batch.Outcome], int]] = (
        ([_entry_record(planned.entry, post, checked, content_plan.path)], 0) for planned, post in entries
    )
    _report(run, reporter, output, errors, _accepted(outcomes, baseline_path), None, fail_on, broken=checker is None)


@main.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@ruleset_option
@click.option("--output", "-o", default=".compliance-baseline.json", show_default=True, type=click.Path(dir_okay=False, path_type=str), help="Where to write the baseline.")
@click.option("--select", multiple=True, metavar="IDS", help="Only these rules (ids or prefixes, comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (ids or prefixes, comma-separated).")
@click.option("--platform", "-p", type=click.Choice(PLATFORMS), help="Platform of posts that name none.")
@click.option("--market", "-m", "markets", multiple=True, metavar="CODE", help="Market of posts that name none.")
@click.option("--claims", "claims_file", type=click.Path(dir_okay=False, path_type=str), help="The brand's claims register.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0: one per CPU).")
@config_option
@configured
def baseline_command(
    paths: tuple[str, ...], rulesets: tuple[str, ...], output: str, select: tuple[str, ...], ignore: tuple[str, ...],
    platform: str | None, markets: tuple[str, ...], claims_file: str | None, jobs: int, config: Config,
) -> None:
    """Accept the current findings of PATHS: write them to a baseline, so that `check --baseline`
    reports only new ones. Keyed by rule, post and matched words: no line numbers, no dates."""
    if not paths:
        raise click.UsageError("give at least one file or directory")
    sources = list(inputs(paths))
    checker, run, errors = _prepare(config, rulesets, claims_file, select, ignore, platform=platform, markets=_split(markets))
    outcomes = batch.run(batch.work_of(sources), checker, _jobs(jobs)) if checker else iter(())
    _report(run, BaselineWriter, output, errors, outcomes, None, "never", broken=checker is None, written="Baseline written to")


def _fix(checker: Checker, sources: list[Input | InputError], columns: Mapping[str, str] | None, baseline_path: str | None, write: bool) -> None:
    """Apply (or with `write` False, show as a diff and exit) the safe fixes of the findings that
    count: not suppressed, not accepted in the baseline. Each fixed file is checked again and fixed
    until nothing more is offered; the run that follows reports what remains."""
    if any(s.path is None for s in sources if isinstance(s, Input)):
        raise click.UsageError("--fix and --diff work on files, not on standard input")
    accepted = _baseline(baseline_path)

    def counted(results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            if accepted is None:
                yield result
            else:
                record = accepted.apply(batch.record(result))
                yield dataclasses.replace(result, findings=record.findings)

    posts = (item for source in sources if isinstance(source, Input) for item in read_input(source, None, columns) if isinstance(item, Post))
    outcome = fixes.fix_files(counted(checker.check_all(posts)), recheck=lambda again: counted(checker.check_all(again)))
    if not write:
        click.echo(fixes.unified_diff(outcome), nl=False)
        click.echo(f"{len(outcome.applied)} fix(es) in {len(outcome.changed)} file(s) would be applied; nothing written.", err=True)
        sys.exit(EXIT_FINDINGS if outcome.changed else EXIT_OK)
    failed = fixes.write(outcome)
    for error in failed:
        click.echo(click.style(str(error), fg="red"), err=True)
    for skipped in outcome.skipped:
        click.echo(f"not fixed: {skipped}", err=True)
    if outcome.applied:
        click.echo(f"Fixed {len(outcome.applied)} finding(s) in {len(outcome.changed) - len(failed)} file(s).", err=True)


def _reporter(formats: Mapping[str, type[Reporter]], name: str, statistics: bool) -> type[Reporter]:
    if statistics and name != "text":
        raise click.UsageError("--statistics replaces the findings of text output; it does not go with --format " + name)
    return Statistics if statistics else formats[name]


def _accepted(outcomes: Iterable[tuple[list[batch.Outcome], int]], path: str | None) -> Iterable[tuple[list[batch.Outcome], int]]:
    """The outcomes with the findings a baseline accepts marked as suppressed."""
    known = _baseline(path)
    if known is None:
        return outcomes
    return (([known.apply(o) if isinstance(o, Record) else o for o in items], size) for items, size in outcomes)


def _baseline(path: str | None) -> Baseline | None:
    try:
        return load_baseline(path) if path else None
    except InvalidBaseline as exc:
        raise click.UsageError(str(exc)) from None


def _entry_record(entry: Entry, post: Post | tuple[InputError, ...], checked: Iterator[batch.Outcome], plan_path: str) -> Record:
    """A plan entry's record: its post's, checked in plan order, or why it was not checked."""
    if isinstance(post, Post):
        found = next(checked, None)
        if found is None:  # no rule set could be loaded: nothing was checked
            return Record(entry.id, post.origin.path, entry=entry, status=NOT_CHECKED)
        assert isinstance(found, Record) and found.post == entry.id
        return dataclasses.replace(found, entry=entry)
    return Record(entry.id, post[0].path if post else plan_path, errors=post, entry=entry, status=NOT_CHECKED)


def _jobs(jobs: int) -> int:
    return jobs or os.cpu_count() or 1


def _prepare(
    config: Config, rulesets: Sequence[str], claims_file: str | None, select: Sequence[str], ignore: Sequence[str],
    platform: str | None = None, markets: Sequence[str] = (),
) -> tuple[Checker | None, Run, list[InputError]]:
    """The checker (None when every rule set is broken), the run's context, and the errors met."""
    with _startup():
        # Without --ruleset: the built-in sets of the markets asked for, else the default (us-ftc).
        specs = _split(rulesets) or _market_specs(markets) or DEFAULT_RULESETS
        loaded, errors = _load_valid(specs)
        loaded, config_errors = customise(loaded, config)
        errors += config_errors
        register, register_errors = _load_register(claims_file)
        titles = {rule.id: rule.title for ruleset in loaded for rule in ruleset.rules}
        run = Run(tuple(loaded), hints=_hints(loaded), titles=titles)
        if not loaded:
            return None, run, errors + register_errors
        try:
            checker = Checker(
                loaded, select=_split(select), ignore=_split(ignore), platform=platform, market=markets, register=register,
                ignores=config.ignores(), defaults_by_path=config.defaults_by_path(),
                resolve=None if rulesets else lambda market: customise(market_rulesets(market), config)[0],
            )
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
    return checker, run, errors + register_errors


def _market_specs(markets: Sequence[str]) -> list[str]:
    """The built-in rule sets of these markets (a market without one is reported by the checker)."""
    if not markets:
        return []
    return list(dict.fromkeys(ruleset.id for market in markets for ruleset in market_rulesets(market)))


def _report(
    run: Run, reporter_class: type[Reporter], output: str | None, errors: list[InputError],
    outcomes: Iterable[tuple[list[batch.Outcome], int]], total_bytes: int | None, fail_on: str, broken: bool = False,
    written: str = "Report:",
) -> NoReturn:
    """Feed every outcome to the reporter, end with the summary line, and exit with the code
    of the contract. Ctrl-C stops the run, keeps any earlier report file, and says how far it got."""
    totals = Totals()
    progress = Progress(total_bytes)
    try:
        with report_file(output) as out:
            reporter = reporter_class(out, run, color=output is None and sys.stdout.isatty())
            for error in errors:
                reporter.error(error)
            totals.errors += len(errors)
            for items, size in outcomes:
                for item in items:
                    if isinstance(item, InputError):
                        reporter.error(item)
                        totals.errors += 1
                    else:
                        totals.add(item)
                        reporter.add(item)
                progress.advance(sum(isinstance(item, Record) for item in items), size)
            progress.close()
            reporter.finish(totals)
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"Interrupted: {totals.summary()}" + (f" {output} not written." if output else ""), err=True)
        sys.exit(EXIT_INTERRUPTED)
    if output is not None or reporter_class not in (Text, Table, Statistics):
        click.echo(totals.summary() + (f" {written} {output}" if output else ""), err=True)
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    sys.exit(EXIT_ERROR if totals.errors or broken else EXIT_FINDINGS if totals.failing(threshold) else EXIT_OK)


def _columns(specs: Iterable[str]) -> dict[str, str] | None:
    """--columns text=Caption,id=Post ID: the CSV header that holds each post field."""
    columns: dict[str, str] = {}
    for item in _split(specs):
        field, equals, header = item.partition("=")
        field, header = field.strip().lower(), header.strip()
        if not equals or not field or not header:
            raise click.UsageError(f"--columns: '{item}' is not FIELD=HEADER (e.g. text=Caption)")
        if field not in CSV_FIELDS:
            raise click.UsageError(f"--columns: '{field}' is not a post field (fields: {', '.join(CSV_FIELDS)})")
        if field in columns and columns[field] != header:
            raise click.UsageError(f"--columns: '{field}' is mapped twice ('{columns[field]}' and '{header}')")
        columns[field] = header
    return columns or None


@contextlib.contextmanager
def _startup() -> Iterator[None]:
    """Build the pipeline and rule sets without garbage collection, then freeze what was built.

    Start-up allocates much and frees little, so collecting during it only costs time; and what
    it builds lives until the end, so later collections need not walk through it again.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _load_valid(specs: Sequence[str]) -> tuple[list[RuleSet], list[InputError]]:
    """The rule sets that load, and a located error for every problem of those that do not:
    a broken user rule set is reported and the run goes on with the others."""
    loaded: list[RuleSet] = []
    errors: list[InputError] = []
    for spec in specs:
        try:
            loaded += load_rulesets([spec])
        except InvalidRuleSet as exc:
            errors += [p.as_input_error() for p in exc.problems]
            errors.append(InputError(spec, None, "rule set not loaded: its rules were not applied"))
    return loaded, errors


def _load_register(path: str | None) -> tuple[ClaimsRegister | None, list[InputError]]:
    """The claims register, or a located error for each of its mistakes (the run goes on
    without it, and exits 2)."""
    if path is None:
        return None, []
    try:
        return load_register(path), []
    except InvalidRegister as exc:
        errors = [p.as_input_error() for p in exc.problems]
        return None, errors + [InputError(path, None, "claims register not loaded: no claim counts as approved")]


def _posts(items: Iterable[Post | InputError], errors: list[InputError]) -> Iterator[Post]:
    """Posts pass on; input errors are collected as they come."""
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        else:
            yield item


def _hints(rulesets: Sequence[RuleSet]) -> dict[str, str]:
    return {rule.id: rule.hint for ruleset in rulesets for rule in ruleset.rules if rule.hint}


def _find_rule(rulesets: Sequence[RuleSet], rule_id: str) -> Rule:
    for ruleset in rulesets:
        for rule in ruleset.rules:
            if rule.id.lower() == rule_id.lower():
                return rule
    known = ", ".join(rule.id for ruleset in rulesets for rule in ruleset.rules)
    raise click.UsageError(f"no rule '{rule_id}' in the loaded rule sets (known: {known})")


@main.command()
@click.argument("rule_id")
@ruleset_option
def explain(rule_id: str, rulesets: tuple[str, ...]) -> None:
    """What a rule checks, why, its sources, and a bad and a good example."""
    rule = _find_rule(_load(rulesets), rule_id)
    wrap = lambda text: textwrap.fill(" ".join(text.split()), width=88, initial_indent="  ", subsequent_indent="  ")  # noqa: E731
    click.echo(click.style(f"{rule.id}: {rule.title}", bold=True))
    click.echo(f"  {rule.category} · {rule.severity} · rule set {rule.ruleset} · kind {rule.kind}")
    if rule.platforms or rule.formats or rule.markets:
        scope = ", ".join(filter(None, [", ".join(rule.platforms), ", ".join(rule.formats), ", ".join(rule.markets)]))
        click.echo(f"  applies to: {scope}")
    click.echo("\nWhat it reports:\n" + wrap(rule.message.replace("{", "<").replace("}", ">")))
    click.echo("\nWhy:\n" + wrap(rule.rationale))
    if rule.hint:
        click.echo("\nHow to fix:\n" + wrap(rule.hint))
    if rule.fix:
        what = {"insert_label": f'inserts "{rule.preferred_label}" at the start of the caption', "replace_label": f'replaces a one-word vague label with "{rule.preferred_label}"'}
        click.echo("\nSafe fix (--fix):\n" + wrap(f"{what.get(rule.fix, rule.fix)}."))
    if rule.references:
        click.echo("\nSources:\n" + "\n".join(f"  {ref}" for ref in rule.references))
    for label, examples in (("Bad", rule.examples.bad), ("Good", rule.examples.good)):
        post = examples[0]
        meta = ", ".join(f"{k}: {v}" for k, v in (("platform", post.platform), ("format", post.format), ("relationship", post.relationship), ("sponsored", post.sponsored)) if v is not None)
        click.echo(f"\n{label} example{f' ({meta})' if meta else ''}:\n" + textwrap.indent(post.text, "  | "))


@main.command("config")
@config_option
def config_command(config_path: str | None) -> None:
    """The effective configuration: every setting, its value, and where it came from."""
    config = _configuration(config_path)
    click.echo(f"# configuration file: {config.path or 'none found (defaults apply)'}")
    defaults = {param.name: param.default for param in check.params + audit.params if param.name and _plain(param.default)}
    for name, key in CONFIGURED.items():
        setting = config.settings.get(key)
        value, source = (setting.value, setting.source) if setting else (defaults.get(name) or (DEFAULT_RULESETS if name == "rulesets" else None), "default")
        click.echo(f"{key}: {_shown(value)}  # {source}")
    for key in ("severity", "fold", "brand", "per-path", "suppress"):
        setting = config.settings.get(key)
        click.echo(f"{key}: {_shown(setting.value) if setting else 'none'}  # {setting.source if setting else 'default'}")
    click.echo("# command-line flags win over these values")


def _plain(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, tuple, list))


def _shown(value: Any) -> str:
    if value is None or value == () or value == []:
        return "none" if value is None else "[]"
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


@main.group()
def rules() -> None:
    """List, show, test and validate rule sets."""


@rules.command("list")
@ruleset_option
def rules_list(rulesets: tuple[str, ...]) -> None:
    """One line per rule: id, severity, category, title."""
    for ruleset in _load(rulesets):
        click.echo(click.style(f"{ruleset.id} {ruleset.version} — {ruleset.title}", bold=True))
        for rule in ruleset.rules:
            click.echo(f"  {rule.id:<10} {str(rule.severity):<8} {rule.category:<22} {rule.title}")


@rules.command("show")
@click.argument("rule_id")
@ruleset_option
def rules_show(rule_id: str, rulesets: tuple[str, ...]) -> None:
    """Every field of one rule, as loaded."""
    rule = _find_rule(_load(rulesets), rule_id)
    click.echo(f"id: {rule.id}\ntitle: {rule.title}\nruleset: {rule.ruleset} ({rule.path}:{rule.line})")
    click.echo(f"category: {rule.category}\nseverity: {rule.severity}\nkind: {rule.kind}\nfallback: {str(rule.fallback).lower()}")
    click.echo(f"platforms: {list(rule.platforms)}\nformats: {list(rule.formats)}\nmarkets: {list(rule.markets)}")
    click.echo(f"params: {rule.params}\nmessage: {rule.message}\nhint: {rule.hint}\nrationale: {rule.rationale}")
    click.echo(f"references: {list(rule.references)}\nexamples: {len(rule.examples.bad)} bad, {len(rule.examples.good)} good")


@rules.command("test")
@ruleset_option
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures.")
def rules_test(rulesets: tuple[str, ...], verbose: bool) -> None:
    """Run every rule's bad and good examples."""
    from .rules.examples import run_examples

    outcomes = list(run_examples(_load(rulesets)))
    failed = [o for o in outcomes if not o.passed]
    for outcome in outcomes if verbose else failed:
        status = click.style("ok  ", fg="green") if outcome.passed else click.style("FAIL", fg="red")
        click.echo(f"{status} {outcome.describe()}")
    rules_count = len({o.rule.id for o in outcomes})
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed ({len(outcomes)} examples of {rules_count} rules)")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@rules.command("validate")
@click.argument("paths", nargs=-1, required=True)
def rules_validate(paths: tuple[str, ...]) -> None:
    """Check rule-set files (or built-in names) and report every problem with its line."""
    from .rules.schema import pattern_warnings

    loaded = _load(paths)
    count = sum(len(r.rules) for r in loaded)
    warnings = pattern_warnings(loaded)  # reported, never fatal
    for warning in warnings:
        click.echo(click.style(f"{warning.path}:{warning.line}: warning: {warning.described}", fg="yellow"), err=True)
    suffix = f", {len(warnings)} warning(s)" if warnings else ""
    click.echo(f"ok: {len(loaded)} rule set(s), {count} rules{suffix}")


@main.command("eval")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@ruleset_option
@click.option("--platform", "-p", type=click.Choice(PLATFORMS), help="Platform of posts that name none.")
@click.option("--verbose", "-v", is_flag=True, help="List every post whose categories differ from its annotation.")
def eval_command(corpus: tuple[str, ...], rulesets: tuple[str, ...], platform: str | None, verbose: bool) -> None:
    """Precision, recall and F1 per category on an annotated corpus (posts with `expect`).
    Without --ruleset, each post is checked by the built-in set of its market."""
    from .evaluation import evaluate, table

    loaded = _load(rulesets)
    read_errors: list[InputError] = []
    checker = Checker(loaded, platform=platform, resolve=None if rulesets else market_rulesets)
    evaluation = evaluate(checker.check_all(_posts(read_paths(corpus), read_errors)))
    errors = read_errors + evaluation.errors
    for error in errors:
        click.echo(click.style(str(error), fg="red"), err=True)
    if verbose:
        for miss in evaluation.misses:
            click.echo(f"{miss.post.origin.path}:{miss.post.origin.line}: {miss.post.id}: expected {sorted(miss.expected)}, raised {sorted(miss.raised)}")
        click.echo()
    click.echo(table(evaluation))
    sys.exit(EXIT_ERROR if errors else EXIT_OK)
