// The supervisor runs one agent execution per task, each in its own container.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"runtime"
)

const agentImage = "ghcr.io/acme/agent-runner:latest"

func startAgent(ctx context.Context, taskID string, secrets map[string]string) error {
	llmURL := os.Getenv("SUPERVISOR_LLM_URL")
	args := []string{"run", "--rm", "--name", "agent-" + taskID}
	if runtime.GOOS == "linux" {
		args = append(args, "--network", "host")
	}
	args = append(args, "-e", fmt.Sprintf("LLM_BASE_URL=%s", llmURL))
	args = append(args, "-e", "AGENT_TASK_ID="+taskID)
	for k, v := range secrets {
		args = append(args, "-e", fmt.Sprintf("%s=%s", k, v))
	}
	args = append(args, agentImage)
	cmd := exec.CommandContext(ctx, "docker", args...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: supervisor TASK_ID")
	}
	if err := startAgent(context.Background(), os.Args[1], nil); err != nil {
		log.Fatal(err)
	}
}
