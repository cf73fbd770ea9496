package readconditions

import "os"

func endpoint(mode string) string {
	url := os.Getenv("DEFAULT_URL") // expect: read DEFAULT_URL
	if mode == "local" {
		url = os.Getenv("LOCAL_URL") // expect: read LOCAL_URL if(mode == "local")
	} else {
		url = os.Getenv("REMOTE_URL") // expect: read REMOTE_URL if(!(mode == "local"))
	}
	switch mode {
	case "test":
		return os.Getenv("TEST_URL") // expect: read TEST_URL if(mode == "test")
	}
	if v := os.Getenv("OVERRIDE"); v != "" { // expect: read OVERRIDE default=<url>
		return v
	}
	return url
}
