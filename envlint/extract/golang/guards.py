"""Guards: tests of a variable's value around a read, as structured `Guard`s that a check can evaluate
against what a launch site sets.

Directly: a read inside `if os.Getenv("V") == "1" {` (also `!=`, a literal or constant on either side,
a local `v := os.Getenv("V")` tested instead, `&&` of such tests, the `else` of a single test, and a
`switch os.Getenv("V")` case of one value). Through calls: a function of the package that is only ever
called (never passed as a value) under the same guards gets them for all its reads, transitively, so
`if os.Getenv("ENABLE_TRACING") == "1" { initTracing() }` makes initTracing's requirements conditional.
An exported function of a package other than main can be called from elsewhere and inherits nothing.
Tests envlint cannot read (`cfg.Tracing`, `strings.EqualFold(...)`) are no guards: the read then counts
as unconditional, as before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from ...model import FIRST_ARGUMENT, Guard, Read
from .. import syntax
from ..syntax import Node, parent_of
from . import flow
from .commands import command_guards
from .index import GoFile, PackageIndex, enclosing_function, function_names

Captures = dict[str, list[Node]]


def guards_of(node: Node, stop: Node | None, go_file: GoFile, index: PackageIndex) -> tuple[Guard, ...]:
    """The guards of the `if`s and `case`s around ``node`` inside the function ``stop``."""
    found: list[Guard] = []
    child, current = node, parent_of(node)
    while current is not None and current != stop:
        if current.type == "func_literal" and current.id in command_guards(index).literals:
            found.append(command_guards(index).literals[current.id])  # `RunE: func(...) error {`
        if current.type == "if_statement":
            tests = _conjunction(current.child_by_field_name("condition"), stop, go_file, index)
            if child == current.child_by_field_name("consequence"):
                found.extend(t for t in tests if t is not None)
            elif child == current.child_by_field_name("alternative") and len(tests) == 1 and tests[0] is not None:
                found.append(tests[0].negated())
        elif current.type == "expression_case":
            switch = parent_of(current)
            variable = _variable(switch.child_by_field_name("value"), stop, go_file, index) if switch else None
            values = current.child_by_field_name("value")
            cases = [v for v in values.named_children if v.type != "comment"] if values is not None else []
            value = index.string(cases[0]) if len(cases) == 1 else None
            if variable is not None and value is not None:
                found.append(Guard(variable=variable, operator="==", value=value))
        child, current = current, parent_of(current)
    return tuple(dict.fromkeys(reversed(found)))


def _conjunction(condition: Node | None, stop: Node | None, go_file: GoFile, index: PackageIndex) -> list[Guard | None]:
    """One entry per `&&` operand: its guard, or None when it is some other test."""
    condition = _unparen(condition)
    if condition is None:
        return []
    if condition.type == "binary_expression" and _operator(condition) == "&&":
        return (_conjunction(condition.child_by_field_name("left"), stop, go_file, index)
                + _conjunction(condition.child_by_field_name("right"), stop, go_file, index))
    if condition.type == "binary_expression" and _operator(condition) in ("==", "!="):
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        for env_side, literal_side in ((left, right), (right, left)):
            variable = _variable(env_side, stop, go_file, index)
            value = index.string(literal_side) if variable is not None else None
            if variable is not None and value is not None:
                return [Guard(variable=variable, operator=_operator(condition), value=value)]  # type: ignore[arg-type]
    return [None]


def _variable(node: Node | None, stop: Node | None, go_file: GoFile, index: PackageIndex) -> str | None:
    """The variable whose value ``node`` is: `os.Getenv("V")`, or a local only ever assigned that; or the
    program's first argument (`os.Args[1]`, `flag.Arg(0)`: the sub-command of `switch os.Args[1]`)."""
    node = _unparen(node)
    if node is None:
        return None
    if _first_argument(node, go_file):
        return FIRST_ARGUMENT
    if node.type == "identifier" and stop is not None:
        if not _may_assign_variable(stop):
            return None
        assigned = list(flow.assignments_to(stop, syntax.text(node), before=node.start_byte))
        return _variable(assigned[0][1], None, go_file, index) if len(assigned) == 1 else None
    if node.type != "call_expression":
        return None
    function = node.child_by_field_name("function")
    arguments = [a for a in node.child_by_field_name("arguments").named_children if a.type != "comment"]
    if function is None or function.type != "selector_expression" or len(arguments) != 1:
        return None
    package = function.child_by_field_name("operand")
    if syntax.text(function.child_by_field_name("field")) != "Getenv" or package is None \
            or not (go_file.is_package(syntax.text(package), "os") or go_file.is_package(syntax.text(package), "syscall")):
        return None
    return index.string(arguments[0])


