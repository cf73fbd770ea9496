"""`os.environ[X]` whose KeyError is caught, or that a membership test guards, is optional."""
import os

try:
    PROJECT = os.environ["CAUGHT"]  # expect: read CAUGHT
except KeyError:
    PROJECT = None

try:
    REGION = os.environ["CAUGHT_TUPLE"]  # expect: read CAUGHT_TUPLE default="eu"
except (ValueError, KeyError) as error:
    REGION = "eu"

try:
    ZONE = os.environ["CAUGHT_LOOKUP"]  # expect: read CAUGHT_LOOKUP
except LookupError:
    pass

try:
    HOST = os.environ["CAUGHT_BARE"]  # expect: read CAUGHT_BARE
except:  # noqa: E722
    pass

try:
    PORT = os.environ["CAUGHT_EXCEPTION"]  # expect: read CAUGHT_EXCEPTION
except Exception:
    pass

try:
    TOKEN = os.environ["NOT_CAUGHT"]  # expect: read NOT_CAUGHT required
except ValueError:
    pass

try:
    pass
except KeyError:
    FALLBACK = os.environ["IN_HANDLER"]  # expect: read IN_HANDLER required

if "GUARDED" in os.environ:  # expect: read GUARDED
    GUARDED = os.environ["GUARDED"]  # expect: read GUARDED if("GUARDED" in os.environ)

if "OTHER_GUARD" in os.environ:  # expect: read OTHER_GUARD
    WRONG = os.environ["NOT_THE_GUARDED_ONE"]  # expect: read NOT_THE_GUARDED_ONE required if("OTHER_GUARD" in os.environ)

if "NEGATED" not in os.environ:  # expect: read NEGATED
    NEGATED = None
else:
    NEGATED = os.environ["NEGATED"]  # expect: read NEGATED if(not ("NEGATED" not in os.environ))

TERNARY = os.environ["TERNARY"] if "TERNARY" in os.environ else "t"  # expect: read TERNARY default="t" ; read TERNARY
BOTH = "AND_GUARD" in os.environ and os.environ["AND_GUARD"]  # expect: read AND_GUARD ; read AND_GUARD


def get(key, default=None):
    if key not in os.environ:
        return default
    return os.environ[key]


def must_get(key):
    if key not in os.environ:
        raise SystemExit(f"{key} missing")
    return os.environ[key]


def present_first(key, default="p"):
    if key in os.environ:
        return os.environ[key]
    return default


MEMBER = get("MEMBER_HELPER", "m")  # expect: read MEMBER_HELPER default="m"
MEMBER_NONE = get("MEMBER_NONE")  # expect: read MEMBER_NONE
MUST = must_get("MUST_HELPER")  # expect: read MUST_HELPER required
PRESENT = present_first("PRESENT_HELPER")  # expect: read PRESENT_HELPER default="p"
