; Composite literals of a type from an imported package: `cli.StringFlag{...}`, `container.Config{...}`,
; `corev1.Container{...}`. The extractor checks the import path behind @package, so only files that
; import urfave/cli, the Docker SDK's container types or client-go's core/v1 need it.
; anchors: "github.com/urfave/cli" "/api/types/container" "k8s.io/api/core/v1"
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
