package closures

import (
	"os"
	"strings"
)

type Cfg struct{ prefix string }

// A method whose parameter is the name read: its calls on any receiver are reads.
func (c *Cfg) get(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func (c *Cfg) mustGet(key string) string {
	v := os.Getenv(key)
	if v == "" {
		panic(key + " is required")
	}
	return v
}

func load(c *Cfg) {
	_ = c.get("METHOD_URL", "http://localhost") // expect: read METHOD_URL default="http://localhost"
	_ = c.mustGet("METHOD_SECRET") // expect: read METHOD_SECRET required
	get := func(k string) string { return os.Getenv(k) }
	_ = get("CLOSURE_NAME") // expect: read CLOSURE_NAME
	lookup := func(k string) string {
		v := os.Getenv(k)
		if v == "" {
			v = "fallback"
		}
		return v
	}
	_ = lookup("CLOSURE_DEFAULT") // expect: read CLOSURE_DEFAULT default="fallback"
}

// The closure `get` of load is not visible here: this get is a local function value.
func other(get func(string) string) {
	_ = get("NOT_A_READ")
	_ = strings.ToUpper("ALSO_NOT")
}

// A closure reading its outer function's parameter: the outer function is the wrapper.
func outer(name string) string {
	read := func() string { return os.Getenv(name) }
	return read()
}

func useOuter() {
	_ = outer("OUTER_NAME") // expect: read OUTER_NAME
}

// An unnamed closure called at once: its read stays dynamic.
func immediate() string {
	return func(k string) string { return os.Getenv(k) }("X") // expect: read <dynamic k>
}
