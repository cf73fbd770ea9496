package main

import (
	"fmt"
	"os"
	"os/exec"

	"github.com/acme/x/internal/config"
	corev1 "k8s.io/api/core/v1"
)

func main() {
	url := os.Getenv(config.EnvOllamaBaseURL)
	if url == "" {
		url = "http://localhost:11434"
	}
	token, ok := os.LookupEnv(config.EnvToken + "_FILE")
	if !ok {
		panic("token")
	}
	_ = os.Getenv(config.Unknown)
	args := []string{"run", "--rm", "-e", config.EnvOllamaBaseURL + "=" + url, "-e", config.EnvToken, "acme/agent"}
	_ = exec.Command("docker", args...).Run()
	cmd := exec.Command("worker")
	cmd.Env = []string{config.EnvMode + "=fast", fmt.Sprintf("%s=%s", config.EnvToken, token), config.EnvMode}
	_ = cmd.Run()
	_ = corev1.Container{Image: "acme/api", Env: []corev1.EnvVar{{Name: config.EnvMode, Value: "k8s"}}}
}
