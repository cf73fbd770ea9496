package expanddemo

import "os"

const tmpl = "postgres://$PGUSER@${PGHOST}:5432"

func dsn() string {
	return os.ExpandEnv("http://${API_HOST}:$API_PORT/$API_HOST") // expect: read API_HOST ; read API_PORT
}

func fromConst() string {
	return os.Expand(tmpl, os.Getenv) // expect: read PGUSER ; read PGHOST
}

// os.Expand with another mapping reads nothing from the environment.
func mapped(values map[string]string) string {
	return os.Expand("$NOT_ENV", func(k string) string { return values[k] })
}

func dynamic(t string) string {
	return os.ExpandEnv(t)
}
