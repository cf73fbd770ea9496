; Composite literals of a type from an imported package: `cli.StringFlag{...}`, `container.Config{...}`,
; `corev1.Container{...}`. The extractor checks the import path behind @package.
(composite_literal
  type: (qualified_type
    package: (package_identifier) @package
    name: (type_identifier) @type)
  body: (literal_value) @body) @literal
; Slices of such a type, whose elements may leave the type out: `[]corev1.Container{{Name: "api"}}`.
(composite_literal
  type: (slice_type
    element: (qualified_type
      package: (package_identifier) @package
      name: (type_identifier) @type))
  body: (literal_value) @elements) @literal
