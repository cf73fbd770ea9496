package helpers

import (
	"github.com/acme/kit/envutil"
	env "github.com/example/go-env"
	"github.com/other/getenv"
	"github.com/other/strutil"
)

func load() {
	_ = env.GetAsString("SERVICE_URL", true, "") // expect: read SERVICE_URL default=<true, "">
	_ = envutil.MustGet("DATABASE_DSN") // expect: read DATABASE_DSN required
	_ = getenv.String("LOG_LEVEL", "info") // expect: read LOG_LEVEL default="info"
	_ = envutil.Get("PLAIN") // expect: read PLAIN
	_ = envutil.RequiredString("REGION") // expect: read REGION required
	_ = envutil.Get("lowercase.key")
	_ = envutil.SetDefault("NOT_A_READ", "x")
	_ = strutil.Trim("NOT_ENV")
}
