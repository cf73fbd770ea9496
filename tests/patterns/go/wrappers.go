package wrappers

import (
	"log"
	"os"
	"strings"
)

const nameConst = "FROM_CONST"

func getEnv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func mustEnv(key string) string {
	v := os.Getenv(key)
	if v == "" {
		log.Fatalf("%s is required", key)
	}
	return v
}

func use(dynamic string) {
	_ = getEnv("WRAPPED", "http://localhost:11434") // expect: read WRAPPED default="http://localhost:11434"
	_ = getEnv(nameConst, "") // expect: read FROM_CONST default=""
	_ = mustEnv("SECRET_KEY") // expect: read SECRET_KEY required
	key := strings.ToUpper(dynamic)
	_ = getEnv(key, "x") // expect: read <dynamic key> default="x"
}

func passThrough(key string) string {
	return getEnv(key, "nested")
}

// A wrapper of a wrapper: its calls are the reads, with the fallback it passes on or receives.
func urlOr(name, fallback string) string {
	return getEnv(name, fallback)
}

type store struct{}

// A method is a wrapper too: the read inside is no fact, its calls (on any receiver) are.
func (store) get(key string) string {
	return os.Getenv(key)
}

func chained(s store) {
	_ = passThrough("CHAINED") // expect: read CHAINED default="nested"
	_ = urlOr("CHAINED_URL", nameConst) // expect: read CHAINED_URL default="FROM_CONST"
	_ = s.get("METHOD_WRAPPED") // expect: read METHOD_WRAPPED
	_ = getEnv("COMPUTED_DEFAULT", strings.ToLower(nameConst)) // expect: read COMPUTED_DEFAULT default=<strings.ToLower(nameConst)>
}
