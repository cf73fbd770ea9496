package clidemo

import (
	cliv1 "github.com/urfave/cli"
	"github.com/urfave/cli/v2"
)

var flags = []cli.Flag{
	&cli.StringFlag{
		Name:    "listen",
		Value:   ":8080",
		EnvVars: []string{"LISTEN_ADDR", "ADDR"}, // expect: read LISTEN_ADDR default=":8080" ; read ADDR default=":8080"
	},
	&cli.IntFlag{Name: "workers", Value: 4, EnvVars: []string{"WORKERS"}}, // expect: read WORKERS default="4"
	&cli.BoolFlag{Name: "verbose"},
}

var legacy = cliv1.StringFlag{Name: "token", EnvVar: "TOKEN,API_TOKEN"} // expect: read TOKEN ; read API_TOKEN

// Not a flag type: no read.
var other = cli.Command{Name: "serve", Usage: "EnvVars"}
