"""Render a Helm template textually, without Helm: the actions Helm charts use for environments.

`if`/`else` are not decided: both branches are rendered and what they produce carries the condition's
text (values can change at install time). `with` and `range` are evaluated against values.yaml, as
`helm template` does with default values. `include`/`template` expand the chart's `define` blocks,
`toYaml`/`indent`/`nindent` place values as YAML, and a value envlint cannot know is a placeholder
(inline) or a note (where it would have produced whole lines), which `helm.py` turns into an unknown
value or an open site.
"""

from __future__ import annotations

import itertools
import re

from .helm_exprs import Evaluator
from .helm_output import Origin, Output, Piece, Rendered, Segment, finish
from .helm_template import Block, Expr, Template, Text
from .helm_values import UNKNOWN, ValuesKey, sequence_items, truthy

PLACEHOLDER = "ENVLINT_UNRENDERED_{}_"
PLACEHOLDER_PATTERN = re.compile(r"ENVLINT_UNRENDERED_(\d+)_")
_STRUCTURAL = re.compile(r"\b(toYaml|toJson|include|template|indent|nindent|tpl)\b")
_RANGE_VARS = re.compile(r"^\s*(\$\w*)\s*(?:,\s*(\$\w*)\s*)?:=\s*(.*)$", re.DOTALL)
_ASSIGN = re.compile(r"^\s*(\$\w+)\s*:?=\s*(.*)$", re.DOTALL)
# `fail` aborts the whole render: Helm charts call it in the branch of a wrong configuration.
_FAIL = re.compile(r"^\s*fail\b")
# A test of a value's kind decides between branches written for different shapes of one value.
_TYPE_TEST = re.compile(r"\b(kindIs|typeIs)\b")
MAX_DEPTH = 20  # includes nest a few levels in real charts; deeper is recursion
MAX_STEPS = 50_000  # nested `if`s are tried twice each; a hostile template must not take forever


class RenderLimit(Exception):
    """The template needs more work than any real chart does."""


