"""What a pydantic-settings class reads: one Read per field (records in, reads out; no syntax here).

A field is read as `env_prefix + field name`. pydantic-settings matches names case-insensitively unless
`case_sensitive=True`, so names are then reported UPPER-CASED, as environment variables are
conventionally written (with `case_sensitive=True` they are reported as written). An alias
(`Field(alias=...)`, `validation_alias=`, v1's `env=`) is the whole name: no prefix. `AliasChoices("A",
"B")` reads A, then B when A is unset: B is `fallback_of` A. With `env_nested_delimiter="__"` a field whose
type is a model is read per nested field, `PARENT__CHILD`. A field without a default is required.

The same code runs at extraction (bases and nested models of the same file) and in the resolver (of
other modules): ``lookup`` finds the class a NameRef names, wherever it is, or None.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Generic, TypeVar

from ...model import Default, Read
from .extra import ClassInfo, NameRef, SettingsConfig, SettingsField

W = TypeVar("W")  # where a class is (its file), for the lookup of the names it uses
Lookup = Callable[[NameRef, W], "tuple[ClassInfo, W] | None"]

SETTINGS_ROOTS = frozenset({"pydantic_settings.BaseSettings", "pydantic.BaseSettings",
                            "pydantic.v1.BaseSettings", "pydantic.env_settings.BaseSettings",
                            "pydantic_settings.main.BaseSettings"})
MODEL_ROOTS = frozenset({"pydantic.BaseModel", "pydantic.v1.BaseModel", "pydantic.main.BaseModel"})
FORM = "pydantic-settings"
_MAX_DEPTH = 8


@dataclass(frozen=True)
class Resolved(Generic[W]):
    kind: str | None  # "settings", "model", or None (not a pydantic class, as far as can be seen)
    config: SettingsConfig
    fields: tuple[tuple[SettingsField, W], ...]  # inherited first, in definition order
    complete: bool  # every base and nested model was found


def resolve_class(info: ClassInfo, where: W, lookup: Lookup, depth: int = 0) -> Resolved[W]:
    kind: str | None = None
    config = SettingsConfig()
    fields: dict[str, tuple[SettingsField, W]] = {}
    complete = depth < _MAX_DEPTH
    # The first base wins in Python's MRO, so bases are merged last-first.
    for base in reversed(info.bases) if complete else ():
        qualified = f"{base.module}.{base.name}" if base.level == 0 and base.module else ""
        if qualified in SETTINGS_ROOTS or qualified in MODEL_ROOTS:
            kind = "settings" if qualified in SETTINGS_ROOTS or kind == "settings" else "model"
            continue
        found = lookup(base, where)
        if found is None:
            complete = False
            continue
        inner = resolve_class(found[0], found[1], lookup, depth + 1)
        if inner.kind is not None:
            kind = "settings" if "settings" in (kind, inner.kind) else "model"
        config = inner.config.over(config)
        fields.update((f.name, (f, w)) for f, w in inner.fields)
        complete = complete and inner.complete
    fields.update((f.name, (f, where)) for f in info.fields)
    return Resolved(kind, info.config.over(config), tuple(fields.values()), complete)


def settings_reads(info: ClassInfo, where: W, lookup: Lookup) -> tuple[list[Read], bool]:
    """The reads of the class when it is a settings class, and whether everything it uses was found."""
    resolved = resolve_class(info, where, lookup)
    if resolved.kind != "settings":
        return [], resolved.complete
    config = resolved.config
    reads: list[Read] = []
    complete = resolved.complete
    for field, field_where in resolved.fields:
        found, done = _field_reads(field, field_where, config.prefix or "", config, info.name, lookup, True, 0)
        # a nested model's fields are named at the settings class's field: that is their location
        found = [replace(r, location=field.location) for r in found]
        reads.extend(found)
        complete = complete and done
    return reads, complete


def _field_reads(field: SettingsField, where: W, prefix: str, config: SettingsConfig, owner: str,
                 lookup: Lookup, outer_required: bool, depth: int) -> tuple[list[Read], bool]:
    required = field.required and outer_required
    nested = lookup(field.type_ref, where) if field.type_ref is not None and config.delimiter else None
    # an annotation naming a class of another module may be a nested model: the resolver decides
    complete = nested is not None or field.type_ref is None or not config.delimiter
    if nested is not None and not field.aliases and depth < _MAX_DEPTH:
        model = resolve_class(nested[0], nested[1], lookup)
        if model.kind is not None:
            reads: list[Read] = []
            for inner, inner_where in model.fields:
                found, done = _field_reads(inner, inner_where, f"{prefix}{field.name}{config.delimiter}",
                                           config, owner, lookup, required, depth + 1)
                reads.extend(found)
                complete = complete and done
            return reads, complete and model.complete
    names = list(field.aliases) or [prefix + field.name]
    if not config.case_sensitive:
        names = [n.upper() for n in names]
    return _chain(names, field, owner, required), complete


def _chain(names: list[str], field: SettingsField, owner: str, required: bool) -> list[Read]:
    """`AliasChoices("A", "B")`: A falls back to B when unset (an empty A is still A's value)."""
    reads = []
    for position, name in enumerate(names):
        last = position == len(names) - 1
        default = field.default if last else Default(kind="fallback", fallbacks=(names[position + 1],))
        reads.append(
            Read(
                name=name,
                location=field.location,
                form=FORM,
                default=default,
                required=required and last,
                function=owner,
                name_text=field.name,
                fallback_of=names[position - 1] if position else None,
            )
        )
    return reads


def without_class(reads: tuple[Read, ...], owner: str) -> list[Read]:
    """The reads minus those a settings class made (to replace or drop them)."""
    return [r for r in reads if not (r.form == FORM and r.function == owner)]

