package conditions

import (
	"fmt"
	"os"
	runner "os/exec"
)

const levelKey = "LOG_LEVEL"

func launch(mode string, verbose bool, level string) error {
	cmd := runner.Command("worker") // expect: launch exec env=closed targets=program:worker
	env := []string{"BASE=1"} // expect: set BASE="1"
	if verbose {
		env = append(env, "VERBOSE=1") // expect: set VERBOSE="1" if(verbose)
	} else {
		env = append(env, "QUIET=1") // expect: set QUIET="1" if(!(verbose))
	}
	switch mode {
	case "batch":
		env = append(env, "BATCH=1") // expect: set BATCH="1" if(mode == "batch")
	}
	env = append(env, fmt.Sprintf("%s=%s", levelKey, level)) // expect: set LOG_LEVEL
	env = append(env, levelKey+"="+level) // expect: set LOG_LEVEL
	cmd.Env = env
	return cmd.Run()
}

func environFirst() error {
	cmd := runner.Command("worker") // expect: launch exec env=inherits targets=program:worker
	cmd.Env = os.Environ()
	cmd.Env = append(cmd.Env, "ADDED=1") // expect: set ADDED="1"
	return cmd.Run()
}

func unbound() error {
	return runner.Command("helper").Run() // expect: launch exec env=inherits targets=program:helper
}
