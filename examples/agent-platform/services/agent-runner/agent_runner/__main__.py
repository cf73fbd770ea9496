import os

from .llm import llm_base_url, ollama_base_url

TASK_ID = os.environ["AGENT_TASK_ID"]


def main() -> None:
    print(f"task {TASK_ID}: models at {ollama_base_url()} and {llm_base_url()}")


if __name__ == "__main__":
    main()
