package envutil

import (
	"log"
	"os"
)

// Get is a wrapper: its calls from other packages are reads.
func Get(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func MustGet(key string) string {
	v, ok := os.LookupEnv(key)
	if !ok {
		log.Fatalf("%s is not set", key)
	}
	return v
}

// Lookup is not a wrapper: it reads a fixed name.
func Lookup(key string) string {
	return os.Getenv("FIXED_NAME")
}
