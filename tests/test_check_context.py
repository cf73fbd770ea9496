"""What the rules ask of checks.context.Context about one service: the names read in a name's place."""

from __future__ import annotations

from envlint.checks.context import Context
from envlint.config import Config
from envlint.model import Default, Graph, Location, Read, Service


def _read(name: str, line: int, **kwargs) -> Read:
    return Read(name=name, location=Location("app/main.py", line, 1), form="os.getenv", **kwargs)


def test_alternatives_follow_fallbacks_both_ways_and_transitively() -> None:
    # `os.getenv("A") or os.getenv("B")`: A names B as its fallback; C's read says it stands in for B
    # (an envconfig bare tag after its prefixed name records only that side); D stands alone.
    reads = (_read("A", 1, default=Default(kind="fallback", fallbacks=("B",))), _read("B", 2, fallback_of="A"),
             _read("C", 3, fallback_of="B"), _read("D", 4))
    service = Service(name="app", kind="python", root="app", location=Location("app/pyproject.toml", 1, 1),
                      reads=reads, process_sets=(), files=("app/main.py",))
    context = Context(Graph(services=(service,), sites=(), links=(), files=(), problems=()), Config())
    assert context.alternatives(service, "A") == {"A", "B", "C"}
    assert context.alternatives(service, "B") == {"B", "C"}
    assert context.alternatives(service, "C") == {"C"}
    assert context.alternatives(service, "D") == {"D"}
    assert context.alternatives(service, "UNREAD") == {"UNREAD"}
