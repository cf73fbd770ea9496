"""What one Go package declares, across all its files: imports per file, constants, package variables,
functions. Names in reads and launches resolve against it ("a constant declared in the same package,
any file").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from .. import syntax
from ..syntax import Node, Source, parent_of
from . import gaps, lazy, strings
from .scope import Scopes, declared_names
from .toplevel import declarations, imports

if TYPE_CHECKING:
    from .light import LightSummary

@dataclass
class GoFile:
    source: Source
    tree_root: Node | None  # None while a light file's tree is dropped (lazy.py): `root` parses it again
    package: str
    imports: dict[str, str]  # local name -> import path
    import_paths: tuple[str, ...] = ()  # every import, blank and dot ones included, in source order
    error: Node | None = None  # the first syntax error that is no known grammar gap (gaps.py)
    queries: tuple[str, ...] = ()  # asked in one pass whenever the tree is parsed (syntax.prefetch)
    light: LightSummary | None = None  # a light file's summary, made before its tree is dropped
    # Called with the file when its dropped tree is parsed again (build_index: the names its functions
    # declare join the package's, as only then can a node of it be resolved).
    parsed_again: Callable[[GoFile], None] | None = None

    @property
    def root(self) -> Node:
        if self.tree_root is None:  # parsed again, and kept for the rest of the unit (lazy.py)
            tree, self.error = gaps.parse(self.source.data)
            self.tree_root = tree.root_node
            syntax.prefetch("go", self.tree_root, self.source.data, self.queries)
            if self.parsed_again is not None:
                self.parsed_again(self)
        return self.tree_root

    def drop_tree(self) -> None:
        """Forget the tree (a light file once summarised): the nodes the package keeps of it are handles."""
        if self.tree_root is not None:
            syntax.forget(self.tree_root)
        self.tree_root = self.error = None

    def root_once(self) -> Node:
        """The root for one walk: the tree, or a dropped one parsed again and not kept."""
        return self.tree_root if self.tree_root is not None else gaps.parse(self.source.data)[0].root_node

    def node(self, start: int, end: int, kind: str) -> Node:
        """The node a `lazy.Handle` records, from the tree parsed again when it was dropped."""
        found = lazy.find(self.root, start, end, kind)
        if found is None:  # cannot happen: handles are made only for nodes that find gives back
            raise LookupError(f"no {kind} at bytes {start}-{end} of {self.path}")
        return found

    @property
    def path(self) -> str:
        return self.source.path

    def is_package(self, local: str, path: str) -> bool:
        return self.imports.get(local) == path


@dataclass
class PackageIndex:
    files: list[GoFile]
    # A light file's entries hold no node of its dropped tree (lazy.py): constant_of, variable and
    # function answer with nodes all the same.
    consts: dict[str, Node | lazy.Detached] = field(default_factory=dict)  # name -> value expression
    const_files: dict[str, str] = field(default_factory=dict)  # name -> path of the file that declares it
    variables: dict[str, Node | lazy.Handle] = field(default_factory=dict)  # package-level var -> value expression
    functions: dict[str, Node | lazy.Handle] = field(default_factory=dict)

    scopes: Scopes = field(default_factory=Scopes)
    # Names holding another package's constant (extra.PendingName), met while extracting: for the resolver.
    pending: list = field(default_factory=list)
    # Every name a `const` declares at the top level with a value, or inside a function of a file whose
    # tree is there (a summarised light file's once its tree is parsed again): a name outside it is no
    # constant with a value, so constant_of answers without looking for a local declaration.
    const_names: set[str] = field(default_factory=set)
    # Every name the functions of those files declare (rules/go/local_names.scm): scopes.declared once
    # the index is built.
    local_names: set[str] = field(default_factory=set)
    _exported: dict[str, list[tuple[str, Node | lazy.Detached]]] | None = field(default=None, repr=False, compare=False)

    def constant_of(self, identifier: Node) -> Node | None:
        """The value node of the constant ``identifier`` names: a local const, else a package const,
        unless a local variable or parameter of the same name shadows it. A light file's constant is a
        `lazy.Detached` copy, enough for string evaluation (`constant_node` gives its node)."""
        if syntax.text(identifier) not in self.const_names:
            return None
        local = self.scopes.local(identifier)
        if local is not None:
            return local.value
        return self.consts.get(syntax.text(identifier))

    def constant_node(self, identifier: Node) -> Node | None:
        """`constant_of`, with a light file's constant found again in its tree."""
        value = self.constant_of(identifier)
        if isinstance(value, lazy.Detached) and value.file is not None:
            return value.file.node(value.start_byte, value.end_byte, value.type)
        return value

    def variable(self, name: str) -> Node | None:
        return _node(self.variables.get(name))

    def function(self, name: str) -> Node | None:
        return _node(self.functions.get(name))

    def exported_consts(self, path: str) -> list[tuple[str, Node | lazy.Detached]]:
        """(name, value) of the exported package constants that the file ``path`` declares (by file once
        per package: a scan of every constant per file was quadratic, 0.11 s on the 1x bench corpus)."""
        if self._exported is None:
            self._exported = {}
            for name, node in self.consts.items():
                if name[:1].isupper():
                    self._exported.setdefault(self.const_files[name], []).append((name, node))
        return self._exported.get(path, [])

    def add_local_names(self, go_file: GoFile) -> None:
        """Join the names the file's functions declare (and its local constants) to the package's."""
        for captures in syntax.matches("go", "local_names", go_file.root):
            names = [syntax.text(n) for n in declared_names(captures)]
            self.local_names.update(names)
            if captures["declaration"][0].type == "const_spec":
                self.const_names.update(names)

    def string(self, node: Node | None) -> str | None:
        """The static string value of an expression (literals, constants, `+`, known fmt.Sprintf)."""
        return strings.evaluate(node, self.constant_of)[0]

    def prefix(self, node: Node) -> str:
        """The literal start of a computed string: `"K=" + v` -> "K=", `fmt.Sprintf("K=%s", v)` -> "K="."""
        return strings.evaluate(node, self.constant_of)[1]


