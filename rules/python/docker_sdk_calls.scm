; Containers started through the Docker SDK for Python instead of a command line:
; `client.containers.run(image, command, environment=...)` and `client.containers.create(...)`.
; anchors: "containers"
(call
  function: (attribute
    object: (attribute attribute: (identifier) @collection (#eq? @collection "containers"))
    attribute: (identifier) @method (#any-of? @method "run" "create"))
  arguments: (argument_list) @args) @call
