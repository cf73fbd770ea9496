package defaults

import "os"

const defaultRedis = "127.0.0.1:6379"

func addr() string {
	if v := os.Getenv("ADDR"); v != "" { // expect: read ADDR default="0.0.0.0:8080"
		return v
	}
	return "0.0.0.0:8080"
}

func redis() string {
	r := os.Getenv("REDIS_ADDR") // expect: read REDIS_ADDR default="127.0.0.1:6379"
	if r == "" {
		r = defaultRedis
	}
	return r
}

func mode() string {
	m, ok := os.LookupEnv("MODE") // expect: read MODE default="fast"
	if !ok {
		m = "fast"
	}
	return m
}

func elseBranch() string {
	var out string
	if v := os.Getenv("LEVEL"); v != "" { // expect: read LEVEL default="info"
		out = v
	} else {
		out = "info"
	}
	return out
}

func computed(fallback func() string) string {
	h := os.Getenv("HOST") // expect: read HOST default=<fallback()>
	if h == "" {
		h = fallback()
	}
	return h
}

func platform() string {
	env := os.Getenv("ENV_PLATFORM") // expect: read ENV_PLATFORM default="local"
	if env == "" || !validPlatform(env) {
		env = "local"
	}
	return env
}

func validPlatform(p string) bool { return p == "gcp" || p == "aws" }
