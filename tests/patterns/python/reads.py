"""Plain reads of environment variables, with and without defaults."""
import os


def settings():
    host = os.getenv("HOST")  # expect: read HOST
    port = os.getenv("PORT", "8080")  # expect: read PORT default="8080"
    level = os.environ.get("LOG_LEVEL")  # expect: read LOG_LEVEL
    debug = os.environ.get("DEBUG", "0")  # expect: read DEBUG default="0"
    token = os.environ["API_TOKEN"]  # expect: read API_TOKEN required
    workers = int(os.getenv("WORKERS", 4))  # expect: read WORKERS default="4"
    verbose = os.getenv("VERBOSE", False)  # expect: read VERBOSE default="False"
    nothing = os.getenv("NOTHING", None)  # expect: read NOTHING
    keyword = os.getenv(key="KEYWORD_NAME", default="k")  # expect: read KEYWORD_NAME default="k"
    return host, port, level, debug, token, workers, verbose, nothing, keyword


def membership():
    if "FEATURE_X" in os.environ:  # expect: read FEATURE_X
        return True
    missing = "FEATURE_Y" not in os.environ  # expect: read FEATURE_Y
    return missing


class Config:
    def load(self):
        self.url = os.getenv("SERVICE_URL", "http://localhost:8000")  # expect: read SERVICE_URL default="http://localhost:8000"

    @staticmethod
    def region():
        return os.environ.get("REGION", "eu-west-1")  # expect: read REGION default="eu-west-1"


MODULE_LEVEL = os.getenv("MODULE_LEVEL", "m")  # expect: read MODULE_LEVEL default="m"
CONCAT = os.getenv("PREFIX_" "SUFFIX")  # expect: read PREFIX_SUFFIX
PLUS = os.getenv("PLUS_" + "NAME")  # expect: read PLUS_NAME
MULTI = os.environ.get(  # expect: read MULTI_LINE default="x"
    "MULTI_LINE",
    "x",
)
