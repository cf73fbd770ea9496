package viperdemo

import (
	"strings"

	"github.com/spf13/viper"
)

func setup() {
	viper.SetEnvPrefix("app")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	viper.AutomaticEnv()
	viper.SetDefault("server.port", "8080")
	viper.BindEnv("db.url", "DATABASE_URL") // expect: read DATABASE_URL
	viper.BindEnv("region") // expect: read APP_REGION
}

func use() {
	_ = viper.GetString("server.port") // expect: read APP_SERVER_PORT default="8080"
	_ = viper.GetInt("log.level") // expect: read APP_LOG_LEVEL
	_ = viper.GetString("db.url") // bound: the read is at BindEnv
}

// An instance without AutomaticEnv reads only what is bound.
func separate() {
	v := viper.New()
	v.SetEnvPrefix("other")
	_ = v.GetString("not.read")
	v.BindEnv("token", "OTHER_TOKEN") // expect: read OTHER_TOKEN
}