_ANCHORED = syntax.tree_cache()  # function node -> whether its text holds "Getenv" or "Arg"


def _may_assign_variable(function: Node) -> bool:
    """Whether a local of ``function`` can hold what _variable names: only `os.Getenv(...)`, `os.Args[1]`
    or `flag.Arg(0)` can, and a function whose text spells none of them is not walked for assignments."""
    found = _ANCHORED.get(function)
    if found is None:
        data = function.text or b""
        found = _ANCHORED[function] = b"Getenv" in data or b"Arg" in data
    return found


def _first_argument(node: Node, go_file: GoFile) -> bool:
    """`os.Args[1]` or `flag.Arg(0)`: the word after the program's name on its command line."""
    if node.type == "index_expression":
        operand, at = node.child_by_field_name("operand"), node.child_by_field_name("index")
        if operand is None or at is None or operand.type != "selector_expression" or syntax.text(at) != "1":
            return False
        package = operand.child_by_field_name("operand")
        return (package is not None and go_file.is_package(syntax.text(package), "os")
                and syntax.text(operand.child_by_field_name("field")) == "Args")
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or function.type != "selector_expression" or arguments is None:
            return False
        package = function.child_by_field_name("operand")
        return (package is not None and go_file.is_package(syntax.text(package), "flag")
                and syntax.text(function.child_by_field_name("field")) == "Arg"
                and [syntax.text(a) for a in arguments.named_children] == ["0"])
    return False


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return syntax.text(operator) if operator is not None else ""


def _unparen(node: Node | None) -> Node | None:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


