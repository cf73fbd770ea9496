; Constants (package level or local) and package-level variables: the values names resolve to.
(const_spec name: (identifier) @name value: (expression_list) @value) @const
(source_file (var_declaration (var_spec name: (identifier) @name value: (expression_list) @value) @var))
(source_file (var_declaration (var_spec_list (var_spec name: (identifier) @name value: (expression_list) @value) @var)))
; Functions: wrappers of os.Getenv, helpers that return a program's path.
(function_declaration name: (identifier) @name) @function
