; Package-level constants and variables: the values names resolve to from any file of the package.
; (Constants declared inside a function are local: scope.py resolves them through local_names.scm.)
(source_file (const_declaration (const_spec name: (identifier) @name value: (expression_list) @value) @const))
(source_file (var_declaration (var_spec name: (identifier) @name value: (expression_list) @value) @var))
(source_file (var_declaration (var_spec_list (var_spec name: (identifier) @name value: (expression_list) @value) @var)))
; Functions: wrappers of os.Getenv, helpers that return a program's path.
(function_declaration name: (identifier) @name) @function
