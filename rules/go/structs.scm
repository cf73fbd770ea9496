; Struct types of the package, for the libraries that read the environment through struct tags.
(type_spec name: (type_identifier) @name type: (struct_type) @struct)
