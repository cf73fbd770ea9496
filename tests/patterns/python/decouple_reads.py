"""python-decouple: `config("X", default=..., cast=...)`; required without a default."""
import decouple
from decouple import AutoConfig, Csv, config

SECRET_KEY = config("SECRET_KEY")  # expect: read SECRET_KEY required
DEBUG = config("DEBUG", default=False, cast=bool)  # expect: read DEBUG default="False"
HOSTS = config("ALLOWED_HOSTS", default="localhost", cast=Csv())  # expect: read ALLOWED_HOSTS default="localhost"
EMPTY = config("MAYBE", default=None)  # expect: read MAYBE
POSITIONAL = config("TIMEOUT", "30", cast=int)  # expect: read TIMEOUT default="30"
QUALIFIED = decouple.config("QUALIFIED")  # expect: read QUALIFIED required

local_config = AutoConfig(search_path="/etc/app")
FROM_INSTANCE = local_config("FROM_INSTANCE", default="x")  # expect: read FROM_INSTANCE default="x"


def shadowed(config):
    return config("NOT_A_READ")
