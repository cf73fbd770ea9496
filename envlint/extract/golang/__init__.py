"""Go extraction: the files of one package -> one FileFacts per file.

A package is the unit because names resolve across its files (constants, map literals, wrapper
functions). Tree-sitter finds the candidates (rules/go/*.scm); index.py holds the package's
declarations, scope.py which declaration a name means, strings.py static string values, reads.py the
reads, wrappers.py the wrapper functions and their calls, launches.py (with slices.py and values.py) the
launch sites, flow.py the statement-level helpers they share. Libraries: tagged.py (envconfig,
caarlos0/env, with structs.py), viper.py, flags.py (urfave/cli), helpers.py (os.ExpandEnv, env helpers
from outside the repository), sdk.py (Docker Engine SDK, client-go). extra.py and calls.py record what
only the cross-package resolver (envlint/resolve/go.py) can complete.

The package's extraction is package.py (extract_go_package). This module imports nothing, so that the records
other stages import from the package (extra.py) do not load the extractor.
"""
