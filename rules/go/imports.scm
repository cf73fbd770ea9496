; Every import, with its local name when aliased: `import xos "os"`.
(import_spec name: (_)? @alias path: (_) @path) @spec
