"""Go launch sites: exec.Command / exec.CommandContext, what the function does with the command's Env,
and `docker run` argument lists. A docker launch never inherits the launcher's environment.
"""

from __future__ import annotations

import posixpath

from ...model import EnvSet, LaunchSite, TargetRef
from .. import syntax
from ..docker_args import Token, env_entry, parse_docker_run
from ..syntax import Node
from . import flow
from .extra import PendingName, has_foreign, name_parts
from .index import GoFile, PackageIndex, enclosing_function, function_name
from .slices import Built, Element, argument_elements, evaluate
from .values import SELF, literals_reaching


def _entries(element: Element, go_file: GoFile, index: PackageIndex, scope: Node) -> list[Token]:
    """One element as docker_args Tokens; a loop over a map literal gives one token per key."""
    node = element.node
    location = go_file.source.location(node)
    source = syntax.text(node)
    if element.spread:
        return [Token(location, condition=element.condition, source=source, spread=True)]
    text = index.string(node)
    if text is not None:
        # A constant image: the target should stand at the constant's literal (see _image_targets).
        candidates = _image_candidates(node, go_file, index) if node.type == "identifier" else ()
        via = f"constant {source}" if node.type == "identifier" else ""
        return [Token(location, text, condition=element.condition, source=source, via=via, candidates=candidates)]
    if element.key is not None:
        key = index.string(element.key)
        if key is not None:
            return [Token(location, prefix=f"{key}=", condition=element.condition, source=source,
                          via=f"key of map literal {element.loop_map}")]
    parts = name_parts(node, go_file, index)
    if has_foreign(parts):  # `config.EnvX + "=" + v`: the resolver completes the entry
        index.pending.append(PendingName(location, parts, "set"))
    return [Token(location, prefix=index.prefix(node), condition=element.condition, source=source,
                  candidates=_image_candidates(node, go_file, index))]


def _image_candidates(node: Node, go_file: GoFile, index: PackageIndex) -> tuple[TargetRef, ...]:
    return tuple(TargetRef(kind="image", value=r.value, location=go_file.source.location(r.node), via=r.via)
                 for r in literals_reaching(node, index) if r.value != SELF)


def _image_targets(targets: tuple[TargetRef, ...], tokens: list[Token]) -> tuple[TargetRef, ...]:
    """docker_args names a constant image at its use; put it at the constant's literal instead."""
    by_location = {t.location: t for t in tokens if t.text is not None and t.candidates}
    out: list[TargetRef] = []
    for target in targets:
        token = by_location.get(target.location)
        out.extend(token.candidates if token is not None else (target,))
    return tuple(out)


def _short(source: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for env_text."""
    line = " ".join(source.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _env_assignments(scope: Node, command: str) -> list[tuple[Node, Node]]:
    out = []
    for node in syntax.walk(scope):
        if node.type == "assignment_statement":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if syntax.text(left) == f"{command}.Env" and right is not None and right.named_children:
                out.append((node, right.named_children[0]))
    return sorted(out, key=lambda pair: pair[0].start_byte)


def _environment(call: Node, scope: Node, index: PackageIndex) -> Built:
    names = flow.bound_names(call)
    assignments = _env_assignments(scope, names[0]) if names else []
    if not assignments:
        return Built((), True, "Env not assigned: inherits the launcher's environment")
    built: Built | None = None
    for statement, value in assignments:
        built = evaluate(value, scope, statement.start_byte, built, f"{names[0]}.Env",
                         flow.condition_of(statement, scope), index)
    assert built is not None
    how = "inherits the launcher's environment" if built.inherits else "closed: only these names"
    return Built(built.elements, built.inherits, f"Env = {_short(_env_form(assignments[-1][1]))}: {how}")


def _env_form(value: Node) -> str:
    """`[]string{...}` and `append(base, ...)` without their entries, which are listed as sets."""
    if value.type == "composite_literal":
        return f"{syntax.text(value.child_by_field_name('type'))}{{...}}"
    arguments = value.child_by_field_name("arguments") if value.type == "call_expression" else None
    if arguments is not None and syntax.text(value.child_by_field_name("function")) == "append" \
            and arguments.named_children:
        return f"append({syntax.text(arguments.named_children[0])}, ...)"
    return syntax.text(value)


def _env_sets(elements: tuple[Element, ...], go_file: GoFile, index: PackageIndex, scope: Node,
              function: str | None) -> tuple[EnvSet, ...]:
    sets = []
    for element in elements:
        for token in _entries(element, go_file, index, scope):
            if token.spread or (token.text is not None and "=" not in token.text):
                continue  # Go ignores an Env entry without "="; a spread is shown as the Env text
            sets.append(env_entry(token, function))
    return tuple(sets)


def _program_targets(program: Node, tokens: list[Token], go_file: GoFile, index: PackageIndex) -> tuple[TargetRef, ...]:
    reaching = literals_reaching(program, index)
    targets: list[TargetRef] = []
    for item in reaching:
        location = go_file.source.location(item.node)
        if item.value == SELF:
            targets.append(TargetRef(kind="self", value="", location=location, via=item.via))
        elif posixpath.basename(item.value).startswith("python"):
            targets.extend(_python_target(tokens))
        else:
            targets.append(TargetRef(kind="program", value=item.value, location=location, via=item.via))
    return tuple(targets)


def _python_target(tokens: list[Token]) -> list[TargetRef]:
    for position, token in enumerate(tokens):
        if token.text == "-m" and position + 1 < len(tokens) and tokens[position + 1].text:
            after = tokens[position + 1]
            return [TargetRef(kind="python-module", value=after.text or "", location=after.location, via="python -m")]
        if token.text and token.text.endswith(".py"):
            return [TargetRef(kind="python-script", value=token.text, location=token.location, via="python script")]
    return []


def find_launches(go_file: GoFile, index: PackageIndex, calls: list[dict[str, list[Node]]]) -> list[LaunchSite]:
    sites = []
    for captures in calls:
        method = syntax.text(captures["function"][0])
        if method not in ("Command", "CommandContext") or not go_file.is_package(syntax.text(captures["package"][0]), "os/exec"):
            continue
        call = captures["call"][0]
        arguments = [a for a in captures["arguments"][0].named_children if a.type != "comment"]
        arguments = arguments[1 if method == "CommandContext" else 0:]
        if not arguments:
            continue
        scope = enclosing_function(call) or go_file.root
        function = function_name(enclosing_function(call))
        elements = [e for a in arguments[1:] for e in argument_elements(a, None, scope, call.start_byte, index)]
        tokens = [t for e in elements for t in _entries(e, go_file, index, scope)]
        programs = {posixpath.basename(r.value) for r in literals_reaching(arguments[0], index)}
        location = go_file.source.location(call)
        if "docker" in programs:
            run = parse_docker_run(tokens, function)
            if run is not None:
                sites.append(run.site(location, "go", function,
                                      "docker run: the container gets only the names passed with -e/--env-file",
                                      _image_targets(run.targets, tokens)))
            continue
        env = _environment(call, scope, index)
        # `exec.Command(self, "serve")` and `exec.Command(self, "work")` run two programs of one binary: the
        # first word after the program (a sub-command, a script) tells launches of different programs apart.
        first = tokens[0].text if tokens and tokens[0].text and not tokens[0].text.startswith("-") else ""
        sites.append(
            LaunchSite(
                location=location,
                kind="exec",
                language="go",
                function=function,
                targets=_program_targets(arguments[0], tokens, go_file, index),
                sets=_env_sets(env.elements, go_file, index, scope, function),
                inherits=env.inherits,
                env_text=env.text,
                command=first or "",
            )
        )
    return sites
