"""Reads and sets through import aliases."""
import os as o
import subprocess as sp
from os import environ as env
from os import getenv
from os import getenv as ge
from os import putenv
from subprocess import Popen, run as launch


def aliased():
    a = o.getenv("ALIAS_A")  # expect: read ALIAS_A
    b = o.environ["ALIAS_B"]  # expect: read ALIAS_B required
    c = env.get("ALIAS_C", "c")  # expect: read ALIAS_C default="c"
    d = getenv("ALIAS_D")  # expect: read ALIAS_D
    e = ge("ALIAS_E")  # expect: read ALIAS_E
    f = env["ALIAS_F"]  # expect: read ALIAS_F required
    g = "ALIAS_G" in env  # expect: read ALIAS_G
    env["ALIAS_SET"] = "1"  # expect: process-set ALIAS_SET="1"
    putenv("ALIAS_PUT", "2")  # expect: process-set ALIAS_PUT="2"
    return a, b, c, d, e, f, g


def launches():
    sp.run(["agentd"])  # expect: launch subprocess env=inherits targets=program:agentd
    Popen(["workerd", "--fast"])  # expect: launch subprocess env=inherits targets=program:workerd
    launch(["indexer"], check=True)  # expect: launch subprocess env=inherits targets=program:indexer
