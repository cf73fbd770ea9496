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
