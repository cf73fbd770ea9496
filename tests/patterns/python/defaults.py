"""Defaults: literals, locals assigned literals, constants, expressions."""
import os

DEFAULT_PORT = "5432"
DEFAULT_HOST = "db" if os.name == "posix" else "localhost"


def conditional_local(mode):
    default_url = "http://localhost:11434" if mode == "local" else ""
    return os.getenv("OLLAMA_BASE_URL", default_url)  # expect: read OLLAMA_BASE_URL default="http://localhost:11434"|""


def several_assignments(mode):
    fallback = "a"
    if mode:
        fallback = "b"
    return os.getenv("SEVERAL", fallback)  # expect: read SEVERAL default="a"|"b"


def constant_default():
    port = os.getenv("DB_PORT", DEFAULT_PORT)  # expect: read DB_PORT default="5432"
    host = os.getenv("DB_HOST", DEFAULT_HOST)  # expect: read DB_HOST default="db"|"localhost"
    return port, host


def expression_default(config):
    return os.getenv("FROM_CONFIG", config.url)  # expect: read FROM_CONFIG default=<config.url>


def parameter_default(given="p"):
    return os.getenv("FROM_PARAM", given)  # expect: read FROM_PARAM default=<given>


def or_literal():
    return os.getenv("OR_LIT") or "fallback"  # expect: read OR_LIT default="fallback"


def or_after_empty_default():
    return os.environ.get("EMPTY_THEN_OR", "") or "d"  # expect: read EMPTY_THEN_OR default="d"


def or_expression(settings):
    return os.getenv("OR_EXPR") or settings.value  # expect: read OR_EXPR default=<settings.value>


def empty_default():
    return os.getenv("EMPTY_DEFAULT", "")  # expect: read EMPTY_DEFAULT default=""
