"""The command line: `check` (the default), `rules`, `explain`, `schema`, `lsp`."""
from __future__ import annotations

import gc
import json
import os
import stat
import sys
from pathlib import Path
from typing import NoReturn

import click

from .version import __version__
from .config import (ConfigError, Overrides, ReferenceFiles, Settings, config_from_table, find_config,
                     load_config, unknown_profile)
from .document import pin_integer_digits
from .output import FORMATS, renderer, run_failures

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2
PROGRESS_THRESHOLD = 20  # files; shorter runs finish before a bar is worth drawing


class _DefaultCheck(click.Group):
    """`wfmlint PATHS` means `wfmlint check PATHS`; a subcommand name wins over a path.

    Exit codes never lie: 1 means findings and nothing else. A usage error, a failed write
    (a closed pipe included) and any unexpected exception are exit 2 with one line on
    stderr; an interrupt is 130, as for any program stopped by SIGINT."""

    def main(self, args=None, **extra):
        pin_integer_digits()
        try:
            return super().main(args, standalone_mode=False, **extra) or 0
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.ClickException as error:
            error.show()
            sys.exit(EXIT_FAILURE)
        except (click.Abort, KeyboardInterrupt):
            _say("wfmlint: interrupted")
            sys.exit(130)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(EXIT_FAILURE)
        except OSError as error:
            _fail(f"{error.filename + ': ' if error.filename else ''}{error.strerror or error}")
        except Exception as error:  # noqa: BLE001: the last line of defence, reported
            _fail(f"internal error: {type(error).__name__}: {error} (please report it)")

    def parse_args(self, ctx, args):
        """`check` is the default command; a subcommand named after options (`wfmlint -v
        check .`, `--config FILE rules`) is still that subcommand, with those options."""
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        at = _first_argument(args, self.commands["check"])
        if at is not None and args[at] in self.commands:
            args = [args[at], *args[:at], *args[at + 1:]]
        else:
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _first_argument(args: list[str], command: click.Command) -> int | None:
    """The index of the first argument that is neither an option nor an option's value (by
    `command`'s options), or None (none, or `--` first)."""
    takes_value = {name for param in command.params if isinstance(param, click.Option)
                   and not param.is_flag and not param.count for name in param.opts}
    index = 0
    while index < len(args):
        token = args[index]
        if token == "--":
            return None
        if not token.startswith("-") or token == "-":
            return index
        index += 2 if token in takes_value else 1
    return None


def _say(message: str) -> None:
    """One line on stderr. Messages quote file names, keys and config values that a pull
    request controls: nothing in them may reach the terminal as a control character."""
    from .output.visible import visible

    click.echo(visible(message), err=True)


def _fail(message: str) -> NoReturn:
    _say(f"wfmlint: error: {message}")
    sys.exit(EXIT_FAILURE)


