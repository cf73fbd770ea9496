import os


def env(name, default=None):
    return os.environ.get(name, default)


def need(name):
    return os.environ[name]


def not_a_helper(name, default=None):
    return default
