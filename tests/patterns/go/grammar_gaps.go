// Valid Go that the tree-sitter grammar misparses (gaps.py): no problem, and the reads around each
// gap are found (from the repro go-new-expression and forms seen in public repositories).
package gaps

import (
	"os"
	"time"
)

const ( prefix = "GAP_" )

var started = new(time.Now())

func reads() {
	timeout := new(int64(5))
	_ = timeout
	_ = os.Getenv(prefix + "AFTER_NEW") // expect: read GAP_AFTER_NEW
	if ; os.Getenv("GAP_IN_IF") != "" { // expect: read GAP_IN_IF
		_ = new(string(os.Getenv("GAP_IN_NEW"))) // expect: read GAP_IN_NEW if(os.Getenv("GAP_IN_IF") != "")
	}
}

type last struct{}