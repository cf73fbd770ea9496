"""Changes of the process's own environment."""
import os

VALUE = "const-value"


def configure(flag, computed):
    os.environ["PLAIN"] = "v"  # expect: process-set PLAIN="v"
    os.environ["COMPUTED"] = computed  # expect: process-set COMPUTED
    os.environ["FROM_CONST"] = VALUE  # expect: process-set FROM_CONST="const-value"
    os.putenv("PUT", "p")  # expect: process-set PUT="p"
    os.environ.update({"U1": "1", "U2": computed})  # expect: process-set U1="1" ; process-set U2
    os.environ.update(KW="k")  # expect: process-set KW="k"
    os.environ.setdefault("SD", "dflt")  # expect: read SD default="dflt" ; process-set SD="dflt"
    if flag:
        os.environ["GUARDED"] = "g"  # expect: process-set GUARDED="g" if(flag)
    else:
        os.environ["OTHERWISE"] = "o"  # expect: process-set OTHERWISE="o" if(not (flag))
    os.environ["APPENDED"] += ":x"  # expect: read APPENDED required ; process-set APPENDED


def dynamic_update(extra):
    os.environ.update(extra)  # expect: process-set <dynamic extra>


def removals():
    del os.environ["REMOVED"]
    os.environ.pop("POPPED", None)
    os.unsetenv("UNSET")


os.environ["AT_MODULE_LEVEL"] = "1"  # expect: process-set AT_MODULE_LEVEL="1"
