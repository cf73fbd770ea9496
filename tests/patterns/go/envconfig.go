package envconfigdemo

import (
	"log"

	"github.com/kelseyhightower/envconfig"
)

type Database struct {
	URL      string `required:"true"` // expect: read APP_DB_URL required
	PoolSize int    `default:"10"` // expect: read APP_DB_POOLSIZE default="10"
}

type Common struct {
	Region string // expect: read APP_REGION
}

type Config struct {
	Common
	Port        int    `envconfig:"PORT" default:"8080"` // expect: read APP_PORT default="8080" ; read PORT default="8080" fallback-of=APP_PORT
	BaseURL     string `split_words:"true"` // expect: read APP_BASE_URL
	HTTPTimeout string `split_words:"true"` // expect: read APP_HTTP_TIMEOUT
	Debug       bool // expect: read APP_DEBUG
	Skipped     string `ignored:"true"`
	DB          Database
	secret      string // unexported: envconfig cannot set it
}

// A struct never handed to envconfig is no read.
type private struct {
	Token string `envconfig:"TOKEN"`
}

type Plain struct {
	Name string `envconfig:"SERVICE_NAME" required:"true"` // expect: read SERVICE_NAME required
}

func load() Config {
	var cfg Config
	if err := envconfig.Process("app", &cfg); err != nil {
		log.Fatal(err)
	}
	return cfg
}

func loadPlain() *Plain {
	p := &Plain{}
	envconfig.MustProcess("", p)
	return p
}