class Renderer:
    def __init__(self, defines: dict[str, tuple[Template, list]], root: dict[str, object], values_path: str) -> None:
        self.defines = defines
        self.root = root
        self.placeholders: list[str] = []
        self._ids = itertools.count(1)
        self._depth = 0
        self._budget = MAX_STEPS
        self.evaluator = Evaluator(root, self._include, values_path)

    def render(self, template: Template) -> Rendered:
        out = Output()
        self._budget = MAX_STEPS
        self._nodes(template, template.nodes, out, self.root, {"$": self.root}, ())
        return finish(out)

    def _origin(self, template: Template, offset: int, conditions: tuple) -> Origin:
        line, column = template.position(offset)
        return Origin(template.path, line, column, conditions)

    def _include(self, name: str, dot: object, origin: Origin) -> object:
        if name not in self.defines or self._depth >= MAX_DEPTH:
            return UNKNOWN
        template, nodes = self.defines[name]
        out = Output()
        self._depth += 1
        try:
            self._nodes(template, nodes, out, dot, {"$": self.root}, origin.conditions)
        finally:
            self._depth -= 1
        # What an include produces counts too: a define that includes itself twice doubles per level.
        self._spend(sum(len(line) + 1 for line in out.lines))
        return out.piece()

    def _spend(self, steps: int) -> None:
        self._budget -= steps
        if self._budget < 0:
            raise RenderLimit("the template needs too much work to render")

    def _nodes(self, template: Template, nodes: list, out: Output, dot: object, variables: dict[str, object],
               conditions: tuple) -> None:
        self._spend(len(nodes))
        for node in nodes:
            if isinstance(node, Text):
                out.write(node.text, self._origin(template, node.offset, conditions))
            elif isinstance(node, Expr):
                self._expr(template, node, out, dot, variables, conditions)
            elif isinstance(node, Block):
                self._block(template, node, out, dot, variables, conditions)

    def _expr(self, template: Template, node: Expr, out: Output, dot: object, variables: dict[str, object],
              conditions: tuple) -> None:
        origin = self._origin(template, node.offset, conditions)
        if _FAIL.match(node.source):
            return  # a render that reaches `fail` produces no manifest; nothing of it is a fact
        assign = _ASSIGN.match(node.source)
        if assign:
            variables[assign.group(1)] = self.evaluator.pipeline(assign.group(2), dot, variables, origin)
            return
        value = self.evaluator.pipeline(node.source, dot, variables, origin)
        if isinstance(value, Piece):
            out.place(value)
            return
        text = self.evaluator.text(value)
        if isinstance(value, ValuesKey) and self.evaluator.values_path:
            origin = Origin(self.evaluator.values_path, value.line, value.column, origin.conditions)
        if text is not None:
            out.write(text, origin, advance=False)
        elif _STRUCTURAL.search(node.source) and not _in_quotes(out):
            out.mark(node.source, origin)  # whole lines are missing here: what they hold is unknown
        else:
            self.placeholders.append(node.source)
            out.write(PLACEHOLDER.format(len(self.placeholders) - 1), origin)

    def _block(self, template: Template, node: Block, out: Output, dot: object, variables: dict[str, object],
               conditions: tuple) -> None:
        origin = self._origin(template, node.offset, conditions)
        if node.keyword == "if":
            branches = [(node.body, (next(self._ids), node.source))]
            if node.otherwise:
                branches.append((node.otherwise, (next(self._ids), f"not ({node.source})")))
            chosen = self._type_choice(node, dot, variables, origin)
            if chosen is None:
                chosen = self._inline_choice(template, node, dot, variables, conditions, origin)
            if chosen is not None:
                self._nodes(template, chosen, out, dot, dict(variables), conditions)
                return
            # A branch that calls `fail` never renders: Helm stops there.
            branches = [(body, c) for body, c in branches if not any(_fails(n) for n in body)]
            indentation = "".join(s.text for s in out.lines[-1])
            indentation = indentation if not indentation.strip() else ""
            for number, (body, condition) in enumerate(branches):
                branch = Output()
                self._nodes(template, body, branch, dot, dict(variables), conditions + (condition,))
                if number and _has_text(out.lines[-1]) and _has_text(branch.lines[0]):
                    # `{{- else -}}` trims the newlines on both sides: Helm renders one branch, so the
                    # two never meet; rendered together, the second starts a line where the `if` did.
                    out.lines.append([Segment(indentation, origin)] if indentation else [])
                out.place(branch.piece())
            return
        if node.keyword == "with":
            value = self.evaluator.pipeline(node.source, dot, variables, origin)
            if truthy(value):
                self._nodes(template, node.body, out, value, dict(variables), conditions)
            else:
                self._nodes(template, node.otherwise, out, dot, dict(variables), conditions)
            return
        self._range(template, node, out, dot, variables, conditions, origin)

    def _type_choice(self, node: Block, dot: object, variables: dict[str, object], origin: Origin) -> list | None:
        """`if kindIs "map" $v`: the branches render different shapes of one value, and only the one
        written for the kind values.yaml gives renders it (the other would put a scalar where a
        mapping goes). Decided when the kind is known; any other condition is not."""
        if not _TYPE_TEST.search(node.source):
            return None
        decided = self.evaluator.pipeline(node.source, dot, variables, origin)
        if not isinstance(decided, bool):
            return None
        return node.body if decided else node.otherwise

    def _inline_choice(self, template: Template, node: Block, dot: object, variables: dict[str, object],
                       conditions: tuple, origin: Origin) -> list | None:
        """An `if` inside one line (a name, a label: `fullname` helpers) is decided from values.yaml,
        as rendering both branches would glue them into one wrong word. An `if` around whole lines is
        not decided: its lines carry the condition instead."""
        for body in (node.body, node.otherwise):
            trial = Output()
            self._nodes(template, body, trial, dot, dict(variables), conditions)
            if len(trial.lines) > 1:
                return None
        decided = self.evaluator.pipeline(node.source, dot, variables, origin)
        return node.body if decided is UNKNOWN or truthy(decided) else node.otherwise

    def _range(self, template: Template, node: Block, out: Output, dot: object, variables: dict[str, object],
               conditions: tuple, origin: Origin) -> None:
        match = _RANGE_VARS.match(node.source)
        key_var, value_var, source = match.groups() if match else (None, None, node.source)
        if match and value_var is None:  # `range $v := list` binds the element, not the index
            key_var, value_var = None, key_var
        elements = sequence_items(self.evaluator.pipeline(source, dot, variables, origin))
        if not elements:
            self._nodes(template, node.otherwise, out, dot, dict(variables), conditions)
            return
        for key, element in elements:
            scope = dict(variables)
            if key_var:
                scope[key_var] = key
            if value_var:
                scope[value_var] = element
            self._nodes(template, node.body, out, element, scope, conditions)


def _in_quotes(out: Output) -> bool:
    """The line so far opens a double-quoted scalar (`value: "{{ template "x" . }}"`): whatever the
    action gives stays inside that one value, so it cannot be whole lines of names."""
    line = "".join(segment.text for segment in out.lines[-1]) if out.lines else ""
    return line.replace('\\"', "").count('"') % 2 == 1


def _fails(node: object) -> bool:
    return isinstance(node, Expr) and bool(_FAIL.match(node.source))


def _has_text(line: list[Segment]) -> bool:
    return any(segment.text.strip() for segment in line)
