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
from .helm_output import Origin, Output, Piece, Rendered, finish
from .helm_template import Block, Expr, Template, Text
from .helm_values import UNKNOWN, sequence_items, truthy

PLACEHOLDER = "ENVLINT_UNRENDERED_{}_"
PLACEHOLDER_PATTERN = re.compile(r"ENVLINT_UNRENDERED_(\d+)_")
_STRUCTURAL = re.compile(r"\b(toYaml|toJson|include|template|indent|nindent|tpl)\b")
_RANGE_VARS = re.compile(r"^\s*(\$\w*)\s*(?:,\s*(\$\w*)\s*)?:=\s*(.*)$", re.DOTALL)
_ASSIGN = re.compile(r"^\s*(\$\w+)\s*:?=\s*(.*)$", re.DOTALL)
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
        assign = _ASSIGN.match(node.source)
        if assign:
            variables[assign.group(1)] = self.evaluator.pipeline(assign.group(2), dot, variables, origin)
            return
        value = self.evaluator.pipeline(node.source, dot, variables, origin)
        if isinstance(value, Piece):
            out.place(value)
            return
        text = self.evaluator.text(value)
        if text is not None:
            out.write(text, origin, advance=False)
        elif _STRUCTURAL.search(node.source):
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
            chosen = self._inline_choice(template, node, dot, variables, conditions, origin)
            if chosen is not None:
                self._nodes(template, chosen, out, dot, dict(variables), conditions)
                return
            for body, condition in branches:
                self._nodes(template, body, out, dot, dict(variables), conditions + (condition,))
            return
        if node.keyword == "with":
            value = self.evaluator.pipeline(node.source, dot, variables, origin)
            if truthy(value):
                self._nodes(template, node.body, out, value, dict(variables), conditions)
            else:
                self._nodes(template, node.otherwise, out, dot, dict(variables), conditions)
            return
        self._range(template, node, out, dot, variables, conditions, origin)

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
