"""What a launch starts."""
import subprocess
import sys
from subprocess import run

AGENT_BIN = "agentd"
WORKER = "./bin/worker" if sys.platform == "linux" else "worker.exe"


def programs(path):
    run(["agentd", "--port", "1"])  # expect: launch subprocess env=inherits targets=program:agentd
    run(("agentd",))  # expect: launch subprocess env=inherits targets=program:agentd
    run([AGENT_BIN, "serve"])  # expect: launch subprocess env=inherits targets=program:agentd
    run([WORKER])  # expect: launch subprocess env=inherits targets=program:./bin/worker,program:worker.exe
    run([path])  # expect: launch subprocess env=inherits


def python_targets():
    run([sys.executable, "-m", "pkg.mod"])  # expect: launch subprocess env=inherits targets=python-module:pkg.mod
    run(["python3", "-m", "pkg"])  # expect: launch subprocess env=inherits targets=python-module:pkg
    run(["python", "scripts/x.py", "--flag"])  # expect: launch subprocess env=inherits targets=python-script:scripts/x.py
    run(["python3.11", "-u", "-X", "dev", "serve.py"])  # expect: launch subprocess env=inherits targets=python-script:serve.py
    run([sys.executable, "-c", "print(1)"])  # expect: launch subprocess env=inherits


def strings():
    run("agentd --port 1", shell=True)  # expect: launch subprocess env=inherits targets=program:agentd
    run("python -m pkg.tool")  # expect: launch subprocess env=inherits targets=python-module:pkg.tool
    subprocess.Popen(args=["agentd"])  # expect: launch subprocess env=inherits targets=program:agentd


def built_list(verbose):
    cmd = [sys.executable, "-m", "pkg.worker"]
    if verbose:
        cmd.append("-v")
    run(cmd)  # expect: launch subprocess env=inherits targets=python-module:pkg.worker


def built_string():
    command = "agentd --once"
    run(command, shell=True)  # expect: launch subprocess env=inherits targets=program:agentd
