package execenv

import (
	"fmt"
	"os"
	"os/exec"
)

const workerBin = "worker"

var extraEnv = map[string]string{"EXTRA_ONE": "1", "EXTRA_TWO": "2"}

func inherits() error {
	return exec.Command("worker", "--once").Run() // expect: launch exec env=inherits targets=program:worker
}

func closed(queue string) error {
	cmd := exec.Command(workerBin) // expect: launch exec env=closed targets=program:worker
	cmd.Env = []string{
		"WORKER_MODE=batch", // expect: set WORKER_MODE="batch"
		"WORKER_QUEUE=" + queue, // expect: set WORKER_QUEUE
		fmt.Sprintf("WORKER_ID=%d", 7), // expect: set WORKER_ID
	}
	return cmd.Run()
}

func inheritsAndAdds(debug bool) error {
	cmd := exec.Command("worker") // expect: launch exec env=inherits targets=program:worker
	env := append(os.Environ(), "WORKER_MODE=stream") // expect: set WORKER_MODE="stream"
	if debug {
		env = append(env, "WORKER_DEBUG=1") // expect: set WORKER_DEBUG="1" if(debug)
	}
	for k, v := range extraEnv {
		env = append(env, k+"="+v) // expect: set EXTRA_ONE ; set EXTRA_TWO
	}
	cmd.Env = env
	return cmd.Run()
}

func dynamic(m map[string]string) error {
	cmd := exec.Command("worker") // expect: launch exec env=closed targets=program:worker
	var env []string
	for k, v := range m {
		env = append(env, fmt.Sprintf("%s=%s", k, v)) // expect: set <dynamic fmt.Sprintf("%s=%s", k, v)>
	}
	cmd.Env = env
	return cmd.Run()
}

func nilEnv() error {
	cmd := exec.Command("worker") // expect: launch exec env=inherits targets=program:worker
	cmd.Env = nil
	return cmd.Run()
}

func appendToFreshEnv() error {
	// cmd.Env starts nil: appending to it builds a closed list, a classic bug.
	cmd := exec.Command("worker") // expect: launch exec env=closed targets=program:worker
	cmd.Env = append(cmd.Env, "ONLY_THIS=1") // expect: set ONLY_THIS="1"
	return cmd.Run()
}

func setenv(token string) {
	os.Setenv("SHARED_TOKEN", token) // expect: process-set SHARED_TOKEN
	os.Setenv("MODE", "prod") // expect: process-set MODE="prod"
}
