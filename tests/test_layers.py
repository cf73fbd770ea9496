"""The pipeline's layers, kept by import-linter's contracts in pyproject.toml: the graph stage and the
rules never reach into extraction (which alone reads files and syntax), nor do the filter and the
renderers (nor tree-sitter or libcst), and only the command line uses click to print and exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout
