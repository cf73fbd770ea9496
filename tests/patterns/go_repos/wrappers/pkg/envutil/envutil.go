package envutil

import (
	"context"
	"log"
	"os"
	"time"
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

// DurationOr takes a context first: the name is its second parameter.
func DurationOr(ctx context.Context, key string, o time.Duration) time.Duration {
	if v, found := os.LookupEnv(key); found && v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return o
}
