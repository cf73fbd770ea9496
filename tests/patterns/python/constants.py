"""Names held by module-level constants."""
import os

OLLAMA_VAR = "OLLAMA_BASE_URL"
PREFIX = "APP_"
FULL = PREFIX + "MODE"
KEYS = ["A", "B"]


def reads():
    url = os.getenv(OLLAMA_VAR, "http://localhost:11434")  # expect: read OLLAMA_BASE_URL default="http://localhost:11434"
    mode = os.environ[FULL]  # expect: read APP_MODE required
    present = OLLAMA_VAR in os.environ  # expect: read OLLAMA_BASE_URL
    return url, mode, present


def local_name():
    name = "LOCAL_CONST"
    return os.getenv(name)  # expect: read LOCAL_CONST


def shadowed_constant():
    OLLAMA_VAR = compute()
    return os.getenv(OLLAMA_VAR)  # expect: read <dynamic OLLAMA_VAR>


def compute():
    return "X"


def sets():
    os.environ[OLLAMA_VAR] = "http://ollama:11434"  # expect: process-set OLLAMA_BASE_URL="http://ollama:11434"
