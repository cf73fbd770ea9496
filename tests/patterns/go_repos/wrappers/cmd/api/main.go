package main

import (
	"context"
	"strings"
	"time"

	"example.com/shop/internal/names"
	"example.com/shop/pkg/envutil"
	outside "github.com/other/envkit"
)

var defaultPort = strings.TrimSpace(" 8080 ")

func main() {
	_ = envutil.Get("PORT", defaultPort)
	_ = envutil.Get("HOST", "0.0.0.0")
	_ = envutil.MustGet(names.Secret)
	_ = envutil.Lookup("NOT_A_READ")
	_ = outside.MustGet("OUTSIDE_KEY")
	mode := "local"
	if mode == "local" {
		_ = envutil.Get("LOCAL_ONLY", "")
	}
	_ = envutil.DurationOr(context.Background(), "GC_PERIOD", 5*time.Minute)
}