def _csv(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.group(cls=_DefaultCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wfmlint")
def main() -> None:
    """Lint workforce-management schedule payloads before you push them."""


def _load_settings(config_path: str | None, overrides: Overrides) -> Settings:
    try:
        if config_path:
            config = load_config(Path(config_path))
        else:
            found = find_config(Path.cwd())
            config = load_config(found) if found else config_from_table({}, None)
        # without --config, the closest config to each file applies (as ruff's)
        if overrides.profile:
            unknown_profile(overrides.profile, config, "--profile")
        settings = Settings(config, overrides, hierarchical=not config_path)
        from .registry import registry

        rules = registry()
        for key, selectors in (("--select", overrides.select or ()), ("--extend-select",
                               overrides.extend_select), ("--ignore", overrides.ignore)):
            for selector in selectors:
                if not rules.matches_any(selector):
                    raise ConfigError(f"{key}: unknown rule {selector!r}{rules.hint(selector)}")
        return settings
    except ConfigError as error:
        _fail(str(error))


def _use_colour(choice: str, output: str | None) -> bool:
    """--color, then NO_COLOR and FORCE_COLOR (non-empty), then whether stdout is a terminal."""
    if choice == "always":
        return True
    if choice == "never" or output or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


class _Progress:
    def __init__(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label="Linting", file=sys.stderr)
        self.bar.__enter__()

    def update(self, count: int) -> None:
        self.bar.update(count)

    def finish(self) -> None:
        self.bar.__exit__(None, None, None)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # (unreadable: an error line each)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--select", multiple=True, help="Rules to run (codes, prefixes or names); replaces config.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip, added to config.")
@click.option("--profile", metavar="NAME", help="Force a payload profile: a Genesys one, generic, or a "
              "vendor profile (`wfmlint profiles` lists them).")
@click.option("--existing", type=click.Path(dir_okay=False), help="The current schedule (an export).")
@click.option("--business-unit", type=click.Path(dir_okay=False),
              help="The business unit's settings (GET .../businessunits/{id}?expand=settings); replaces config [genesys].")
@click.option("--schedule", "target_schedule", type=click.Path(dir_okay=False),
              help="The target schedule (GET .../weeks/{weekId}/schedules/{id}).")
@click.option("--activity-codes", type=click.Path(dir_okay=False),
              help="The business unit's activity codes (GET .../businessunits/{id}/activitycodes).")
@click.option("--agents", multiple=True, type=click.Path(dir_okay=False),
              help="A management unit's users (GET .../managementunits/{id}/users); repeat for each unit.")
@click.option("--stdin-filename", help="Path to report for `-` (stdin).")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings.")
@click.option("--statistics", is_flag=True, help="Counts per rule instead of findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Processes to lint files in (default: the CPUs this process may use); one file is one process.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Accept the findings recorded in FILE.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings in FILE.")
@click.option("--quiet", "-q", is_flag=True, help="Findings only, no summary.")
@click.option("--verbose", "-v", is_flag=True, help="Say which files were skipped and why.")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True)
@click.option("--no-progress", is_flag=True, help="Never draw a progress bar.")
@click.option("--force-exclude", is_flag=True,
              help="Apply exclude/extend-exclude to files named explicitly too (as the hook does).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files (written atomically).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply the unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing (exit 1 if any).")
@click.option("--show-fixes", is_flag=True, help="With --fix, list what was fixed (on stderr).")
@click.option("--project/--no-project", "project", default=None,
              help="When files are named, compare them with every other payload of the project "
                   "(the config's directory, or else the git work tree) in the run-wide rules "
                   "[default: on when files are named and a config is found].")
def check(paths, output_format, output, config_path, select, extend_select, ignore, profile,
          existing, business_unit, target_schedule, activity_codes, agents, stdin_filename, strict, exit_zero, statistics, jobs, baseline, write_baseline,
          quiet, verbose, colour, no_progress, force_exclude, fix, unsafe_fixes, diff, show_fixes,
          project) -> None:
    """Lint files and directories (default: the current directory); `-` reads stdin."""
    # A lint run is short-lived and builds one large tree that it never frees early: the
    # collector would walk it again and again for nothing (SPEC §7: it costs more than the parse).
    gc.disable()
    from .engine import keep_until_exit

    keep_until_exit()  # this process ends with `_exit_fast`: large trees are not freed one by one
    if select and not _csv(select):  # an unset variable (`--select "$RULES"`) must not turn all off
        _fail("--select: unknown rule ''; name rules by code, prefix or name")
    overrides = Overrides(select=_csv(select) if select else None, extend_select=_csv(extend_select),
                          ignore=_csv(ignore), profile=profile, force_exclude=force_exclude,
                          references=_reference_files(business_unit, target_schedule, activity_codes, agents))
    settings = _load_settings(config_path, overrides)
    baseline_entries = _baseline(baseline) if baseline else None
    show_progress = (not no_progress and not quiet and sys.stderr.isatty()
                     and output_format in ("text", "full"))
    if stdin_filename is not None and not stdin_filename.strip():
        _fail("--stdin-filename: an empty path")
    if stdin_filename and paths != ("-",):
        for path in paths:
            if path != "-":  # as ruff: the text comes on stdin, whatever else is named
                _say(f"wfmlint: warning: ignoring {path} in favour of standard input (--stdin-filename)")
        paths = ("-",)
    if project is None:  # named files in the project their config declares (the hook: --project),
        # stdin under a file's name among them (an editor's text is the file as it will be)
        project = bool(settings.config.source) and any(
            os.path.isfile(p) if p != "-" else bool(stdin_filename) for p in paths)
    if statistics and output_format not in ("text", "full", "json"):
        _fail(f"--statistics gives counts as text or JSON, not {output_format}; use --format text or json")
    if (fix or diff) and "-" in paths:
        _fail("--fix and --diff cannot rewrite standard input; lint a file, or use the language "
              "server's quick fixes")

    def lint():
        return _lint(paths, settings, existing, jobs, stdin_filename, show_progress, project)
    run = _lint_and_fix(lint, fix, diff, unsafe_fixes, show_fixes, output, quiet, verbose, paths, settings,
                        exit_zero)
    findings, unmatched = run.findings, []
    if baseline_entries is not None:
        from .baseline import apply_baseline

        findings, unmatched = apply_baseline(findings, baseline_entries)
    _tell_problems(run, unmatched, verbose, frozenset(p.replace(os.sep, "/") for p in paths), settings)
    _not_an_input(output, run, "--output", paths)
    if write_baseline:  # today's findings, whatever an older baseline accepted
        _not_an_input(write_baseline, run, "--write-baseline", paths)
        _write_baseline(write_baseline, run.findings, run, quiet)
    use_colour = _use_colour(colour, output) and output_format in ("text", "full")
    if statistics and output_format == "json":
        from .output.machine import render_statistics_json

        report = render_statistics_json(findings, run)
    elif statistics:
        from .output.text import render_statistics

        report = render_statistics(findings, run, quiet=quiet)
    else:
        report = renderer(output_format)(findings, run, colour=use_colour, quiet=quiet,
                                         sources=_source_lines(run, findings), root=str(settings.root),
                                         strict=strict, unfixable=_unfixable(run, paths, stdin_filename))
    if not write_baseline or output:  # (a baseline's run tells its count, and writes a report asked for)
        _emit(report, output)
    failing = {"error", "warning"} if strict else {"error"}
    if run.errors or run.crashes:
        _exit_fast(EXIT_FAILURE)
    if not exit_zero and not write_baseline and any(f.severity in failing for f in findings):
        _exit_fast(EXIT_FINDINGS)
    _exit_fast(EXIT_CLEAN)


def _lint_and_fix(lint, fix: bool, diff: bool, unsafe: bool, show: bool, output, quiet: bool, verbose: bool,
                  paths, settings: Settings, exit_zero: bool = False):
    """The run to report (a fixed file that could not be written is one of its errors).
    `--diff` ends here (it prints the diff and exits); `--fix` writes the fixed files and lints
    them again."""
    run = lint()
    if diff:
        _not_an_input(output, run, "--output", paths)
        code = _print_diff(run, unsafe, output, quiet)
        _tell_problems(run, [], verbose, frozenset(p.replace(os.sep, "/") for p in paths), settings)
        _exit_fast(EXIT_CLEAN if exit_zero and code == EXIT_FINDINGS else code)
    if fix:
        fixed, unwritten = _fix(run, unsafe, show, quiet)
        if fixed:  # the report is of the files as they are now
            run = lint()
        run.errors += unwritten  # exit 2, told with the run's other errors (and in its summary)
    return run


def _print_diff(run, unsafe: bool, output: str | None, quiet: bool) -> int:
    """The fixes as a unified diff of each file; the exit code (1: there is a diff)."""
    fixed = _fixed_files(run, unsafe)
    _emit("".join(f.diff() for f in fixed), output)
    count = sum(len(f.applied) for f in fixed)
    if not quiet:
        _say(f"Would fix {_plural(count, 'finding')} in {_plural(len(fixed), 'file')}."
             if fixed else "No fixes available.")
    if run.errors or run.crashes:
        return EXIT_FAILURE
    return EXIT_FINDINGS if fixed else EXIT_CLEAN


def _fixed_files(run, unsafe: bool) -> list:
    """The run's files with their fixes applied (in memory); each fix left out is told."""
    from .fixer import fix_files

    fixed, notes = fix_files(run.findings, run.settings, run.existing, unsafe)
    for note in notes:
        _say(f"wfmlint: warning: {note}")
    kept = []
    for one in fixed:
        if os.path.islink(one.path):  # its target may be anywhere (a pull request can add links)
            _say(f"wfmlint: warning: {one.path}: a symbolic link; not fixed (fix the file it points to)")
        else:
            kept.append(one)
    return kept


def _unfixable(run, paths: tuple, stdin_filename: str | None) -> frozenset[str]:
    """The linted paths that `--fix` would not rewrite: standard input under a file's name, and
    symbolic links (the report counts no fix for them)."""
    named = {stdin_filename} if stdin_filename and "-" in paths else set()
    return frozenset(named | {result.path for result in run.files if os.path.islink(result.path)})


def _fix(run, unsafe: bool, show: bool, quiet: bool) -> tuple[int, list[str]]:
    """Write the fixed files (atomically; a file changed since it was read is left alone);
    how many were written, and why each of the others could not be (exit 2)."""
    from .atomic import write_atomically
    from .files import UnreadableFile, read_regular_file

    written, unwritten = 0, []
    for fixed in _fixed_files(run, unsafe):
        try:
            if read_regular_file(fixed.path, len(fixed.data) + 1) != fixed.data:
                unwritten.append(f"{fixed.path}: changed while it was being fixed; not written")
                continue
            write_atomically(fixed.path, fixed.new_data)
        except (OSError, UnreadableFile) as error:
            unwritten.append(f"{fixed.path}: cannot write the fixed file: {error}")
            continue
        written += 1
        if show:
            _say(f"Fixed {_plural(len(fixed.applied), 'finding')} in {fixed.path}:")
            for code, description in fixed.applied:
                _say(f"  {code} {description}")
        elif not quiet:
            _say(f"Fixed {_plural(len(fixed.applied), 'finding')} in {fixed.path}.")
    return written, unwritten


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _reference_files(business_unit, schedule, activity_codes, agents) -> ReferenceFiles:
    """The reference files named on the command line, relative to the working directory."""
    for option, value in (("--business-unit", business_unit), ("--schedule", schedule),
                          ("--activity-codes", activity_codes), *(("--agents", a) for a in agents)):
        if value is not None and not value.strip():
            _fail(f"{option}: an empty path")

    def absolute(path):
        return os.path.abspath(path) if path else None

    return ReferenceFiles(absolute(business_unit), absolute(schedule), absolute(activity_codes),
                          tuple(map(os.path.abspath, agents)) or None)


def _baseline(path: str) -> list[dict]:
    from .baseline import BaselineError, load_baseline

    try:
        return load_baseline(path)
    except BaselineError as error:
        _fail(str(error))


def _lint(paths, settings: Settings, existing: str | None, jobs: int | None,
          stdin_filename: str | None, show_progress: bool, project: bool = False):
    """The run, or exit 2 when `--existing` or config `permissions` cannot serve."""
    from .parallel import default_jobs
    from .run import RunError, lint_run

    try:
        return lint_run(list(paths) or ["."], settings, existing=existing, jobs=jobs or default_jobs(),
                        stdin=lambda: sys.stdin.buffer.read(), stdin_filename=stdin_filename,
                        progress_factory=(lambda n: _Progress(n) if n >= PROGRESS_THRESHOLD else None)
                        if show_progress else None, project=project)
    except (RunError, ConfigError) as error:  # a subproject's config may be the bad one
        _fail(str(error))


def _tell_problems(run, unmatched: list[dict], verbose: bool, named: frozenset = frozenset(),
                   settings: Settings | None = None) -> None:
    """On stderr: skipped files and stale baseline entries (`--verbose`), unusable paths, and
    every crash (never silent)."""
    for result in run.files:
        if result.skipped and result.read_as:  # recognised, and known not to be a schedule
            if verbose:
                _say(f"wfmlint: {result.path}: skipped: not a schedule, by profile {result.read_as}")
            continue
        if verbose and result.read_as:
            _say(f"wfmlint: {result.path}: read as {result.read_as}")
        if result.skipped and (verbose or result.path in named):
            # a file you named is never skipped in silence
            _say(f"wfmlint: {'' if verbose else 'warning: '}{result.path}: skipped: matches no "
                 "payload profile (claim it in [profiles] if it is one)")
    if verbose:
        _tell_references(run, settings)
        for entry in unmatched:
            _say(f"wfmlint: baseline entry no longer matches: {entry.get('path')}: "
                 f"{entry.get('code')} {entry.get('message', '')}")
    for failure in run_failures(run):
        _say(f"wfmlint: {failure}")


def _tell_references(run, settings: Settings | None) -> None:
    """Which reference files each update or import was checked against, and what they enable."""
    from . import profiles as P

    for result in run.files:
        if settings is None or result.facts is None or result.facts.profile not in (P.UPDATE, P.IMPORT):
            continue
        references = settings.references_for(result.path)
        if references:
            _say(f"wfmlint: {result.path}: checked against " + "; ".join(references.enables()))


def _write_baseline(path: str, findings: list, run, quiet: bool) -> None:
    from .baseline import write_baseline

    try:
        write_baseline(path, findings)
    except OSError as error:
        _fail(f"{path}: cannot write baseline: {error.strerror or error}")
    if not quiet:
        _say(f"Wrote {len(findings)} finding{'s' if len(findings) != 1 else ''} to {path}.")


EMIT_CHUNK = 1 << 20  # characters per write: a report of gigabytes is never copied whole


def _not_an_input(target: str | None, run, option: str, named: tuple = ()) -> None:
    """Exit 2 when a report would be written over a file this run lints (wfmlint never writes
    the files it lints, but `--output a.json a.json` asked it to). A file that a walk found
    and skipped (no payload: the report of the run before, in the directory walked) is no
    input; one named on the command line is, whatever it holds."""
    try:
        written = os.stat(target) if target else None
    except OSError:
        return  # a new file
    if written is None or not stat.S_ISREG(written.st_mode):
        return
    inputs = [*named, *(result.path for result in run.files if not result.skipped)]
    for path in inputs:
        try:
            linted = os.stat(path)
        except OSError:
            continue
        if (linted.st_dev, linted.st_ino) == (written.st_dev, written.st_ino):
            _fail(f"{option} {target}: that is a file being linted; write it elsewhere")


def _emit(report: str, output: str | None) -> None:
    if output:
        from .atomic import write_atomically

        try:
            write_atomically(output, report, into_special=True)
        except OSError as error:
            _fail(f"{output}: cannot write report: {error.strerror or error}")
        return
    try:
        out = sys.stdout.buffer
        for start in range(0, len(report), EMIT_CHUNK):
            # Lone surrogates (valid JSON escapes, undecodable file names) are not UTF-8:
            # written as escapes, so the report stays valid.
            chunk = memoryview(report[start:start + EMIT_CHUNK].encode("utf-8", "backslashreplace"))
            while chunk:  # a pipe closed mid-write takes part of a chunk without an error
                written = out.write(chunk)
                chunk = chunk[len(chunk) if written is None else written:]
        out.flush()
    except BrokenPipeError:
        _quiet_stdout()
        _exit_fast(EXIT_FAILURE)
    except OSError as error:
        _fail(f"cannot write the report to stdout: {error.strerror or error}")


def _quiet_stdout() -> None:
    """After a closed pipe, the interpreter's own flush at exit must not print a traceback."""
    try:
        sys.stdout = open(os.devnull, "w")
    except OSError:
        pass


def _exit_fast(code: int) -> NoReturn:
    """Exit without tearing down the objects of a large payload one by one: the report is
    written and flushed, nothing else needs cleaning up."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _source_lines(run, findings):
    """The source line of a place the report names, by (path, line): read on first use (only
    `full` and `rdjson` show them), a file at a time, and only the lines named are kept."""
    from .engine import SourceChanged, source_text
    from .locate import LineIndex

    lines: dict[tuple[str, int], str] | None = None

    def read() -> dict[tuple[str, int], str]:
        wanted: dict[str, set[int]] = {}
        for finding in findings:
            wanted.setdefault(finding.path, set()).update((finding.line, finding.end_line))
            for other in finding.related:
                wanted.setdefault(other.path, set()).add(other.line)
        by_path = {r.path: r for r in run.files}
        found = {}
        for path, numbers in wanted.items():
            result = by_path.get(path)
            if result is None or result.unplaced:  # (the error that says so is out)
                continue
            try:
                text = source_text(result)
            except SourceChanged as changed:  # since its findings were placed
                run.errors.append(f"{path}: {changed}, so its source lines are not shown")
                _say(f"wfmlint: error: {run.errors[-1]}")
                continue
            if text:  # (a file never decoded has no lines to show)
                index = LineIndex(text)
                found.update(((path, number), index.line_text(number)) for number in sorted(numbers))
        return found

    def line_of(path: str, line: int) -> str | None:
        nonlocal lines
        if lines is None:
            lines = read()
        return lines.get((path, line))

    return line_of


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity, fix (safe, unsafe or -), summary."""
    from .registry import registry

    rules = list(registry())
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                                "summary": r.summary, "implemented": r.implemented, "fix": r.fix,
                                "options": {k: {"type": t.__name__, "default": d}
                                            for k, (t, d) in r.options.items()}}
                               for r in rules], indent=2))
        return
    for rule in rules:
        mark = "" if rule.implemented else "  [not implemented yet]"
        click.echo(f"{rule.code}  {rule.name:<26} {rule.severity:<8} {rule.fix or '-':<6}  {rule.summary}{mark}")


