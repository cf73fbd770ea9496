// agentd is the CLI daemon: it runs the same agent image for tasks submitted from the command line.
package main

import (
	"log"
	"os"
	"os/exec"
)

func getEnv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func runAgent(taskID string) error {
	url := getEnv("AGENTD_OLLAMA_URL", "http://host.docker.internal:11434")
	args := []string{
		"run", "--rm",
		"-e", "OLLAMA_BASE_URL=" + url,
		"-e", "LLM_BASE_URL=" + url,
		"-e", "AGENT_TASK_ID=" + taskID,
		"ghcr.io/acme/agent-runner:latest",
	}
	cmd := exec.Command("docker", args...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func main() {
	if err := runAgent(os.Args[1]); err != nil {
		log.Fatal(err)
	}
}
