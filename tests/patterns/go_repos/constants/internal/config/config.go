package config

const (
	EnvOllamaBaseURL = "OLLAMA_BASE_URL"
	EnvToken         = "AGENT_" + "TOKEN"
	EnvMode          = "MODE"
	envPrivate       = "NOT_EXPORTED"
)

const Image = "ghcr.io/acme/agent:1"
