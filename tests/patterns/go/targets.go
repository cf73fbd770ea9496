package targets

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
)

const agentBin = "agentd"

func findAgent() string {
	if p, err := exec.LookPath("agent-cli"); err == nil {
		return p
	}
	return filepath.Join("/usr/local/bin", "agent-cli")
}

func run(ctx context.Context, dir string) {
	_ = exec.CommandContext(ctx, agentBin).Run() // expect: launch exec env=inherits targets=program:agentd
	bin := filepath.Join(dir, "indexer")
	_ = exec.Command(bin).Run() // expect: launch exec env=inherits targets=program:indexer
	_ = exec.Command(findAgent()).Run() // expect: launch exec env=inherits targets=program:agent-cli,program:agent-cli
	_ = exec.Command("python3", "-m", "agent_runner.main").Run() // expect: launch exec env=inherits targets=python-module:agent_runner.main
	_ = exec.Command("python", "scripts/migrate.py").Run() // expect: launch exec env=inherits targets=python-script:scripts/migrate.py
	self, _ := os.Executable()
	_ = exec.Command(self, "child").Run() // expect: launch exec env=inherits targets=self
}

func variableProgram(fast bool) {
	tool := "slow-tool"
	if fast {
		tool = "fast-tool"
	}
	_ = exec.Command(tool).Run() // expect: launch exec env=inherits targets=program:slow-tool,program:fast-tool
	p, _ := exec.LookPath("finder")
	_ = exec.Command(p).Run() // expect: launch exec env=inherits targets=program:finder
}
