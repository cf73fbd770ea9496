; Every function and class: the scopes of the file, so that a node's scope is found by its position
; (envlint/extract/python/scope.py) instead of by climbing its parents.
[(function_definition) (class_definition)] @scope
