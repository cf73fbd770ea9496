"""`envlint check`: the command line's side of a run. It reads and writes files (sources for inline
suppressions, the baseline, the report, `--add-noqa` edits) and picks the exit code; every decision
is made by the pure stages it calls.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Mapping

import click

from .baseline import baseline_json, load_baseline
from .checks.table import CODES
from .config import Config, ConfigError, describe_config
from .discover import Containment
from .extract.cache import DEFAULT_FOLDER, UnitCache
from .extract.load import MAX_FILE_BYTES
from .filter import SelectionError, selected_codes
from .noqa import add_noqa
from .postprocess import finish
from .render import RENDERERS
from .render.report import report_of
from .render.concise import render_concise
from .render.text import render_text
from .run_cache import check_tree
from .timings import NO_CLOCK, Clock

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _reader(root: Path, texts: Mapping[str, bytes]) -> Callable[[str], str | None]:
    contained = Containment(root)

    def read_text(path: str) -> str | None:
        data = texts.get(path)
        # What extraction read of a discovered file (inside the root, under the size limit, UTF-8) is
        # the file's bytes, unless a Python file declared another encoding (load.load recodes it: read
        # from disk as before); decoded with the newlines read_text() translates.
        if data is not None and data.find(b"coding", 0, _second_line_end(data)) < 0:  # no PEP 263 cookie
            text = data.decode("utf-8")
            return text.replace("\r\n", "\n").replace("\r", "\n") if b"\r" in data else text
        if not contained(root / path):  # never read (nor, with --add-noqa, write) through a link out
            return None
        try:
            # A file over extraction's size limit was never read: its suppressions are not read either
            # (a 4 GB file would be read whole to look for comments).
            if (root / path).stat().st_size > MAX_FILE_BYTES:
                return None
            return (root / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    return read_text


def _unmarked(texts: Mapping[str, bytes], marked: frozenset[str]) -> Callable[[str], bool]:
    """Whether a file surely holds no suppression: extraction read its bytes and they do not spell
    suppress.MARK (``marked``: the read files that do, run_cache.Checked). The suppression scan skips
    such files without decoding them (most of the filter stage's time on a warm run)."""
    return lambda path: path in texts and path not in marked


def _second_line_end(data: bytes) -> int:
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first >= 0 else -1
    return second if second >= 0 else len(data)


def _use_color(setting: str, to_file: bool) -> bool:
    if setting == "always":
        return True
    if setting == "never" or to_file:
        return False
    # https://no-color.org: the user's terminal setting, read by the CLI only (the analysis never is).
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _statistics(findings) -> str:
    counts = Counter(f.code for f in findings)
    rows = [f"{counts[code]:>5}  {code}  {CODES[code].name if code in CODES else ''}" for code in sorted(counts)]
    return "\n".join(rows) + ("\n" if rows else "")


def open_cache(root: Path, paths: tuple[Path, ...], config: Config, options: dict) -> UnitCache:
    """Extraction's cache: `--cache-dir`, else ENVLINT_CACHE_DIR, else the configuration's `cache-dir`,
    else `.envlint_cache` in the analysed root; none with `--no-cache` or ENVLINT_NO_CACHE (the user's
    settings, read by the CLI only, as NO_COLOR is)."""
    if options.get("no_cache") or os.environ.get("ENVLINT_NO_CACHE", "").lower() not in ("", "0", "false", "no"):
        return UnitCache(None)
    chosen = options.get("cache_dir") or os.environ.get("ENVLINT_CACHE_DIR") or config.cache_dir
    folder = Path(chosen) if chosen else root / DEFAULT_FOLDER
    return UnitCache(folder, root, whole=all(p.absolute() == root for p in paths))


def run_check(root: Path, paths: tuple[Path, ...], config: Config, options: dict, fail) -> int:
    if options.get("show_config"):
        click.echo(describe_config(config), nl=False)
        return EXIT_CLEAN
    fmt = config.output_format or "text"
    if fmt not in RENDERERS:
        raise fail(f"{config.source}: output-format: unknown format {fmt!r} ({', '.join(sorted(RENDERERS))})")
    clock = Clock() if options.get("timings") else NO_CLOCK
    cache = open_cache(root, paths, config, options)
    try:
        checked = check_tree(root, tuple(p.absolute() for p in paths) or (root,), config, cache, clock)
        selected = selected_codes(config)
    except (ConfigError, SelectionError) as exc:
        raise fail(str(exc)) from None
    clock.lap("checks", files_parsed=len(cache.parsed), units_from_cache=cache.hits)
    read_text = _reader(root, checked.texts)
    baseline = None
    if config.baseline and not options.get("write_baseline"):
        try:
            baseline = load_baseline(Path(config.baseline).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise fail(f"baseline {config.baseline}: {exc}") from None
    outcome = finish(list(checked.findings), config, selected, read_text, baseline, checked.sources,
                     unmarked=_unmarked(checked.texts, frozenset(checked.marked)))
    clock.lap("filter")
    if options.get("write_baseline"):
        Path(options["write_baseline"]).write_text(baseline_json(outcome.findings), encoding="utf-8")
        click.echo(f"Wrote {len(outcome.findings)} findings to the baseline {options['write_baseline']}.")
        return EXIT_CLEAN
    if options.get("add_noqa"):
        edits = add_noqa(outcome.findings, read_text)
        for path, text in sorted(edits.items()):
            (root / path).write_text(text, encoding="utf-8")
        click.echo(f"Added suppressions for {len(outcome.findings)} findings in {len(edits)} files.")
        return EXIT_CLEAN
    report = report_of(outcome.findings, checked.problems, checked.counts, outcome.suppressed,
                       outcome.baselined, outcome.stale_baseline)
    to_file = bool(config.output_file)
    color = fmt == "text" and _use_color(config.color, to_file)
    if config.statistics:
        text = _statistics(report.findings)
    elif fmt == "text":
        text = render_text(report, color=color, summary=not config.quiet)
    elif fmt == "concise":
        text = render_concise(report, summary=not config.quiet)
    else:
        text = RENDERERS[fmt](report)
    if to_file:
        Path(config.output_file).write_text(text, encoding="utf-8")  # type: ignore[arg-type]
    else:
        # click strips ANSI codes when stdout is not a terminal unless told: `always` means always.
        click.echo(text, nl=False, color=color or None)
    if options.get("timings"):
        clock.lap("render")
        clock.notes.extend(cache.notes)
        click.echo(clock.report(), err=True)
    # A file that could not be analysed is an ENV000 finding: exit 1 like any other, and --exit-zero
    # covers it. Exit 2 is kept for usage, configuration and internal errors.
    return EXIT_FINDINGS if report.findings and not config.exit_zero else EXIT_CLEAN
