package dynamic

import (
	"fmt"
	"os"
	"strings"
)

func names(keys []string) {
	service := strings.ToUpper(os.Args[0])
	fmt.Println(os.Getenv(service)) // expect: read <dynamic service>
	fmt.Println(os.Getenv(fmt.Sprintf("%s_URL", service))) // expect: read <dynamic fmt.Sprintf("%s_URL", service)>
	for _, k := range keys {
		v, ok := os.LookupEnv(k) // expect: read <dynamic k>
		fmt.Println(v, ok)
	}
	fmt.Println(os.Getenv("SVC_" + "PORT")) // expect: read SVC_PORT
	fmt.Println(os.Getenv(("PAREN"))) // expect: read PAREN
	fmt.Println(os.Getenv(fmt.Sprintf("%s_%s", "FROM", "SPRINTF"))) // expect: read FROM_SPRINTF
}

// The parameter does not reach os.Getenv as itself, so this is not a wrapper: the read is dynamic.
func prefixed(service string) string {
	return os.Getenv(fmt.Sprintf("%s_URL", service)) // expect: read <dynamic fmt.Sprintf("%s_URL", service)>
}
