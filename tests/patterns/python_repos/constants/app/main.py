import os

import app.constants as c
from app import constants
from .settings import OLLAMA_URL_VAR, TOKEN_VAR as TOKEN
from .missing import NOWHERE


def main(mode):
    url = os.getenv(OLLAMA_URL_VAR, "http://localhost:11434")
    token = os.environ[TOKEN]
    mode_name = os.getenv(c.MODE_VAR)
    if mode == "local":
        again = os.environ.get(constants.OLLAMA_URL_VAR)
    unknown = os.getenv(NOWHERE)
    return url, token, mode_name, again, unknown
