package negatives

import (
	"fmt"
	"os"
	"os/exec"
)

type settings struct{ values map[string]string }

// Getenv on another type is not a read of the process environment.
func (s settings) Getenv(name string) string { return s.values[name] }

type runner struct{}

func (runner) Command(name string) string { return name }

func lookAlikes(s settings, r runner) {
	fmt.Println(s.Getenv("NOT_A_READ"))
	fmt.Println(r.Command("not-a-launch"))
	fmt.Println("os.Getenv(\"IN_A_STRING\")")
	// os.Getenv("IN_A_COMMENT")
	_ = os.Environ()
	_ = os.Args
}

func notLaunches() error {
	if err := exec.Command("docker", "build", "-t", "acme/x", ".").Run(); err != nil {
		return err
	}
	if err := exec.Command("docker", "container", "ls").Run(); err != nil {
		return err
	}
	_, err := exec.LookPath("docker")
	return err
}

func notRequired() string {
	v := os.Getenv("SOFT") // expect: read SOFT
	if v == "" {
		fmt.Println("SOFT is empty, using nothing")
	}
	return v
}

func notADefault(other string) string {
	v := os.Getenv("UNTOUCHED") // expect: read UNTOUCHED
	if other == "" {
		v = "not a default: another variable was tested"
	}
	return v
}
