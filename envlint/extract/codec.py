"""JSON for the frozen records of extraction (`FileFacts` and everything it holds), for the cache.

The cache folder may come from a stranger (a committed `.envlint_cache/`), so an entry is data that is
validated, never code: no pickle or marshal, which run code or crash the interpreter on crafted input.
The format follows the type hints: a record is the list of its fields in order, a tuple or frozenset a
list, `X | None` null or X, a Literal one of its values, an enum its value, and a field typed `object`
(`FileFacts.extra`) `[tag, record]` with the tag one of the classes allowed below. Decoding checks every
value against its type and raises `Invalid` on anything else; no other exception escapes `decode`.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
import operator
from operator import call
from typing import Any, Callable

from ..model import FileFacts

__all__ = ["Invalid", "Unsupported", "decode_facts", "decode_value", "encode_facts", "encode_value"]


class Invalid(ValueError):
    """An entry that is not the encoding of the records it should hold."""


class Unsupported(TypeError):
    """A value envlint produced that this format cannot represent (a bug: the unit is not cached)."""


def _objects() -> dict[str, type]:
    """The records a field typed `object` may hold (the languages' cross-file facts)."""
    from .golang.extra import GoExtra
    from .python.extra import PythonExtra

    return {"GoExtra": GoExtra, "PythonExtra": PythonExtra}


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (encode, decode)
_CODECS: dict[Any, Codec] = {}


def _codec(tp: Any) -> Codec:
    found = _CODECS.get(tp)
    if found is None:
        found = _CODECS[tp] = _build(tp)
    return found


def _fail(what: str, value: Any) -> typing.NoReturn:
    raise Invalid(f"expected {what}, got {type(value).__name__}")


def _text(value: Any) -> str:
    # A JSON escape can spell a lone surrogate ("\ud800"), which no text envlint reads holds and which
    # would fail every output later: refused here.
    if type(value) is not str or not (value.isascii() or _utf8(value)):
        _fail("a string of UTF-8 text", value)
    return value


def _utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _scalar(tp: type) -> Codec:
    def encode(value: Any) -> Any:
        if type(value) is not tp:
            raise Unsupported(f"expected {tp.__name__}, got {type(value).__name__}")
        return value

    def decode(value: Any) -> Any:
        if type(value) is not tp:
            _fail(tp.__name__, value)
        return value

    return encode, (_text if tp is str else decode)


def _none(value: Any) -> None:
    if value is not None:
        _fail("null", value)


def _build(tp: Any) -> Codec:
    if tp in (str, int, bool, float):
        return _scalar(tp)
    if tp is type(None):
        return _none, _none
    if tp is object:
        return _tagged()
    if dataclasses.is_dataclass(tp):
        return _record(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return _literal(args)
    if origin in (typing.Union, types.UnionType):
        arms = [a for a in args if a is not type(None)]
        if len(arms) != 1 or len(args) != 2:
            raise Unsupported(f"union {tp}: only X | None is supported")
        return _optional(_codec(arms[0]))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(_codec(args[0]), tuple)
    if origin is tuple:
        return _fixed([_codec(a) for a in args])
    if origin is frozenset:
        return _sequence(_codec(args[0]), frozenset)
    raise Unsupported(f"type {tp!r} has no JSON form")


def _optional(inner: Codec) -> Codec:
    encode, decode = inner
    return (lambda v: None if v is None else encode(v)), (lambda v: None if v is None else decode(v))


def _sequence(inner: Codec, make: type) -> Codec:
    encode, decode = inner

    def encode_all(value: Any) -> list:
        if type(value) is not make:
            raise Unsupported(f"expected {make.__name__}, got {type(value).__name__}")
        items = list(map(encode, value))
        if make is not frozenset:
            return items
        # A frozenset's order is the hash seed's: sorted, so that one set always writes one entry.
        if all(type(i) is str for i in items):
            return sorted(items)
        return sorted(items, key=lambda i: json.dumps(i, sort_keys=True))

    def decode_all(value: Any) -> Any:
        if type(value) is not list:
            _fail("a list", value)
        return make(map(decode, value))

    return encode_all, decode_all


def _fixed(items: list[Codec]) -> Codec:
    decoders = [d for _, d in items]

    def encode(value: Any) -> list:
        if type(value) is not tuple or len(value) != len(items):
            raise Unsupported(f"expected a tuple of {len(items)}")
        return [e(v) for (e, _), v in zip(items, value)]

    def decode(value: Any) -> tuple:
        if type(value) is not list or len(value) != len(items):
            _fail(f"a list of {len(items)}", value)
        return tuple(map(call, decoders, value))

    return encode, decode


def _literal(allowed: tuple) -> Codec:
    # By type and value: 1 is not True, though they are equal (a set lookup, not a scan per value).
    members = frozenset((type(a), a) for a in allowed)

    def check(value: Any) -> Any:
        try:
            known = (type(value), value) in members
        except TypeError:  # unhashable (a list): no Literal holds one
            known = False
        if not known:
            _fail(f"one of {allowed}", value)
        return value

    def encode(value: Any) -> Any:
        try:
            return check(value)
        except Invalid as exc:
            raise Unsupported(str(exc)) from None

    return encode, check


def _enum(cls: type[enum.Enum]) -> Codec:
    value_codec = _codec(type(next(iter(cls)).value)) if len(cls) else _scalar(str)

    def decode(value: Any) -> enum.Enum:
        try:
            return cls(value_codec[1](value))
        except ValueError:
            _fail(f"a value of {cls.__name__}", value)

    return (lambda v: value_codec[0](v.value)), decode


def _record(cls: type) -> Codec:
    """A record is the list of its fields, without the trailing ones that hold their default (most
    facts leave most fields empty): the entry is smaller and faster to read."""
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    get = operator.attrgetter(*names) if names else (lambda value: ())  # a tuple, or one field's value
    required = sum(1 for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
    encoders: list[Callable[[Any], Any]] = []
    decoders: list[Callable[[Any], Any]] = []
    defaults: list[Any] = []  # each field's default, encoded (a fresh object where there is none)

    def encode(value: Any) -> list:
        if type(value) is not cls:
            raise Unsupported(f"expected {cls.__name__}, got {type(value).__name__}")
        out = list(map(call, encoders, get(value))) if len(names) != 1 else [encoders[0](get(value))]
        while len(out) > required and out[-1] == defaults[len(out) - 1]:
            out.pop()
        return out

    def decode(value: Any) -> Any:
        if type(value) is not list or not required <= len(value) <= len(decoders):
            _fail(f"{cls.__name__} as a list of {required} to {len(decoders)}", value)
        # Records are built by keyword (kw_only); zip stops at the shorter: the rest are defaults.
        return cls(**dict(zip(names, map(call, decoders, value))))

    _CODECS[cls] = (encode, decode)  # before the fields: a record may hold itself
    if any(not f.init for f in fields):
        raise Unsupported(f"{cls.__name__} has fields that are not arguments of its constructor")
    hints = typing.get_type_hints(cls)
    for f in fields:
        encoder, decoder = _codec(hints[f.name])
        encoders.append(encoder)
        decoders.append(decoder)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        defaults.append(object() if default is dataclasses.MISSING else encoder(default))
    return encode, decode


def _tagged() -> Codec:
    allowed = _objects()
    tags = {cls: tag for tag, cls in allowed.items()}

    def encode(value: Any) -> Any:
        if value is None:
            return None
        tag = tags.get(type(value))
        if tag is None:
            raise Unsupported(f"{type(value).__name__} is not an allowed record")
        return [tag, _codec(type(value))[0](value)]

    def decode(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is not list or len(value) != 2 or type(value[0]) is not str or value[0] not in allowed:
            _fail("[tag, record] of an allowed record", value)
        return _codec(allowed[value[0]])[1](value[1])

    return encode, decode


_FACTS = tuple[FileFacts, ...]


def encode_facts(facts: list[FileFacts]) -> bytes:
    """UTF-8 JSON of ``facts``; `Unsupported` when a value has no JSON form."""
    return encode_value(_FACTS, tuple(facts))


def decode_facts(raw: bytes) -> list[FileFacts]:
    """The facts ``raw`` encodes, or `Invalid` (for any input: bad UTF-8, bad JSON, deep nesting, a
    number too long, a value of the wrong type)."""
    return list(decode_value(_FACTS, raw))


def encode_value(tp: Any, value: Any) -> bytes:
    """UTF-8 JSON of ``value``, of the type ``tp`` (any type this format supports: the whole-run cache
    stores findings and problems with it); `Unsupported` when a value has no JSON form."""
    data = _codec(tp)[0](value)
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError) as exc:  # a lone surrogate; a NaN
        raise Unsupported(str(exc)) from None


def decode_value(tp: Any, raw: bytes) -> Any:
    """The value of type ``tp`` that ``raw`` encodes, or `Invalid` for any other input."""
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        return _codec(tp)[1](data)
    except Invalid:
        raise
    except (ValueError, RecursionError, MemoryError) as exc:  # UnicodeDecodeError and JSONDecodeError too
        raise Invalid(f"{type(exc).__name__}: {exc}") from None


def _no_constant(name: str) -> Any:
    raise Invalid(f"{name} is not a value envlint writes")
