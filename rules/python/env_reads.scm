; Candidate reads; the Python side resolves aliases (`import os as o`, `from os import getenv as g`).
; getenv("X") / g("X"): any bare-name call, since the alias can be any name.
; Asked only of files that import os.
; A candidate is a read only if it resolves to os.getenv or os.environ, which the file must spell.
; anchors: "environ" "getenv"
(call function: (identifier) @func arguments: (argument_list) @args) @call
; os.getenv("X"), os.environ.get("X"), environ.setdefault("X", "d")
(call
  function: (attribute attribute: (identifier) @method
    (#any-of? @method "getenv" "get" "setdefault")) @func
  arguments: (argument_list) @args) @call
; os.environ["X"] / environ["X"]
(subscript value: [(identifier) (attribute)] @environ subscript: (_) @key) @subscript
; "X" in os.environ / "X" not in environ
(comparison_operator (_) @key ["in" "not in"] @op (_) @environ) @compare
