"""`docker run` launched from Python: only -e and --env-file reach the container."""
import subprocess

IMAGE = "ghcr.io/acme/agent:1.2"
ENV_FLAG = "-e"


def literal_args(token, extra):
    subprocess.run(  # expect: launch docker-run env=closed targets=image:acme/agent
        [
            "docker",
            "run",
            "--rm",
            "-e",
            "MODE=prod",  # expect: set MODE="prod"
            "-e",
            f"TOKEN={token}",  # expect: set TOKEN
            "-e",
            "PASSED",  # expect: set PASSED passthrough
            "--env",
            "KEY=" + token,  # expect: set KEY
            "--env-file",
            ".env.agent",  # expect: env-file .env.agent
            *extra,
            "acme/agent",
            "serve",
        ]
    )


def variable_image(host_network):
    args = ["docker", "run", "-d", "--name", "agent"]
    if host_network:
        args += ["--network", "host"]
        args.append("-e")
        args.append("DEBUG=1")  # expect: set DEBUG="1" if(host_network)
    args.append(IMAGE)
    subprocess.check_call(args)  # expect: launch docker-run env=closed targets=image:ghcr.io/acme/agent:1.2 network=host-if(host_network)


def inline_flags():
    subprocess.run(["docker", "run", "--env=A=1", "--network=host", IMAGE])  # expect: launch docker-run env=closed targets=image:ghcr.io/acme/agent:1.2 network=host ; set A="1"


def flag_in_variable():
    subprocess.run(["docker", "run", ENV_FLAG, "B=2", "img"])  # expect: launch docker-run env=closed targets=image:img ; set B="2"


def shell_string():
    subprocess.run("docker run --rm -e C=3 busybox env", shell=True)  # expect: launch docker-run env=closed targets=image:busybox ; set C="3"


def not_run():
    subprocess.run(["docker", "build", "-t", "acme/agent", "."])
    subprocess.run(["docker", "pull", IMAGE])
    subprocess.check_output(["/usr/bin/docker", "ps"])
