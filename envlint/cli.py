"""The command line. The only module that prints and picks the exit code.

Exit codes: 0 clean, 1 findings, 2 usage, configuration or input error (a file that could not be
analysed counts: the run is incomplete, and says which file and why).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from .analyze import Analysis, analyze
from .checks import BY_CODE, RULES
from .config import Config, ConfigError, load_config
from .filter import SelectionError
from .render import RENDERERS
from .render.facts import facts_json, facts_text
from .render.report import make_report
from .run_checks import run_checks
from .runtime import builtin_table

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"envlint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _root_of(paths: tuple[Path, ...]) -> Path:
    absolute = [p.absolute() for p in paths]
    if len(absolute) == 1:
        return absolute[0] if absolute[0].is_dir() else absolute[0].parent
    common = Path(os.path.commonpath([str(p) for p in absolute]))
    return common if common.is_dir() else common.parent


def _prepare(paths: tuple[Path, ...], config_path: Path | None, **overrides: tuple[str, ...]) -> tuple[Path, Config]:
    paths = paths or (Path("."),)
    root = _root_of(paths)
    try:
        config = load_config(root, config_path)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    changes = {key: value for key, value in overrides.items() if value}
    return root, dataclasses.replace(config, **changes)


def _analyze(root: Path, paths: tuple[Path, ...], config: Config) -> Analysis:
    try:
        return analyze(root, tuple(p.absolute() for p in paths) or (root,), config)
    except ConfigError as exc:
        raise _fail(str(exc)) from None


_PATHS = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
_CONFIG = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                       help="Read settings from this file instead of the root's envlint.toml / pyproject.toml.")


def _multi(name: str, text: str):
    return click.option(name, multiple=True, metavar="CODE", help=text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="envlint")
def main() -> None:
    """Check the environment-variable contracts between the programs of a repository."""


@main.command()
@_PATHS
@click.option("--output-format", type=click.Choice(sorted(RENDERERS)), default=None,
              help="How findings are printed (default: text).")
@_multi("--select", "Run only these rules (codes or prefixes; repeatable).")
@_multi("--extend-select", "Also run these rules, e.g. ENV005.")
@_multi("--ignore", "Do not run these rules.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files and folders matching this glob.")
@click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Add to the configured excludes.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files that .gitignore files ignore (default: on).")
@_CONFIG
def check(paths, output_format, select, extend_select, ignore, exclude, extend_exclude, respect_gitignore,
          config_path) -> None:
    """Analyse PATHS (default: the current folder) and report findings per launch site."""
    root, config = _prepare(paths, config_path, select=select, extend_select=extend_select, ignore=ignore,
                            exclude=exclude, extend_exclude=extend_exclude)
    if respect_gitignore is not None:
        config = dataclasses.replace(config, respect_gitignore=respect_gitignore)
    fmt = output_format or config.output_format or "text"
    if fmt not in RENDERERS:
        raise _fail(f"{config.source}: output-format: unknown format {fmt!r} ({', '.join(sorted(RENDERERS))})")
    analysis = _analyze(root, paths, config)
    try:
        findings = run_checks(analysis.graph, config)
    except SelectionError as exc:
        raise _fail(str(exc)) from None
    report = make_report(findings, analysis.graph)
    click.echo(RENDERERS[fmt](report), nl=False)
    if report.problems:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.findings else EXIT_CLEAN)


@main.command()
@_PATHS
@click.option("--json", "as_json", is_flag=True, help="Print the facts as JSON.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files and folders matching this glob.")
@_CONFIG
def facts(paths, as_json, exclude, config_path) -> None:
    """Print every read, set, launch site and service envlint extracted, and why each link was made."""
    root, config = _prepare(paths, config_path, exclude=exclude)
    analysis = _analyze(root, paths, config)
    click.echo(facts_json(analysis) if as_json else facts_text(analysis), nl=False)
    sys.exit(EXIT_ERROR if analysis.graph.problems else EXIT_CLEAN)


@main.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """Without CODE: the table of rules. With CODE: that rule's documentation."""
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
    if rule.code == "ENV002":
        click.echo("\n## Variables read by the runtime or the platform")
        for language, names in builtin_table().items():
            click.echo(f"- {language}: {', '.join(names)}")
