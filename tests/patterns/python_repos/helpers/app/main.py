from app.util import env, not_a_helper
from . import util
from .constants import KEY


def main(flag):
    url = env("SERVICE_URL", "http://localhost:8080")
    secret = util.need("SECRET")
    named = env(KEY)
    if flag:
        keyword = env(name="BY_KEYWORD", default=3)
    ignored = not_a_helper("NOT_A_READ", "x")
    return url, secret, named, keyword, ignored
