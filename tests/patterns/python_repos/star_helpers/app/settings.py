from app.common import *
from app.prefixed import *
from app.quiet import *

HOST = env("CHAINED_HOST", "db")
TIMEOUT = lookup("LOOKUP_TIMEOUT", "5")
print("NOT_A_HELPER")
SETTING = setting("QUIET_SETTING")
lower = env("not_a_name")
