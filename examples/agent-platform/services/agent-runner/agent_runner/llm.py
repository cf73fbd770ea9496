"""Where the agent finds its language models."""

import os

MODE = os.getenv("AGENT_MODE", "container")


def ollama_base_url() -> str:
    # Local development talks to an Ollama on the same machine; in a container this must be set.
    default_url = "http://localhost:11434" if MODE == "local" else ""
    return os.getenv("OLLAMA_BASE_URL", default_url)


def llm_base_url() -> str | None:
    return os.getenv("LLM_BASE_URL")
