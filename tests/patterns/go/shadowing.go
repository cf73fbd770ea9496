package shadowing

import (
	"os"
	"strings"
)

const Key = "PACKAGE_KEY"

func usesConstant() string {
	return os.Getenv(Key) // expect: read PACKAGE_KEY
}

func shadowed(suffix string) string {
	Key := strings.ToUpper(suffix)
	return os.Getenv(Key) // expect: read <dynamic Key>
}

func shadowedByParameter(Key string) string {
	return os.Getenv(Key + "_X") // expect: read <dynamic Key + "_X">
}

func localConstant() string {
	const Key = "LOCAL_KEY"
	return os.Getenv(Key) // expect: read LOCAL_KEY
}

func shadowedImport() string {
	os := map[string]string{}
	return os["NOT_A_READ"]
}
