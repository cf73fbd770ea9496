"""The command line. The only module that prints and picks the exit code.

Exit codes: 0 clean, 1 findings, 2 usage, configuration or input error (a file that could not be
analysed counts: the run is incomplete, and says which file and why).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from .analyze import Analysis

from .check_command import EXIT_CLEAN, EXIT_ERROR, run_check
from .config import Config, ConfigError, apply_options, load_config
from .render import RENDERERS
from .render.facts import facts_json, facts_text
from .render.printable import printable
from .runtime import builtin_table, library_table



def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"envlint: error: {printable(message)}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _root_of(paths: tuple[Path, ...]) -> Path:
    absolute = [p.absolute() for p in paths]
    if len(absolute) == 1:
        return absolute[0] if absolute[0].is_dir() else absolute[0].parent
    common = Path(os.path.commonpath([str(p) for p in absolute]))
    return common if common.is_dir() else common.parent


def _prepare(paths: tuple[Path, ...], config_path: Path | None, options: dict | None = None) -> tuple[Path, Config]:
    """The analysed root and the settings: the nearest configuration at or above it, then the command
    line, which wins for every option it gives."""
    root = _root_of(paths or (Path("."),))
    try:
        config = load_config(root, config_path)
        return root, apply_options(config, options or {})
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _analyze(root: Path, paths: tuple[Path, ...], config: Config) -> Analysis:
    # Imported here: `check` answered by the whole-run cache (run_cache.py) needs none of the analysis.
    from .analyze import analyze

    try:
        return analyze(root, tuple(p.absolute() for p in paths) or (root,), config)
    except ConfigError as exc:
        raise _fail(str(exc)) from None


_PATHS = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
_JOBS = click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Extract in N processes (1: no worker processes); default: automatic.")
_CONFIG = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                       help="Read settings from this file instead of the nearest envlint.toml / pyproject.toml.")


def _multi(name: str, text: str, metavar: str = "CODE"):
    return click.option(name, multiple=True, metavar=metavar, help=text)


def _flag(name: str, text: str):
    return click.option(name, is_flag=True, default=None, help=text)


REPORT_URL = "https://github.com/envlint/envlint/issues"


class _Commands(click.Group):
    """The command group, which turns a bug of envlint into exit 2 and one line, never a traceback
    (exit 1 would read as "findings"; a traceback in a CI log helps nobody who did not write envlint)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except OSError as exc:  # an unwritable output file, a full disk
            raise _fail(f"{exc.filename or 'output'}: {exc.strerror or exc}") from None
        except Exception as exc:  # noqa: BLE001 - see the docstring
            where = exc.__traceback__
            while where is not None and where.tb_next is not None:
                where = where.tb_next
            place = f" at {Path(where.tb_frame.f_code.co_filename).name}:{where.tb_lineno}" if where else ""
            raise _fail(f"internal error ({type(exc).__name__}: {exc}){place}; please report it at "
                        f"{REPORT_URL} with the command you ran") from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="envlint")
def main() -> None:
    """Check the environment-variable contracts between the programs of a repository."""


@main.command()
@_PATHS
@click.option("--output-format", type=click.Choice(sorted(RENDERERS)), default=None,
              help="How findings are printed (default: text).")
@click.option("--output-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@_multi("--select", "Run only these rules (codes or prefixes; repeatable).")
@_multi("--extend-select", "Also run these rules, e.g. ENV005.")
@_multi("--ignore", "Do not run these rules.")
@_multi("--ignore-variables", "Never report these variables (names or globs).", "NAME")
@_multi("--severity", "Override a rule's severity, e.g. ENV002=error.", "CODE=LEVEL")
@_multi("--exclude", "Skip files and folders matching this glob.", "GLOB")
@_multi("--extend-exclude", "Add to the configured excludes.", "GLOB")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Read what git tracks or would add (elsewhere: skip what .gitignore files ignore); default: on.")
@_flag("--statistics", "Print the number of findings per rule instead of the findings.")
@_flag("--exit-zero", "Exit 0 even when there are findings (2 still means an error).")
@_flag("--quiet", "Print the findings and nothing else.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default=None,
              help="Color the text output (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Hide the findings recorded in this baseline file; show only new ones.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record the current findings in this file and exit.")
@click.option("--add-noqa", is_flag=True, help="Add an `envlint: ignore[CODE]` comment at each finding and exit.")
@click.option("--show-config", is_flag=True, help="Print the settings in effect and where they come from, and exit.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep extraction's cache in this folder (default: ENVLINT_CACHE_DIR, the `cache-dir` setting, "
                   "or .envlint_cache in the analysed root).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache (also when ENVLINT_NO_CACHE is set).")
@click.option("--timings", is_flag=True, help="Print files read and seconds per stage to standard error.")
@_JOBS
@_CONFIG
def check(paths, config_path, **options) -> None:
    """Analyse PATHS (default: the current folder) and report findings per launch site."""
    root, config = _prepare(paths, config_path, options)
    sys.exit(run_check(root, paths, config, options, _fail))


@main.command()
@_PATHS
@click.option("--json", "as_json", is_flag=True, help="Print the facts as JSON.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files and folders matching this glob.")
@_JOBS
@_CONFIG
def facts(paths, as_json, exclude, jobs, config_path) -> None:
    """Print every read, set, launch site and service envlint extracted, and why each link was made."""
    root, config = _prepare(paths, config_path, {"exclude": exclude, "jobs": jobs})
    analysis = _analyze(root, paths, config)
    click.echo(facts_json(analysis) if as_json else facts_text(analysis), nl=False)
    sys.exit(EXIT_CLEAN)  # facts lists problems as it lists everything; `check` judges them


@main.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """Without CODE: the table of rules. With CODE: that rule's documentation."""
    from .checks import BY_CODE, RULES

    if code is None:
        for rule in RULES:
            default = "on" if rule.enabled_by_default else "off"
            click.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {default:<4} {rule.summary}")
        return
    rule = BY_CODE.get(code.upper())
    if rule is None:
        raise _fail(f"unknown rule {code!r} (rules: {', '.join(r.code for r in RULES)})")
    click.echo(f"# {rule.code} {rule.name} ({rule.severity}{'' if rule.enabled_by_default else ', off by default'})\n")
    click.echo(rule.doc)
    table = builtin_table()
    if rule.code in ("ENV001", "ENV003"):
        click.echo("\n## Variables the platform sets, never reported")
        click.echo(", ".join(sorted(set(table["platform"]) | set(table["any"]))))
    if rule.code == "ENV002":
        click.echo("\n## Variables read by the runtime or the platform")
        for language, names in table.items():
            click.echo(f"- {language}: {', '.join(names)}")
        click.echo("\n## Variables read by libraries the service imports")
        for library, globs in library_table().items():
            click.echo(f"- {library}: {', '.join(globs) or '-'}")
