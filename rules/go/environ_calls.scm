; `os.Environ()`: the extractor keeps the calls that look at every variable (ranged over, handed to a
; function other than append), not those that build a child's Env.
; anchors: "Environ"
(call_expression
  function: (selector_expression
    operand: (identifier) @package
    field: (field_identifier) @function
    (#eq? @function "Environ"))) @call
