"""Names that cannot be resolved statically."""
import os


def by_parameter(name):
    # A helper: its callers' names are the reads (none here), its own read is no fact.
    return os.getenv(name)


def by_fstring(service):
    return os.environ.get(f"{service}_URL")  # expect: read <dynamic f"{service}_URL">


def by_concat(prefix):
    return os.environ[prefix + "_TOKEN"]  # expect: read <dynamic prefix + "_TOKEN"> required


def in_loop(names):
    for item in names:
        os.environ[item] = "1"  # expect: process-set <dynamic item> if(for item in names)


def fstring_without_placeholder():
    return os.getenv(f"PLAIN_FSTRING")  # expect: read PLAIN_FSTRING
