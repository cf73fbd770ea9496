from framework.conf.server import *

RETENTION = int(env("EVENT_RETENTION_DAYS", "90"))
MAIL = get_env("MAIL_HOST", default="localhost")
OPTION = option("OUTSIDE_OPTION")
SEALED = envelope("NOT_AN_ENV_HELPER")
set_env("WRITTEN_NOT_READ", "1")