class InheritedGuards:
    """Function name -> the guards around every call of it (and of its callers), asked per function
    that holds a read: a big package has tens of thousands of calls, and only the chains above its few
    reads are looked at (each call's own guards, then the references count, only when needed).

    A function inherits nothing when it is exported from a library package, called nowhere, named
    somewhere else than its declaration and its calls (passed as a value), or met again while its
    callers are followed (recursion)."""

    def __init__(self, index: PackageIndex, local_calls: dict[str, list[Captures]]) -> None:
        self.index = index
        self._local_calls = local_calls
        # A summarised light file (light.py) gives its functions as data.
        self.functions = {name for f in index.files
                          for name in (f.light.functions if f.light is not None else function_names(f.root))}
        # Path -> name -> its calls in the file, in source order: a file whose tree is kept now, a
        # summarised light file's when a name it may spell is first asked (its tree parsed again).
        self._by_file: dict[str, dict[str, list[Node]]] = {
            f.path: self._file_calls(f, local_calls[f.path]) for f in index.files if f.light is None}
        self._calls: dict[str, list[tuple[GoFile, list[Node]]]] = {}  # name -> its calls by file, once asked
        # The handlers of top-level commands (`RunE: runServe`) run only under their command's guard.
        self.seeds = {name: (guard,) for name, guard in command_guards(index).functions.items() if name in self.functions}
        self._direct: dict[int, tuple[Guard, ...]] = {}
        self._uses: Counter[str] | None = None
        self._memo: dict[str, tuple[Guard, ...]] = {}

    def _file_calls(self, go_file: GoFile, local_calls: list[Captures]) -> dict[str, list[Node]]:
        """The file's calls of the package's functions that only the package can call, by name."""
        found: dict[str, list[Node]] = defaultdict(list)
        for captures in local_calls:
            name = syntax.text(captures["function"][0])
            if name in self.functions and private(name, go_file):
                found[name].append(captures["call"][0])
        return found

    def calls(self, name: str) -> list[tuple[GoFile, list[Node]]]:
        """The calls of ``name``, by file in file order. A summarised light file is asked only when it
        may name ``name`` (LightSummary.may_name): its tree is then parsed again, and all its calls taken."""
        found = self._calls.get(name)
        if found is not None:
            return found
        found = self._calls[name] = []
        if name not in self.functions:
            return found
        for go_file in self.index.files:
            by_name = self._by_file.get(go_file.path)
            if by_name is None:
                if go_file.light is None or not private(name, go_file) or not go_file.light.may_name(name):
                    continue
                calls = self._local_calls.get(go_file.path)  # asked already if it spells a wrapper's name
                if calls is None:
                    calls = [c for c in syntax.matches("go", "local_calls", go_file.root)
                             if not c["arguments"][0].has_error]  # as package._calls
                by_name = self._by_file[go_file.path] = self._file_calls(go_file, calls)
            if by_name.get(name):
                found.append((go_file, by_name[name]))
        return found

    def get(self, name: str) -> tuple[Guard, ...]:
        return self._resolve(name, frozenset())

    def _direct_of(self, call: Node, go_file: GoFile) -> tuple[Guard, ...]:
        found = self._direct.get(call.id)
        if found is None:
            found = self._direct[call.id] = guards_of(call, enclosing_function(call), go_file, self.index)
        return found

    def _used_only_where_called(self, name: str) -> bool:
        if self._uses is None:  # every identifier of the package, once: the functions' names counted
            self._uses = Counter(syntax.text(n) for f in self.index.files for n in syntax.walk(f.root_once())
                                 if n.type == "identifier" and syntax.text(n) in self.functions)
        count = sum(len(sites) for _, sites in self.calls(name))
        return self._uses[name] == count + 1

    def _sites(self, name: str) -> Iterator[tuple[Node, GoFile]]:
        """The calls of ``name`` in order."""
        for go_file, sites in self.calls(name):
            yield from ((call, go_file) for call in sites)

    def _resolve(self, name: str, stack: frozenset[str]) -> tuple[Guard, ...]:
        if name in self.seeds:
            return self.seeds[name]
        if name in self._memo:
            return self._memo[name]
        if name in stack or not self.calls(name):
            return ()
        common: tuple[Guard, ...] | None = None
        for call, go_file in self._sites(name):
            caller = enclosing_function(call)
            above: tuple[Guard, ...] = ()
            if caller is not None and caller.type == "function_declaration":
                above = self._resolve(syntax.text(caller.child_by_field_name("name")), stack | {name})
            these = above + self._direct_of(call, go_file)
            common = these if common is None else tuple(g for g in common if g in these)
            if not common:
                break  # nothing in common already: no later call can add a guard
        # Checked last: counting references walks the whole package, worth it only for a guarded name.
        self._memo[name] = common if common and self._used_only_where_called(name) else ()
        return self._memo[name]


def private(name: str, go_file: GoFile) -> bool:
    """Only the package can call it: unexported, or any function of package main (not main/init)."""
    return name not in ("main", "init") and (go_file.package == "main" or not name[:1].isupper())


def with_inherited(read: Read, inherited: InheritedGuards) -> Read:
    """The read with the guards of its function's calls before its own, and their text in its condition."""
    from dataclasses import replace

    extra = inherited.get(read.function or "")
    if not extra:
        return read
    text = " && ".join(str(g) for g in extra)
    return replace(read, guards=tuple(dict.fromkeys(extra + read.guards)),
                   condition=f"{text} && {read.condition}" if read.condition else text)
