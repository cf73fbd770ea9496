"""Reads whose absence leads straight to failure are required."""
import os
import sys


def raise_when_empty():
    key = os.getenv("OPENAI_API_KEY")  # expect: read OPENAI_API_KEY required
    if not key:
        raise RuntimeError("OPENAI_API_KEY is not set")
    return key


def exit_when_none():
    url = os.environ.get("DATABASE_URL")  # expect: read DATABASE_URL required
    if url is None:
        print("missing DATABASE_URL", file=sys.stderr)
        sys.exit(2)
    return url


def direct_is_none():
    if os.getenv("DIRECT_CHECK") is None:  # expect: read DIRECT_CHECK required
        raise SystemExit("DIRECT_CHECK missing")


def direct_not():
    if not os.environ.get("DIRECT_NOT"):  # expect: read DIRECT_NOT required
        exit(1)


def not_in():
    if "MUST_HAVE" not in os.environ:  # expect: read MUST_HAVE required
        sys.exit("MUST_HAVE missing")


def either_missing():
    if "ONE" not in os.environ or "TWO" not in os.environ:  # expect: read ONE required ; read TWO required
        raise KeyError("ONE/TWO")


def attribute_target(self):
    self.secret = os.getenv("SECRET")  # expect: read SECRET required
    if self.secret == "":
        raise ValueError("SECRET")


def subscript_is_required():
    return os.environ["SUBSCRIPT"]  # expect: read SUBSCRIPT required


def not_required_when_only_logged(log):
    value = os.getenv("ONLY_LOGGED")  # expect: read ONLY_LOGGED
    if not value:
        log.warning("ONLY_LOGGED not set")
    return value


def not_required_with_default():
    value = os.getenv("HAS_DEFAULT", "x")  # expect: read HAS_DEFAULT default="x"
    if not value:
        raise RuntimeError("never")
    return value


def not_required_when_in():
    if "OPTIONAL" in os.environ:  # expect: read OPTIONAL
        raise RuntimeError("set but should not be")


def not_required_after_rebind():
    value = os.getenv("REBOUND")  # expect: read REBOUND
    value = "x"
    if not value:
        raise RuntimeError("unreachable")
