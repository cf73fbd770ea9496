"""environs: `env = Env()`; a read without a default is required (environs raises)."""
import environs
from environs import Env

env = Env()
env.read_env(".env.local")

DEBUG = env.bool("DEBUG", False)  # expect: read DEBUG default="False"
PORT = env.int("PORT", default=8000)  # expect: read PORT default="8000"
SECRET = env.str("SECRET_KEY")  # expect: read SECRET_KEY required
HOSTS = env.list("ALLOWED_HOSTS", [])  # expect: read ALLOWED_HOSTS default=<[]>
NAME = env("SERVICE_NAME", "api")  # expect: read SERVICE_NAME default="api"
OPTIONAL = env.str("MAYBE", None)  # expect: read MAYBE

with env.prefixed("DB_"):
    DB_HOST = env.str("HOST", "localhost")  # expect: read DB_HOST default="localhost"
    with env.prefixed("REPLICA_"):
        REPLICA = env.str("HOST")  # expect: read DB_REPLICA_HOST required

other = environs.Env()
LEVEL = other.log_level("LOG_LEVEL", "INFO")  # expect: read LOG_LEVEL default="INFO"


def configured(mode):
    if mode == "prod":
        return env.str("PROD_URL")  # expect: read PROD_URL required if(mode == "prod")
    return None


class NotEnv:
    def str(self, name):
        return name


fake = NotEnv()
fake.str("NOT_A_READ")
env.dump()
env.seal()
