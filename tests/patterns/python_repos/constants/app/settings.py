"""Re-exports a constant of another module and defines one of its own."""
from .constants import OLLAMA_URL_VAR  # noqa: F401

TOKEN_VAR = "API_TOKEN"
