"""Guards inherited through calls: a function of the package that is only ever called (never passed as
a value) under the same guards gets them for all its reads, transitively, so
`if os.Getenv("ENABLE_TRACING") == "1" { initTracing() }` makes initTracing's requirements conditional.
An exported function of a package other than main can be called from elsewhere and inherits nothing.
The guards of one call are guards.guards_of's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from collections.abc import Iterator

from ...model import Guard, Read
from .. import syntax
from ..syntax import Node
from .commands import command_guards
from .guards import guards_of
from .index import GoFile, PackageIndex, call_matches, enclosing_function, function_names

Captures = dict[str, list[Node]]


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
                    calls = call_matches("local_calls", go_file)
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
    extra = inherited.get(read.function or "")
    if not extra:
        return read
    text = " && ".join(str(g) for g in extra)
    return replace(read, guards=tuple(dict.fromkeys(extra + read.guards)),
                   condition=f"{text} && {read.condition}" if read.condition else text)
