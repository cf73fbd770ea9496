import framework.helpers as h
from framework.conf.server import env
from framework.utils import get_env as ge
from framework.utils import make_env, set_env

A = env("EXPLICIT_IMPORT", "1")
B = ge("ALIASED_IMPORT")
C = h.env("MODULE_ATTRIBUTE")
set_env("WRITTEN_NOT_READ", "1")
make_env("BUILT_NOT_READ")
