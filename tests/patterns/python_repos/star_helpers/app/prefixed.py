import os

PREFIX = os.getenv("APP_PREFIX", "")


def lookup(name, default=None):
    return _values().get(PREFIX + name, default)
