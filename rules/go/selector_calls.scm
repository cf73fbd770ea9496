; Calls of a selector, `x.f(...)`: methods used as wrappers (any receiver), calls into other packages
; of the module (wrappers, env helpers), and the libraries read by name (viper, os.ExpandEnv).
; The extractor tells an imported package from a variable by the file's imports and local names.
(call_expression
  function: (selector_expression
    operand: (_) @operand
    field: (field_identifier) @function)
  arguments: (argument_list) @arguments) @call
