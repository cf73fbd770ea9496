"""A read reached only under an `if` carries its condition; the else branch gets `not (cond)`."""
import os

TOP = os.getenv("TOP_LEVEL")  # expect: read TOP_LEVEL

if os.getenv("MODE") == "debug":  # expect: read MODE
    LEVEL = os.getenv("DEBUG_LEVEL", "1")  # expect: read DEBUG_LEVEL default="1" if(os.getenv("MODE") == "debug")


def url(mode):
    if mode == "local":
        url = os.getenv("LOCAL_URL")  # expect: read LOCAL_URL if(mode == "local")
    elif mode == "cloud":
        url = os.environ["CLOUD_URL"]  # expect: read CLOUD_URL required if(mode == "cloud")
    else:
        url = os.getenv("OTHER_URL", "x")  # expect: read OTHER_URL default="x" if(not (mode == "local"))
    for _ in range(3):
        if url:
            retries = os.getenv("RETRIES")  # expect: read RETRIES if(url)
    timeout = os.getenv("TIMEOUT")  # expect: read TIMEOUT
    return url, retries, timeout


def inside_loop(names):
    for name in names:
        os.getenv("IN_LOOP")  # expect: read IN_LOOP
