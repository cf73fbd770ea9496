; Every mention of `environ` (os.environ, or `environ` imported from os): the extractor keeps those that
; hand the whole environment to code it cannot follow (iterated, passed to a function).
; Asked only of files that import os.
; anchors: "environ"
(attribute attribute: (identifier) @attr (#eq? @attr "environ")) @environ
((identifier) @environ (#eq? @environ "environ"))
