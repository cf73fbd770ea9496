from framework.conf.server import *

RETENTION = int(env("EVENT_RETENTION_DAYS", "90"))
