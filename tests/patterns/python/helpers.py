"""Helper functions: a module-level function whose parameter is the name read; its calls are reads
(form "helper NAME"). The read inside is no fact of its own: its name is whatever the callers pass."""
import os


def env(name, default=None):
    return os.environ.get(name, default)


def env_or(name: str, fallback: str = "dflt") -> str:
    return os.getenv(name) or fallback


def must(name):
    return os.environ[name]


def fixed(name):
    return os.getenv(name, "fixed")


KEY = "FROM_CONSTANT"
URL = env("SERVICE_URL", "http://localhost:8080")  # expect: read SERVICE_URL default="http://localhost:8080"
NO_DEFAULT = env("PLAIN")  # expect: read PLAIN
BY_KEYWORD = env(default="5", name="BY_KEYWORD")  # expect: read BY_KEYWORD default="5"
CONSTANT = env(KEY)  # expect: read FROM_CONSTANT
FALLBACK = env_or("OR_NAME")  # expect: read OR_NAME default="dflt"
FALLBACK_GIVEN = env_or("OR_GIVEN", "given")  # expect: read OR_GIVEN default="given"
SECRET = must("SECRET")  # expect: read SECRET required
FIXED = fixed("FIXED_NAME")  # expect: read FIXED_NAME default="fixed"


def caller(key):
    # A helper of the helper: the name is the caller's parameter, so its callers are the reads.
    return env(key, "x")


def not_a_helper(name):
    return name.upper()


def transformed(name):
    key = name.upper()
    return os.getenv(key)  # expect: read <dynamic key>


class Config:
    def get(self, name):
        return os.getenv(name)  # expect: read <dynamic name>


UPPER = not_a_helper("NOT_A_READ")
TRANSFORMED = transformed("NOT_A_READ_EITHER")
METHOD = Config().get("METHOD_NOT_FOLLOWED")


def shadowing(env):
    return env("SHADOWED")
