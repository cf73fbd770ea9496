; Candidate changes of the process's own environment. Asked only of files that import os.
; A candidate is a set only if it resolves to os.putenv or os.environ, which the file must spell.
; anchors: "environ" "putenv"
; os.environ["K"] = v
(assignment
  left: (subscript value: [(identifier) (attribute)] @environ subscript: (_) @key)
  right: (_) @value) @item
; os.environ["K"] += v (also a read, see env_reads.scm)
(augmented_assignment
  left: (subscript value: [(identifier) (attribute)] @environ subscript: (_) @key)
  right: (_) @value) @augment
; os.environ.update({...}) / update(K=v) / os.environ.setdefault("K", v)
(call
  function: (attribute object: (_) @environ attribute: (identifier) @method
    (#any-of? @method "update" "setdefault"))
  arguments: (argument_list) @args) @method_call
; os.putenv("K", v) / putenv("K", v)
(call function: (identifier) @func arguments: (argument_list) @args) @putenv
(call
  function: (attribute attribute: (identifier) @method (#eq? @method "putenv")) @func
  arguments: (argument_list) @args) @putenv
