; Every import statement, wherever it stands (imports inside functions bind names too).
(import_statement) @import
(import_from_statement) @from
