"""Look-alikes that are not reads, sets or launches."""
import os
import subprocess


class Settings:
    def getenv(self, name):
        return name


config = Settings()
VALUE = config.getenv("NOT_A_READ")
other = {"K": "v"}
ALSO_NOT = other.get("NOT_A_READ_EITHER")
subprocess_like = other.get("run")


def whole_environment():
    snapshot = dict(os.environ)
    copy = os.environ.copy()
    for key, value in os.environ.items():
        print(key, value)
    return snapshot, copy


def local_environ():
    environ = {"LOCAL": "x"}
    environ["LOCAL"] = "y"
    return environ.get("LOCAL"), environ["LOCAL"], "LOCAL" in environ


def parameter_environ(environ):
    return environ.get("PARAM_ENV")


def deletion():
    del os.environ["GONE"]


def unrelated_calls(runner, pool):
    runner.run(["agentd"])
    pool.call(["agentd"])
    os.path.join("a", "b")


def unrelated_membership(mapping):
    return "X" in mapping


def shadowed_getenv(getenv):
    return getenv("SHADOWED_BY_PARAMETER")


def shadowed_run():
    from subprocess import run
    run = print
    run(["agentd"])


def passed_whole(log):
    log.info(os.environ)
    return sorted(os.environ)


def string_mentions():
    return "os.getenv('IN_A_STRING')"  # os.environ["IN_A_COMMENT"]
