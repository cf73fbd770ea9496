"""The cross-file facts of one Python file (`FileFacts.extra`), completed by envlint/resolve/python.py.

Extraction sees one file; what another module of the repository defines (a constant holding a variable
name, a helper function that reads the variable its parameter names, a settings base class) is written
down here as a reference and looked up once every file is extracted. Everything is a frozen record so
that facts can be pickled across worker processes and cached.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Default, Location, NO_DEFAULT


@dataclass(frozen=True, slots=True)
class NameRef:
    """A name as imported: `from .settings import X` is ("settings", 1, "X"); `c.X` after
    `import app.constants as c` is ("app.constants", 0, "X"); ("", 0, "X") is the file's own X."""

    module: str
    level: int
    name: str

    @property
    def local(self) -> bool:
        return self.module == "" and self.level == 0


@dataclass(frozen=True, slots=True)
class CallArg:
    """One argument of a candidate helper call, reduced to what a read needs."""

    keyword: str | None  # None for a positional argument
    text: str
    value: str | None = None  # the string when the argument is a literal (or a same-file constant)
    ref: NameRef | None = None  # an imported constant, resolved later
    default: Default = NO_DEFAULT  # the argument as a default value
    # The argument is a parameter of the calling function: that function is a helper of the helper,
    # and its own callers are the reads.
    parameter: bool = False


@dataclass(frozen=True, slots=True)
class Helper:
    """A module-level function whose parameter ``key`` is the name of the variable it reads:
    `def env(name, default=None): return os.environ.get(name, default)`."""

    name: str
    params: tuple[str, ...]
    key: int
    fallback: int | None  # the parameter that is the read's default
    fallback_default: Default  # the default of that parameter in the signature
    default: Default  # a default fixed inside the helper (when no parameter gives it)
    required: bool


@dataclass(frozen=True, slots=True)
class HelperCall:
    """A call that may be a helper's: callee local ("", 0, f) or imported."""

    callee: NameRef
    location: Location
    function: str | None
    condition: str | None
    args: tuple[CallArg, ...]
    script_only: bool = False  # in the module's `if __name__ == "__main__":` block (see Read)
    # The callee is defined nowhere in the file: it may come from the star-imported module ``callee``
    # names (see envlint/extract/python/star_calls.py).
    guessed: bool = False


@dataclass(frozen=True, slots=True)
class PendingName:
    """A read in this file whose name is a constant imported from another module."""

    location: Location
    ref: NameRef


@dataclass(frozen=True, slots=True)
class SettingsConfig:
    """`model_config = SettingsConfigDict(...)` / v1 `class Config`; None where the class says nothing
    (the value is then inherited from a base, or the library's default)."""

    prefix: str | None = None
    case_sensitive: bool | None = None
    delimiter: str | None = None

    def over(self, base: SettingsConfig) -> SettingsConfig:
        """This class's settings over its base's, as pydantic merges model_config."""
        return SettingsConfig(
            self.prefix if self.prefix is not None else base.prefix,
            self.case_sensitive if self.case_sensitive is not None else base.case_sensitive,
            self.delimiter if self.delimiter is not None else base.delimiter,
        )


@dataclass(frozen=True, slots=True)
class SettingsField:
    name: str
    location: Location
    type_ref: NameRef | None  # the annotation when it names a class (a nested model, maybe)
    aliases: tuple[str, ...] = ()  # alias / validation_alias / AliasChoices / v1 env=: names as written
    default: Default = NO_DEFAULT
    required: bool = True


@dataclass(frozen=True, slots=True)
class ClassInfo:
    """A module-level class with its bases as written (resolved through the imports) and fields."""

    name: str
    location: Location
    bases: tuple[NameRef, ...]
    config: SettingsConfig
    fields: tuple[SettingsField, ...]


@dataclass(frozen=True, slots=True)
class DotenvLoad:
    """`load_dotenv(path)`, `dotenv_values(path)`, `env.read_env(path)`: a file whose entries may become
    variables of the process. Not a read; kept as a note for the report and later rules."""

    function: str
    path: str | None  # the literal path, None when not a literal (or not given: the default search)
    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class PythonExtra:
    constants: tuple[tuple[str, str], ...] = ()  # module-level NAME = "string"
    imports: tuple[tuple[str, NameRef], ...] = ()  # module-level names imported from elsewhere
    helpers: tuple[Helper, ...] = ()
    calls: tuple[HelperCall, ...] = ()  # calls of imported functions, maybe helpers
    pending: tuple[PendingName, ...] = ()
    classes: tuple[ClassInfo, ...] = ()
    # classes whose reads extraction could not compute (a base or nested model from another module)
    unresolved_classes: tuple[str, ...] = ()
    dotenv: tuple[DotenvLoad, ...] = ()
    stars: tuple[NameRef, ...] = ()  # modules star-imported at module level (name "*")
    # Module-level functions and classes: what a star import of this module brings in besides the above.
    functions: tuple[str, ...] = ()
    # The file reads names it does not know (os.environ iterated): resolution keeps it reads_dynamic.
    whole_env: bool = False

    def constant(self, name: str) -> str | None:
        return next((v for n, v in self.constants if n == name), None)

    def imported(self, name: str) -> NameRef | None:
        return next((r for n, r in self.imports if n == name), None)
