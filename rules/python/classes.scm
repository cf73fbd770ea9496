; Classes with their bases: candidate settings classes (pydantic-settings BaseSettings subclasses,
; directly or through bases defined in the repository) and the models nested in them.
(class_definition
  name: (identifier) @name
  superclasses: (argument_list)? @bases
  body: (block) @body) @class
