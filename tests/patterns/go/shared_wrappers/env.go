package sharedwrappers

import "os"

const defaultURL = "http://localhost:11434"

// envOr is a wrapper defined in one file and called from another.
func envOr(key, fallback string) string {
	v, ok := os.LookupEnv(key)
	if !ok {
		return fallback
	}
	return v
}

// withDefault fixes its default inside the wrapper.
func withDefault(key string) string {
	v := os.Getenv(key)
	if v == "" {
		v = "fixed"
	}
	return v
}

func direct() string {
	return os.Getenv("DIRECT_IN_WRAPPER_FILE") // expect: read DIRECT_IN_WRAPPER_FILE
}
