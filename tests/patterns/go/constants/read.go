package constants

import "os"

func baseURL() string {
	return os.Getenv(EnvBaseURL) // expect: read OLLAMA_BASE_URL
}

func timeout() string {
	return os.Getenv(envTimeout) // expect: read OLLAMA_TIMEOUT
}
