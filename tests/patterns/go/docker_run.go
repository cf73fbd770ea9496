package dockerrun

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"
)

const image = "ghcr.io/acme/agent-runner:latest"

var secretNames = map[string]string{"OPENAI_API_KEY": "openai", "ANTHROPIC_API_KEY": "anthropic"}

func start(ctx context.Context, url, task string, secrets map[string]string) error {
	args := []string{"run", "--rm", "-e", "STATIC=1"} // expect: set STATIC="1"
	if runtime.GOOS == "linux" {
		args = append(args, "--network", "host")
	}
	args = append(args, "-e", fmt.Sprintf("LLM_BASE_URL=%s", url)) // expect: set LLM_BASE_URL
	args = append(args, "--env", "TASK_ID="+task) // expect: set TASK_ID
	args = append(args, "-e", "HOME") // expect: set HOME passthrough
	args = append(args, "--env-file", "deploy/agent.env") // expect: env-file deploy/agent.env
	for k, v := range secrets {
		args = append(args, "-e", fmt.Sprintf("%s=%s", k, v)) // expect: set <dynamic fmt.Sprintf("%s=%s", k, v)>
	}
	for k := range secretNames {
		args = append(args, "-e", k+"=x") // expect: set OPENAI_API_KEY ; set ANTHROPIC_API_KEY
	}
	args = append(args, image, "--verbose", "-e", "NOT_DOCKER=1")
	cmd := exec.CommandContext(ctx, "docker", args...) // expect: launch docker-run env=closed targets=image:ghcr.io/acme/agent-runner:latest network=host-if(runtime.GOOS == "linux")
	return cmd.Run()
}

func literalList(url string) error {
	return exec.Command("docker", "run", "--rm", "--network=host", // expect: launch docker-run env=closed targets=image:acme/daemon network=host
		"-e", "OLLAMA_BASE_URL="+url, // expect: set OLLAMA_BASE_URL
		"acme/daemon").Run()
}

func variableImage(tag string) error {
	img := "acme/worker:" + "1.0"
	if tag != "" {
		img = "acme/worker-next"
	}
	return exec.Command("docker", "run", img).Run() // expect: launch docker-run env=closed targets=image:acme/worker:1.0,image:acme/worker-next
}

func notRun() error {
	_ = exec.Command("docker", "build", "-t", "acme/x", ".").Run()
	return exec.Command("docker", "pull", image).Run()
}

const dockerBin = "docker"

func inlineForms(ctx context.Context) error {
	return exec.CommandContext(ctx, dockerBin, "container", "run", "-d", // expect: launch docker-run env=closed targets=image:ghcr.io/acme/agent-runner:latest
		"--env=INLINE=1", // expect: set INLINE="1"
		"-eSHORT=2", // expect: set SHORT="2"
		"-v", "/data:/data",
		image).Run()
}

func switchedNetwork(mode string) error {
	args := []string{"run"}
	switch mode {
	case "local":
		args = append(args, "--network", "host")
	}
	args = append(args, "-e", "MODE="+mode, image) // expect: set MODE
	return exec.Command("docker", args...).Run() // expect: launch docker-run env=closed targets=image:ghcr.io/acme/agent-runner:latest network=host-if(mode == "local")
}
