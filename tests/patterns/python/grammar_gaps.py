"""Valid Python that the tree-sitter grammar misreads: CPython accepts it, so no problem, and the reads
around it are still found (from the repro fstring-fill-equals)."""
import os

URL = os.getenv("APP_URL", "http://db:5432")  # expect: read APP_URL default="http://db:5432"


def banner(msg: str) -> None:
    print(f"{msg:=^40}")  # `=` is the fill character, not a walrus
    print(f"{msg!r:=>10}")


AFTER = os.getenv("AFTER_GAP")  # expect: read AFTER_GAP
