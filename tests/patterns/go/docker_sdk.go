package dockersdk

import (
	"context"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
)

const agentImage = "ghcr.io/acme/agent:1"

func run(ctx context.Context, cli *client.Client, url string, debug bool) error {
	env := []string{"MODE=batch", "LLM_URL=" + url} // expect: set MODE="batch" ; set LLM_URL
	if debug {
		env = append(env, "DEBUG=1") // expect: set DEBUG="1" if(debug)
	}
	cfg := &container.Config{Image: agentImage, Env: env}
	_, err := cli.ContainerCreate(ctx, cfg, nil, nil, nil, "") // expect: launch docker-run env=closed targets=image:ghcr.io/acme/agent:1
	return err
}

func inline(ctx context.Context, c *client.Client) error {
	_, err := c.ContainerCreate(ctx, &container.Config{ // expect: launch docker-run env=closed targets=image:acme/worker
		Image: "acme/worker",
		Env: []string{
			"QUEUE=jobs", // expect: set QUEUE="jobs"
		},
	}, nil, nil, nil, "w")
	return err
}

func later(verbose bool) container.Config {
	cfg := container.Config{Image: "acme/late"} // expect: launch docker-run env=closed targets=image:acme/late
	if verbose {
		cfg.Env = append(cfg.Env, "VERBOSE=1") // expect: set VERBOSE="1" if(verbose)
	}
	return cfg
}

// Another package's Config type is no container config.
type Config struct{ Env []string }

func notDocker() Config {
	return Config{Env: []string{"NOT_A_SET=1"}}
}
