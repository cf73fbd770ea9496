; Calls of functions of the same package by plain name: candidates for wrapper calls, getEnv("X", "d").
(call_expression function: (identifier) @function arguments: (argument_list) @arguments) @call
