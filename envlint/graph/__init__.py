"""The graph stage: programs, links, image names, module resolution and environment flow, as pure
functions of the extracted facts (envlint/model.py, envlint/builds.py) and the configuration.

Nothing here reads a file: extraction (envlint/extract/) has read everything the graph needs. The
import-linter contract in pyproject.toml keeps it so.
"""