# The queries a package's files are asked, run in one pass per file (syntax.prefetch). structs.scm is
# not among them: struct types are looked up only in the rare packages that parse tags (struct_types).
# Nor are imports.scm and declarations.scm: the imports and the top-level declarations are read from the
# tree's top (toplevel.py), and only a tree with errors asks the queries, by cursors
# of their own (in the pass, the imports pattern cost a fifth of every walk).
WHOLE_QUERIES = ("package_calls", "local_calls", "selector_calls", "composites", "environ_calls", "local_names")
HEADER_QUERIES = ("environ_calls",)
# A light file's (light.py): none that walks its tree, most of a big package's bytes (on the 1x bench
# corpus, light files' parse 1.1 s and their passes for declarations, calls and local names 0.6 s).
# Its declarations are read from the tree's top, the names its functions declare only when its tree is
# kept or parsed again (build_index), its calls only when a guard asks for them (inherited.InheritedGuards).
# environ_calls is anchored on `Environ`, which no light file spells (prefilter.go_wanted): never run.
LIGHT_QUERIES = ("environ_calls",)
# A light file whose tree is kept (a package that parses struct tags, light.summarised): its local names
# now and its calls for the guards (package._extract), in the one pass.
KEPT_LIGHT_QUERIES = ("local_calls", "environ_calls", "local_names")


def _node(value: Node | lazy.Handle | None) -> Node | None:
    return value.node() if isinstance(value, lazy.Handle) else value


def read_file(path: str, data: bytes, queries: tuple[str, ...] = WHOLE_QUERIES) -> GoFile:
    """One file parsed (grammar gaps repaired), with its package clause and imports."""
    tree, error = gaps.parse(data)
    root = tree.root_node
    syntax.prefetch("go", root, data, queries)
    clause = next((c for c in root.named_children if c.type == "package_clause"), None)
    package = syntax.text(clause.named_children[0]) if clause is not None and clause.named_children else ""
    names, paths = imports(root)
    return GoFile(Source(path, data), root, package, names, paths, error, queries)


# Summarises a light file before its tree is dropped (light.summarise); False keeps the tree.
Summarise = Callable[[GoFile], bool]


def build_index(files: list[tuple[str, bytes]], light: frozenset[str] = frozenset(),
                summarise: Summarise | None = None) -> PackageIndex:
    """The package's index; the files in ``light`` are queried for LIGHT_QUERIES only and, given
    ``summarise``, parsed and summarised one at a time, their trees dropped (lazy.py)."""
    index = PackageIndex([])
    light_queries = LIGHT_QUERIES if summarise is not None else KEPT_LIGHT_QUERIES
    for path, data in files:
        go_file = read_file(path, data, light_queries if path in light else WHOLE_QUERIES)
        index.files.append(go_file)
        found = declarations(go_file.root)
        drop = path in light and summarise is not None and lazy.unedited(go_file.root, data) and \
            all(lazy.findable(go_file.root, node) for _, _, node in found) and summarise(go_file)
        # The names a function declares bind only uses inside it, which a dropped tree holds none of:
        # they join the package's when the tree is parsed again.
        if drop:
            go_file.parsed_again = index.add_local_names
        else:
            index.add_local_names(go_file)
        # In file order, the first declaration of a name wins (as the one pass over all files had it).
        for kind, name, node in found:
            if kind == "const":
                index.const_names.add(name)
                if name not in index.consts:
                    index.consts[name] = lazy.detach(node, go_file) if drop else node
                    index.const_files[name] = go_file.path
                continue
            table = index.functions if kind == "function" else index.variables
            if name not in table:
                table[name] = lazy.Handle(go_file, node.start_byte, node.end_byte, node.type) if drop else node
        if drop:
            go_file.drop_tree()
    index.scopes.declared = index.local_names  # the same set: a tree parsed again adds to it
    return index


def call_matches(query: str, go_file: GoFile) -> list[dict[str, list[Node]]]:
    """The matches of a call query (package_calls, local_calls, selector_calls) in the file, less those
    whose argument list did not parse."""
    return [c for c in syntax.matches("go", query, go_file.root) if not c["arguments"][0].has_error]


def function_names(root: Node) -> frozenset[str]:
    """The names of the functions a file declares at its top level (methods not included)."""
    return frozenset(syntax.text(d.child_by_field_name("name")) for d in root.named_children
                     if d.type == "function_declaration")


def enclosing_function(node: Node) -> Node | None:
    """The named function or method around ``node`` (closures belong to the function that holds them)."""
    current = parent_of(node)
    while current is not None:
        if current.type in ("function_declaration", "method_declaration"):
            return current
        current = parent_of(current)
    return None


def function_name(function: Node | None) -> str | None:
    if function is None:
        return None
    name = syntax.text(function.child_by_field_name("name"))
    if function.type == "method_declaration":
        receiver = function.child_by_field_name("receiver")
        types = [n for n in syntax.walk(receiver) if n.type == "type_identifier"] if receiver else []
        if types:
            return f"{syntax.text(types[0])}.{name}"
    return name


def parameters(function: Node) -> list[str]:
    """Parameter names in order (`func f(a, b string, c int)` -> [a, b, c])."""
    params = function.child_by_field_name("parameters")
    names = []
    for declaration in params.named_children if params is not None else ():
        names.extend(syntax.text(n) for n in declaration.children_by_field_name("name"))
    return names
