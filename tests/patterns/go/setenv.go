package setenv

import (
	"fmt"
	stdos "os"
)

const modeName = "APP_MODE"

func configure(token, name string) {
	stdos.Setenv("SHARED_TOKEN", token) // expect: process-set SHARED_TOKEN
	stdos.Setenv(modeName, "prod") // expect: process-set APP_MODE="prod"
	_ = stdos.Setenv("RAW", `C:\path`) // expect: process-set RAW="C:\\path"
	stdos.Setenv(name, "x") // expect: process-set <dynamic name>
	if err := stdos.Setenv("CHECKED", "1"); err != nil { // expect: process-set CHECKED="1"
		fmt.Println(err)
	}
}
