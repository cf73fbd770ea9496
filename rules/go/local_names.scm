; Names a function declares itself. A local name shadows a package constant of the same name in the
; block that declares it; a local constant (`const k = "X"` inside a function) resolves to its value.
(parameter_declaration name: (identifier) @name) @declaration
(variadic_parameter_declaration name: (identifier) @name) @declaration
(short_var_declaration left: (expression_list (identifier) @name)) @declaration
(var_spec name: (identifier) @name) @declaration
(range_clause left: (expression_list (identifier) @name)) @declaration
(const_spec name: (identifier) @name) @declaration
