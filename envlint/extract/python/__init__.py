"""Python extraction: one file's bytes -> FileFacts (reads, process sets, launch sites, imports).

Tree-sitter finds the candidates (rules/python/*.scm); the modules here decide what they mean:
names.py (imports, aliases, bindings per scope), values.py (literals through variables), reads.py and
required.py, process_sets.py, envdict.py (`env=` mappings), argv.py and launches.py; libraries.py
(environs, decouple, django-environ, dotenv), helpers.py (functions that read the variable a parameter
names), settings.py with settings_reads.py (pydantic-settings classes), and crossfile.py with extra.py:
the facts another module needs, completed after extraction by envlint/resolve/python.py.

A file's extraction is file.py (extract_python_file). This module imports nothing, so that the records
other stages import from the package (extra.py) do not load the extractor.
"""
