package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/config"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// loadConfig reads the user configuration; problems are warnings, a file
// that cannot be read counts as empty (with a warning).
func loadConfig(cmd *cobra.Command) config.Config {
	c, err := config.Load()
	if err != nil {
		fmt.Fprintln(cmd.ErrOrStderr(), "awsmap: warning:", err)
		return config.Config{}
	}
	return c
}

func newConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config [set KEY VALUE | get KEY | list | delete KEY]",
		Short: "Show or change the defaults in ~/.awsmap/config",
		Long: `Show or change awsmap's defaults, stored as key=value lines in
~/.awsmap/config (file mode 0600; $AWSMAP_CONFIG overrides the path).
Flags given on the command line always win over the configuration.

Keys:
  db                inventory database path          (all commands)
  exclude_defaults  true or false                    (scan)
  profile           AWS profile                      (scan)
  query_format      table, json, csv or ndjson       (query)
  regions           comma list of regions            (scan)
  required_tags     comma list of tag keys           (tags)
  services          comma list of services           (scan)
  workers           positive integer                 (scan)

'awsmap config' alone lists the configuration.`,
		Args: noArgsButCommands,
		RunE: func(cmd *cobra.Command, _ []string) error { return configList(cmd) },
	}
	cmd.AddCommand(
		&cobra.Command{Use: "set KEY VALUE", Short: "Set a key", Args: cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				if err := checkConfigValue(args[0], args[1]); err != nil {
					return usageErr("%v", err)
				}
				v, err := config.Set(config.Path(), args[0], args[1])
				if err != nil {
					return usageErr("%v", err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s=%s\n", args[0], v)
				return nil
			}},
		&cobra.Command{Use: "get KEY", Short: "Print a key", Args: cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				if _, err := config.Validate(args[0], "x"); err != nil && !isValueErr(args[0]) {
					return usageErr("%v", err)
				}
				e, _, err := config.Read(config.Path())
				if err != nil {
					return withCode(ExitFatal, err)
				}
				if v, ok := e[args[0]]; ok {
					fmt.Fprintf(cmd.OutOrStdout(), "%s=%s\n", args[0], v)
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "%s is not set\n", args[0])
				}
				return nil
			}},
		&cobra.Command{Use: "list", Short: "List the configuration", Args: cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error { return configList(cmd) }},
		&cobra.Command{Use: "delete KEY", Aliases: []string{"unset"}, Short: "Remove a key", Args: cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				was, err := config.Delete(config.Path(), args[0])
				if err != nil {
					return usageErr("%v", err)
				}
				if was {
					fmt.Fprintf(cmd.OutOrStdout(), "%s deleted\n", args[0])
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "%s is not set\n", args[0])
				}
				return nil
			}},
	)
	return cmd
}

// isValueErr reports whether key is valid (so an error from Validate was
// about the placeholder value).
func isValueErr(key string) bool {
	for _, n := range config.KeyNames() {
		if n == key {
			return true
		}
	}
	return false
}

func configList(cmd *cobra.Command) error {
	path := config.Path()
	e, problems, err := config.Read(path)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	for _, p := range problems {
		fmt.Fprintf(cmd.ErrOrStderr(), "awsmap: warning: %s: %s (ignored)\n", path, p)
	}
	out := cmd.OutOrStdout()
	if len(e) == 0 {
		fmt.Fprintf(out, "# %s: nothing set. Valid keys:\n", path)
		for _, k := range config.Keys {
			fmt.Fprintf(out, "#   %-17s %s (used by %s)\n", k.Name, k.Hint, k.Usage)
		}
		return nil
	}
	for _, k := range sortedKeys(e) {
		fmt.Fprintf(out, "%s=%s\n", k, e[k])
	}
	return nil
}

// checkConfigValue checks what the config package cannot know: service
// names against the collectors, and that a db path is not some other
// application's file. The config package checks the rest.
func checkConfigValue(key, value string) error {
	v, err := config.Validate(key, value)
	if err != nil {
		return err
	}
	switch key {
	case "services":
		if _, err := scan.SelectServices(all.Services(), splitList([]string{v})); err != nil {
			return fmt.Errorf("bad value for services: %v; run 'awsmap --list-services'", err)
		}
	case "db":
		if fi, err := os.Stat(v); err == nil && fi.IsDir() {
			return fmt.Errorf("bad value for db: %s is a directory; give the path of a file in it", v)
		}
		if err := store.Check(v); err != nil {
			return fmt.Errorf("bad value for db: %v", err)
		}
	}
	return nil
}
