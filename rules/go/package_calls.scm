; Calls of the package functions envlint knows: pkg.Getenv(...), exec.Command(...), os.Setenv(...).
; The extractor checks that `pkg` is the import it should be (aliases included).
; anchors: "Getenv" "LookupEnv" "Setenv" "Command"
(call_expression
  function: (selector_expression
    operand: (identifier) @package
    field: (field_identifier) @function
    (#any-of? @function "Getenv" "LookupEnv" "Setenv" "Command" "CommandContext"))
  arguments: (argument_list) @arguments) @call
