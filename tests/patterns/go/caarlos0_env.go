package caarlos0demo

import (
	"github.com/caarlos0/env/v11"
)

type Redis struct {
	Addr string `env:"ADDR" envDefault:"localhost:6379"` // expect: read CACHE_ADDR default="localhost:6379"
}

type Config struct {
	Home     string `env:"HOME"` // expect: read HOME
	Port     int    `env:"PORT" envDefault:"3000"` // expect: read PORT default="3000"
	Token    string `env:"API_TOKEN,required"` // expect: read API_TOKEN required
	Strict   string `env:"STRICT,notEmpty"` // expect: read STRICT required
	Untagged string
	Cache    Redis `envPrefix:"CACHE_"`
	hidden   string `env:"HIDDEN"`
}

type Prefixed struct {
	Level string `env:"LEVEL" envDefault:"info"` // expect: read SVC_LEVEL default="info"
}

func parse() (Config, error) {
	cfg := Config{}
	err := env.Parse(&cfg)
	return cfg, err
}

func parsePrefixed() error {
	var p Prefixed
	return env.ParseWithOptions(&p, env.Options{Prefix: "SVC_"})
}
