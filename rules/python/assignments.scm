; Bindings and mutations of plain names, indexed per scope: constants, literal-tracking of locals,
; argv lists and env dicts that are built up before a launch.
(assignment left: (identifier) @name right: (_) @value) @assign
(augmented_assignment left: (identifier) @name right: (_) @value) @augment
(assignment
  left: (subscript value: (identifier) @name subscript: (_) @key)
  right: (_) @value) @item
(call
  function: (attribute
    object: (identifier) @name
    attribute: (identifier) @method
    (#any-of? @method "append" "extend" "insert" "update" "setdefault"))
  arguments: (argument_list) @args) @mutate
