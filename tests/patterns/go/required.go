package required

import (
	"errors"
	"fmt"
	"log"
	"os"
)

func fatal() string {
	token := os.Getenv("API_TOKEN") // expect: read API_TOKEN required
	if token == "" {
		log.Fatal("API_TOKEN is required")
	}
	return token
}

func errorReturn() (string, error) {
	dsn := os.Getenv("DATABASE_URL") // expect: read DATABASE_URL required
	if dsn == "" {
		return "", fmt.Errorf("DATABASE_URL is not set")
	}
	return dsn, nil
}

func inline() {
	if os.Getenv("MUST_HAVE") == "" { // expect: read MUST_HAVE required
		panic("MUST_HAVE")
	}
}

func lookup() (string, error) {
	v, ok := os.LookupEnv("LOOKUP_REQUIRED") // expect: read LOOKUP_REQUIRED required
	if !ok {
		return "", errors.New("missing")
	}
	return v, nil
}

func optional() string {
	v := os.Getenv("OPTIONAL") // expect: read OPTIONAL
	if v == "" {
		log.Println("OPTIONAL not set, carrying on")
	}
	return v
}

func initLookup() string {
	if v, ok := os.LookupEnv("INIT_LOOKUP"); !ok { // expect: read INIT_LOOKUP required
		log.Fatalln("INIT_LOOKUP is required")
	} else {
		return v
	}
	return ""
}

func exits() {
	if p := os.Getenv("EXIT_WITHOUT"); p == "" { // expect: read EXIT_WITHOUT required
		os.Exit(2)
	}
}

func lenCheck() string {
	v := os.Getenv("LEN_CHECKED") // expect: read LEN_CHECKED required
	if len(v) == 0 {
		log.Fatalf("LEN_CHECKED missing")
	}
	return v
}

type chainLogger struct{}

func (chainLogger) WithFatal() chainLogger      { return chainLogger{} }
func (chainLogger) WithField(string) chainLogger { return chainLogger{} }
func (chainLogger) Error(string)                 {}

func fluentFatal(logger chainLogger) string {
	id, ok := os.LookupEnv("ELECTION_ID") // expect: read ELECTION_ID required
	if !ok {
		logger.WithFatal().Error("ELECTION_ID must be set")
	}
	name, ok := os.LookupEnv("ONLY_LOGGED") // expect: read ONLY_LOGGED
	if !ok {
		logger.WithField("x").Error("not fatal: the program goes on")
	}
	return id + name
}
