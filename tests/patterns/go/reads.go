package reads

import (
	"fmt"
	xos "os"
	"syscall"
)

const prefix = "APP_"

func plain() {
	fmt.Println(xos.Getenv("PLAIN")) // expect: read PLAIN
	fmt.Println(xos.Getenv(`RAW_NAME`)) // expect: read RAW_NAME
	fmt.Println(xos.Getenv(prefix + "PORT")) // expect: read APP_PORT
	v, ok := xos.LookupEnv("LOOKED_UP") // expect: read LOOKED_UP
	fmt.Println(v, ok)
	s, _ := syscall.Getenv("SYS_NAME") // expect: read SYS_NAME
	fmt.Println(s)
}

type config struct{}

func (config) Getenv(name string) string { return name }

func lookAlikes(c config, key string) {
	fmt.Println(c.Getenv("NOT_A_READ"))
	fmt.Println(xos.Getenv(key + "_SUFFIX")) // expect: read <dynamic key + "_SUFFIX">
}
