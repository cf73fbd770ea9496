package main

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// viper.BindPFlags with AutomaticEnv: every flag of the bound set is read as ARGO_<FLAG>.
func newServerCommand() *cobra.Command {
	var port int
	var frame, mode string
	var verbose bool
	command := &cobra.Command{Use: "server"}
	command.Flags().IntVarP(&port, "port", "p", 2746, "Port") // expect: read ARGO_PORT default="2746"
	command.Flags().StringVar(&frame, "x-frame-options", "DENY", "header") // expect: read ARGO_X_FRAME_OPTIONS default="DENY"
	command.Flags().Duration("read.timeout", 5*time.Second, "timeout") // expect: read ARGO_READ_TIMEOUT default=<5*time.Second>
	command.Flags().BoolP("browser", "b", false, "open it") // expect: read ARGO_BROWSER default="false"
	command.Flags().CountVarP(new(int), "verbose", "v", "more") // expect: read ARGO_VERBOSE
	command.PersistentFlags().StringVar(&mode, "mode", "x", "not bound here")
	command.Flags().Lookup("port")
	_ = verbose
	viper.AutomaticEnv()
	viper.SetEnvPrefix("ARGO")
	viper.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	_ = viper.BindPFlags(command.Flags())
	return command
}

// Another function's `command` is another flag set: not bound by the call above.
func newOtherCommand() *cobra.Command {
	var level string
	command := &cobra.Command{Use: "other"}
	command.Flags().StringVar(&level, "loglevel", "info", "level")
	return command
}
