"""What one Go package declares, across all its files: imports per file, constants, package variables,
functions. Names in reads and launches resolve against it ("a constant declared in the same package,
any file").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import syntax
from ..syntax import Node, Source

# Go's escapes that matter in environment names and values; anything rarer keeps its source text.
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'"}

FUNCTION_TYPES = ("function_declaration", "method_declaration", "func_literal")


def string_literal(node: Node) -> str | None:
    if node.type == "raw_string_literal":
        return syntax.text(node)[1:-1]
    if node.type != "interpreted_string_literal":
        return None
    body = syntax.text(node)[1:-1]
    if "\\" not in body:
        return body
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body) and body[i + 1] in _ESCAPES:
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


@dataclass
class GoFile:
    source: Source
    root: Node
    package: str
    imports: dict[str, str]  # local name -> import path
    has_error: bool = False

    @property
    def path(self) -> str:
        return self.source.path

    def is_package(self, local: str, path: str) -> bool:
        return self.imports.get(local) == path


def _imports(root: Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for captures in syntax.matches("go", "imports", root):
        path = string_literal(captures["path"][0]) or ""
        alias = captures.get("alias")
        local = syntax.text(alias[0]) if alias else path.rsplit("/", 1)[-1]
        if local not in ("_", "."):
            found[local] = path
    return found


@dataclass
class PackageIndex:
    files: list[GoFile]
    consts: dict[str, Node] = field(default_factory=dict)  # name -> value expression
    variables: dict[str, Node] = field(default_factory=dict)  # package-level var -> value expression
    functions: dict[str, Node] = field(default_factory=dict)

    def string(self, node: Node | None, _depth: int = 0) -> str | None:
        """The compile-time string value of an expression: literals, constants and `+` of those."""
        if node is None or _depth > 20:
            return None
        if node.type in ("interpreted_string_literal", "raw_string_literal"):
            return string_literal(node)
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self.string(node.named_children[0], _depth + 1)
        if node.type == "identifier" and syntax.text(node) in self.consts:
            return self.string(self.consts[syntax.text(node)], _depth + 1)
        if node.type == "binary_expression" and syntax.text(node.child_by_field_name("operator")) == "+":
            left = self.string(node.child_by_field_name("left"), _depth + 1)
            right = self.string(node.child_by_field_name("right"), _depth + 1)
            if left is not None and right is not None:
                return left + right
        return None

    def prefix(self, node: Node) -> str:
        """The literal start of a computed string: `"K=" + v` -> "K=", `fmt.Sprintf("K=%s", v)` -> "K="."""
        if node.type == "binary_expression" and syntax.text(node.child_by_field_name("operator")) == "+":
            left = node.child_by_field_name("left")
            value = self.string(left)
            return value if value is not None else self.prefix(left)
        format_node = sprintf_format(node)
        if format_node is not None:
            value = self.string(format_node) or ""
            return value.split("%", 1)[0]
        return ""


def sprintf_format(node: Node) -> Node | None:
    """The format argument of `fmt.Sprintf(format, ...)`, else None."""
    if node.type != "call_expression":
        return None
    function = node.child_by_field_name("function")
    if function is None or function.type != "selector_expression" or syntax.text(function) != "fmt.Sprintf":
        return None
    arguments = node.child_by_field_name("arguments")
    return arguments.named_children[0] if arguments is not None and arguments.named_children else None


def build_index(files: list[tuple[str, bytes]]) -> PackageIndex:
    parsed = []
    for path, data in files:
        tree = syntax.parse("go", data)
        root = tree.root_node
        clause = next((c for c in root.named_children if c.type == "package_clause"), None)
        package = syntax.text(clause.named_children[0]) if clause is not None and clause.named_children else ""
        parsed.append(GoFile(Source(path, data), root, package, _imports(root), root.has_error))
    index = PackageIndex(parsed)
    for go_file in parsed:
        for captures in syntax.matches("go", "declarations", go_file.root):
            name = syntax.text(captures["name"][0])
            if "function" in captures:
                index.functions.setdefault(name, captures["function"][0])
                continue
            values = captures["value"][0].named_children
            names = [syntax.text(n) for n in (captures.get("const") or captures["var"])[0].children_by_field_name("name")]
            target = index.consts if "const" in captures else index.variables
            for position, each in enumerate(names):
                if position < len(values):
                    target.setdefault(each, values[position])
    return index


def enclosing_function(node: Node) -> Node | None:
    """The named function or method around ``node`` (closures belong to the function that holds them)."""
    current = node.parent
    while current is not None:
        if current.type in ("function_declaration", "method_declaration"):
            return current
        current = current.parent
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
