package sharedwrappers

const (
	unrelated     = 3
	NameInOtherFile string = "OTHER_FILE_NAME"
)