@main.command("profiles")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
def list_profiles(config_path: str | None) -> None:
    """List the payload profiles: Genesys ones, generic, and the vendor profiles (built-in and
    the config's), with what each reads."""
    from . import profiles as P

    settings = _load_settings(config_path, Overrides())
    described = {P.UPDATE: "Genesys Cloud schedule update (agentSchedules with metadata.version)",
                 P.IMPORT: "Genesys Cloud schedule import (agentSchedules with weekCount)",
                 P.EXPORT: "Genesys Cloud current schedule (agentschedules/query result)",
                 P.GENERIC: "any vendor through config [generic], or entries found by auto-detection"}
    for name, text in described.items():
        click.echo(f"{name:<26} {text}")
    builtin = P.vendor_profiles()
    for name, profile in P.vendor_definitions(settings.config.vendor_profiles).items():
        origin = "" if name in builtin else " (config)"
        click.echo(f"{name:<26} {profile.description}{origin}")
        for shape in _distinct_sets(profile.shapes):
            resource = shape.resource or "none (never compared)"
            extra = (f", group {shape.group!r}" if shape.group else "") + \
                (f", within {shape.within}" if shape.within else "")
            where = shape.pattern or '"" (the root object)'
            duration = f"end {shape.end}" + (" (may be absent: still running)" if shape.open_ended else "") \
                if shape.end else f"length {shape.length}"
            click.echo(f"{'':<28}{shape.kind}: {where}; resource {resource}, start {shape.start}, "
                       f"{duration}{extra}")


