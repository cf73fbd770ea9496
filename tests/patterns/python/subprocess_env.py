"""The environment a subprocess gets."""
import asyncio
import os
import subprocess

MODEL_VAR = "MODEL_NAME"


def inherits():
    subprocess.run(["agentd"])  # expect: launch subprocess env=inherits targets=program:agentd
    subprocess.run(["agentd"], env=None)  # expect: launch subprocess env=inherits targets=program:agentd
    subprocess.run(["agentd"], env=os.environ)  # expect: launch subprocess env=inherits targets=program:agentd


def closed(token):
    subprocess.run(["agentd"], env={"PATH": "/usr/bin", "TOKEN": token})  # expect: launch subprocess env=closed targets=program:agentd ; set PATH="/usr/bin" ; set TOKEN


def merged():
    subprocess.run(["agentd"], env={**os.environ, "K": "v"})  # expect: launch subprocess env=inherits targets=program:agentd ; set K="v"
    subprocess.check_call(["agentd"], env=dict(os.environ, MODE="fast"))  # expect: launch subprocess env=inherits targets=program:agentd ; set MODE="fast"
    subprocess.call(["agentd"], env=os.environ.copy())  # expect: launch subprocess env=inherits targets=program:agentd


def multi_line(key):
    subprocess.Popen(  # expect: launch subprocess env=inherits targets=program:agentd
        ["agentd"],
        env={
            **os.environ,
            MODEL_VAR: "llama3",  # expect: set MODEL_NAME="llama3"
            key: "x",  # expect: set <dynamic key>
        },
    )


def copied_then_set(debug):
    env = os.environ.copy()
    env["A"] = "1"  # expect: set A="1"
    env.update({"B": "2"})  # expect: set B="2"
    env.update(C="3")  # expect: set C="3"
    env.setdefault("D", "4")  # expect: set D="4"
    if debug:
        env["DEBUG"] = "1"  # expect: set DEBUG="1" if(debug)
    subprocess.run(["agentd"], env=env)  # expect: launch subprocess env=inherits targets=program:agentd
    env["AFTER"] = "late"


def dict_copy():
    env = dict(os.environ)
    env["E"] = "e"  # expect: set E="e"
    return subprocess.check_output(["agentd"], env=env)  # expect: launch subprocess env=inherits targets=program:agentd


def closed_variable(extra):
    env = {"ONLY": "this"}  # expect: set ONLY="this"
    env["MORE"] = "m"  # expect: set MORE="m"
    for name, value in extra.items():
        env[name] = value  # expect: set <dynamic name> if(for name, value in extra.items())
    subprocess.run(["agentd"], env=env)  # expect: launch subprocess env=closed targets=program:agentd


def unknown_env(make_env):
    subprocess.run(["agentd"], env=make_env())  # expect: launch subprocess env=inherits targets=program:agentd


async def async_exec():
    proc = await asyncio.create_subprocess_exec("agentd", "--serve", env={"X": "1"})  # expect: launch subprocess env=closed targets=program:agentd ; set X="1"
    return proc


def guarded_launch(flag):
    if flag:
        env = os.environ.copy()
        env["INSIDE"] = "i"  # expect: set INSIDE="i"
        subprocess.run(["agentd"], env=env)  # expect: launch subprocess env=inherits targets=program:agentd
