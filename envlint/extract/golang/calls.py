"""Selector calls `x.f(...)` of one file: method wrappers (`cfg.get("X")`), os.ExpandEnv, env helpers
of other packages, and the calls into other packages that the resolver may find to be our wrappers;
and the file's `GoExtra` record for the resolver.
"""

from __future__ import annotations

from ...model import LaunchSite, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .extra import Arg, GoExtra, PendingCall, PendingName, WrapperSpec, name_parts
from .helpers import expand_reads, helper_read
from .index import GoFile, PackageIndex, enclosing_function, function_name
from .wrappers import Wrapper, wrapper_read

Captures = dict[str, list[Node]]


def _package_of(go_file: GoFile, operand: Node, index: PackageIndex) -> str | None:
    """The import path when ``operand`` names an imported package (not a local variable)."""
    if operand.type != "identifier":
        return None
    path = go_file.imports.get(syntax.text(operand))
    return path if path is not None and index.scopes.local(operand) is None else None


def selector_reads(go_file: GoFile, index: PackageIndex, calls: list[Captures],
                   wrappers: dict[str, Wrapper]) -> tuple[Read, ...]:
    out: list[Read] = []
    for captures in calls:
        call, operand = captures["call"][0], captures["operand"][0]
        method = syntax.text(captures["function"][0])
        package = _package_of(go_file, operand, index)
        if package is None:
            wrapper = wrappers.get("." + method)
            read = wrapper_read(go_file, call, wrapper, index) if wrapper is not None else None
            out.extend([read] if read is not None else [])
            continue
        out.extend(expand_reads(go_file, index, package, method, call))
        helper = helper_read(go_file, index, package, syntax.text(operand), method, call)
        out.extend([helper] if helper is not None else [])
    return tuple(out)


# The first elements of Go's standard library import paths (and cgo's "C"). The resolver completes a
# call only into a package of one of the repository's go.mod modules, and no module can be imported
# under these (the standard library's packages win), so a call into them is never recorded: they are
# most of a package's calls (fmt, errors, strings), and each would cost its arguments' evaluation.
_STANDARD = frozenset((
    "C archive bufio builtin bytes cmp compress container context crypto database debug embed encoding "
    "errors expvar flag fmt go hash html image index internal io iter log maps math mime net os path "
    "plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing text time "
    "unicode unique unsafe weak").split())


def standard_library(path: str) -> bool:
    return path.split("/", 1)[0] in _STANDARD


def _pending_calls(go_file: GoFile, index: PackageIndex, calls: list[Captures]) -> list[PendingCall]:
    """Calls into imported packages with an argument that may be a name (literal or `pkg.Const`): any
    argument, not only the first, as a wrapper may take a context first (`env.DurationOr(ctx, "X", d)`)."""
    out = []
    for captures in calls:
        operand = captures["operand"][0]
        if operand.type != "identifier" or standard_library(go_file.imports.get(syntax.text(operand)) or "os"):
            continue  # no import of that name, or the standard library: never one of our wrappers
        package = _package_of(go_file, operand, index)
        arguments = [a for a in captures["arguments"][0].named_children if a.type != "comment"]
        if package is None or not arguments:
            continue
        args = tuple(Arg(name_parts(a, go_file, index), syntax.text(a)) for a in arguments)
        if not any(_may_name(a) for a in args):
            continue
        call = captures["call"][0]
        function = enclosing_function(call)
        out.append(PendingCall(go_file.source.location(call), package, syntax.text(captures["function"][0]), args,
                               function_name(function), flow.condition_of(call, function)))
    return out


def _may_name(arg: Arg) -> bool:
    return all(p.text is not None or p.package for p in arg.parts)


def _in_file(node: Node, go_file: GoFile) -> bool:
    """Whether ``node`` is of the file's tree; never of a dropped one (a light file's, lazy.py): the
    nodes kept are of kept trees, and a tree parsed again is the file's tree from then on."""
    current = node
    while current.parent is not None:
        current = current.parent
    return go_file.tree_root is not None and current == go_file.tree_root


def package_extra(go_file: GoFile, index: PackageIndex, calls: list[Captures], wrappers: dict[str, Wrapper],
                  sites: tuple[LaunchSite, ...]) -> GoExtra:
    constants = tuple(sorted((name, value) for name, node in index.exported_consts(go_file.path)
                             if (value := index.string(node)) is not None))
    specs = tuple(WrapperSpec(w.name, w.key, w.fallback, w.default, w.required) for w in wrappers.values()
                  if w.name[:1].isupper() and w.node is not None and w.node.type == "function_declaration"
                  and _in_file(w.node, go_file))
    docker_sets = {s.location for site in sites if site.kind == "docker-run" for s in site.sets}
    names: dict[PendingName, None] = {}
    for pending in index.pending:
        if pending.location.path == go_file.path:
            names[PendingName(pending.location, pending.parts, pending.kind,
                              pending.kind == "set" and pending.location in docker_sets)] = None
    return GoExtra(constants, specs, tuple(names), tuple(_pending_calls(go_file, index, calls)))
