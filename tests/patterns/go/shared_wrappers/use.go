package sharedwrappers

func use() {
	_ = envOr("OLLAMA_BASE_URL", defaultURL) // expect: read OLLAMA_BASE_URL default="http://localhost:11434"
	_ = withDefault("WITH_FIXED") // expect: read WITH_FIXED default="fixed"
	_ = envOr(NameInOtherFile, "x") // expect: read OTHER_FILE_NAME default="x"
}
