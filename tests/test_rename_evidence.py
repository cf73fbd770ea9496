"""Evidence beyond the spelling that ENV007 uses to pair a set with a read (envlint.checks.rename_evidence),
and the Helm `dict` helper argument that lets a chart's image be rendered."""

from __future__ import annotations

from envlint.checks.rename_evidence import narrow_by_neighbours, narrow_by_value, set_apart
from envlint.extract.kube.helm_exprs import Evaluator
from envlint.extract.kube.helm_output import Origin
from envlint.extract.kube.helm_values import UNKNOWN
from envlint.model import Default, EnvSet, Location, Read


def _read(name: str, *defaults: str) -> Read:
    default = Default(kind="literal", values=tuple(defaults)) if defaults else Default()
    return Read(name=name, location=Location("app.py", 1, 1), form="os.getenv", default=default)


def _set(name: str, line: int, value: str | None = None, condition: str | None = None,
         path: str = "app.env") -> EnvSet:
    return EnvSet(name=name, location=Location(path, line, 1), value=value, condition=condition)


def test_a_switch_value_drops_a_read_whose_default_is_no_switch() -> None:
    reads = {"USE_DOCLING": [_read("USE_DOCLING")], "DOCLING_VERSION": [_read("DOCLING_VERSION", "==2.71.0")]}
    assert narrow_by_value("false", ["DOCLING_VERSION", "USE_DOCLING"], reads) == ["USE_DOCLING"]


def test_a_value_that_is_one_reads_default_picks_it() -> None:
    reads = {"REGISTER_ENABLED": [_read("REGISTER_ENABLED", "1")], "SANDBOX_ENABLED": [_read("SANDBOX_ENABLED", "0")]}
    assert narrow_by_value("1", ["REGISTER_ENABLED", "SANDBOX_ENABLED"], reads) == ["REGISTER_ENABLED"]
    # "yes" fits both switches and is neither default: no choice
    assert narrow_by_value("yes", ["REGISTER_ENABLED", "SANDBOX_ENABLED"], reads) == ["REGISTER_ENABLED",
                                                                                     "SANDBOX_ENABLED"]
    assert narrow_by_value(None, ["REGISTER_ENABLED", "SANDBOX_ENABLED"], reads) == ["REGISTER_ENABLED",
                                                                                    "SANDBOX_ENABLED"]


def test_the_dropped_word_is_the_group_the_set_is_written_in() -> None:
    sets = (_set("POSTGRES_HOST", 1), _set("REDIS_HOST", 2), _set("PASSWORD", 4), _set("NATS_HOST", 5),
            _set("REDIS_PORT", 9, path="other.env"))
    candidates = ["POSTGRES_PASSWORD", "REDIS_PASSWORD"]
    assert narrow_by_neighbours("PASSWORD", sets, candidates) == ["REDIS_PASSWORD"]
    # neighbours of no candidate's group, or of both groups: no choice
    lonely = (_set("LOG_LEVEL", 1), _set("PASSWORD", 2), _set("TZ", 3))
    assert narrow_by_neighbours("PASSWORD", lonely, candidates) == candidates
    both = (_set("REDIS_HOST", 1), _set("PASSWORD", 2), _set("POSTGRES_HOST", 3))
    assert narrow_by_neighbours("PASSWORD", both, candidates) == candidates


def test_sets_in_the_two_branches_of_one_condition_are_apart() -> None:
    sets = (_set("CACHE_HOSTS", 3, condition=".Values.cache.enabled"),
            _set("CACHE_HOST", 6, condition="not (.Values.cache.enabled)"),
            _set("DB_HOSTS", 8, condition=".Values.db.enabled and .Values.tls"),
            _set("DB_HOST", 9, condition="not (.Values.db.enabled)"),
            _set("API_URLS", 10, condition=".Values.a"), _set("API_URL", 11, condition=".Values.b"),
            _set("KEY_IDS", 12, condition=".Values.k"), _set("KEY_ID", 13))
    assert set_apart(sets, "CACHE_HOSTS", "CACHE_HOST")
    assert set_apart(sets, "DB_HOSTS", "DB_HOST")  # a nested block inside the `if` branch
    assert not set_apart(sets, "API_URLS", "API_URL")  # two conditions that may both hold
    assert not set_apart(sets, "KEY_IDS", "KEY_ID")  # set always
    assert not set_apart(sets, "CACHE_HOSTS", "MISSING")


def test_helm_dict_passes_several_values_to_a_helper() -> None:
    seen = []

    def include(name: str, dot: object, origin: Origin) -> object:
        seen.append((name, dot))
        return "ok"

    root = {"Values": {"image": {"repository": "ghcr.io/acme/api"}}}
    evaluator = Evaluator(root, include)
    origin = Origin("t.yaml", 1, 1, ())
    value = evaluator.pipeline('include "img" (dict "root" . "repo" .Values.image.repository)', root, {}, origin)
    assert value == "ok"
    assert seen == [("img", {"root": root, "repo": "ghcr.io/acme/api"})]
    assert evaluator.pipeline('dict "a"', root, {}, origin) is UNKNOWN  # odd arguments: unknown, no error