def _distinct_sets(shapes):
    """One line per entry set: its first pattern (the others read the same members)."""
    seen, kept = set(), []
    for shape in shapes:
        key = (shape.kind, shape.resource, shape.start, shape.end, shape.group, shape.within)
        if key not in seen:
            seen.add(key)
            kept.append(shape)
    return kept


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's documentation (by code or name)."""
    from .registry import registry

    found = registry().get(rule)
    if found is None:
        _fail(f"unknown rule {rule!r}{registry().hint(rule)}")
    click.echo(f"# {found.code} {found.name} (default: {found.severity})\n\n{found.fix_note}\n\n{found.doc}")


@main.command()
@click.argument("profile")
def schema(profile: str) -> None:
    """Print the JSON Schema of a payload profile (for editors' json.schemas)."""
    from .models import schema as build_schema
    from .shapes import SCHEMA_ROOTS

    document = build_schema(profile)
    if document is None:
        import difflib

        close = difflib.get_close_matches(profile, SCHEMA_ROOTS, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        _fail(f"no schema for {profile!r}; {hint}available: {', '.join(SCHEMA_ROOTS)} (a generic or vendor "
              "payload's shape comes from your mapping or its profile)")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = f"urn:wfmlint:schema:{profile}"
    click.echo(json.dumps(document, indent=2))


INIT_SAMPLE = 2000  # files looked at by `init`: enough to find a repository's payload folders


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing wfmlint.toml.")
def init(force: bool) -> None:
    """Write a wfmlint.toml that claims the payload directories found here."""
    from collections import Counter, defaultdict

    from .atomic import write_atomically
    from .engine import analyse_path
    from .profiles import GENESYS
    from .run import discover

    target = Path("wfmlint.toml")
    if target.exists() and not force:
        _fail("wfmlint.toml exists already (--force overwrites it)")
    settings = Settings(config_from_table({}, None))
    files, _errors = discover(["."], settings)
    by_directory: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for path in files[:INIT_SAMPLE]:
        by_directory[os.path.dirname(path) or "."].append((path, analyse_path(path, settings).profile))
    lines = ["# Written by `wfmlint init`: each directory of payloads is claimed for its profile,",
             "# so a file there is always checked as one (a broken or misspelt file fails instead",
             "# of being skipped). Edit freely; `wfmlint explain WFM005` says what claiming does.", ""]
    claimed = []
    for directory, found in sorted(by_directory.items()):
        profiles = Counter(profile for _, profile in found)
        if len(profiles) == 1 and found[0][1] in GENESYS:  # a directory of one kind: claim it
            pattern = "*.json" if directory == "." else f"{directory}/*.json"
            claimed.append(f'"{pattern}" = "{found[0][1]}"  # {len(found)} file'
                           f'{"s" if len(found) != 1 else ""} found')
        else:  # mixed: claim the Genesys files one by one
            claimed += [f'"{path}" = "{profile}"' for path, profile in found if profile in GENESYS]
    if claimed:
        lines += ["[profiles]", *claimed]
    else:
        lines += ["# No Genesys payload was found here. Claim your payload files by glob:",
                  '# [profiles]', '# "payloads/**/*.json" = "genesys-update"',
                  "# and map another vendor's shape with a [generic] table (see the README)."]
    write_atomically(str(target), "\n".join(lines) + "\n")
    click.echo(f"Wrote wfmlint.toml: {len(claimed)} claim{'' if len(claimed) == 1 else 's'} "
               "of payload files.")


@main.command()
def lsp() -> None:
    """Run the language server over stdio."""
    try:
        from .lsp import serve
    except ImportError as error:
        _fail(f"the language server needs pygls: pip install 'wfmlint[lsp]' ({error})")
    serve()


if __name__ == "__main__":
    main()
