package constants

const (
	EnvBaseURL        = "OLLAMA_BASE_URL"
	envTimeout string = "OLLAMA" + "_TIMEOUT"
)
