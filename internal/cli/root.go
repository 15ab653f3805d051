// Package cli holds awsmap's commands: one file per command, the scan being
// the root command.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/awsmap/awsmap/internal/config"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/suggest"
)

// Exit codes, documented in the README.
const (
	ExitOK      = 0
	ExitFatal   = 1 // no credentials, AWS unreachable, store failure
	ExitUsage   = 2 // bad flags or input, refused SQL
	ExitPartial = 3 // the scan finished but some collections failed
	// ExitFindings and ExitIncomplete are used by audits with --fail-on.
	ExitFindings    = 4 // --fail-on findings: the audit found something
	ExitIncomplete  = 5 // --fail-on: some input the audit reads was not collected (UNKNOWN)
	ExitChanges     = 6 // diff --fail-on changes: something was added, removed or modified
	ExitInterrupted = 130
)

// exitError carries an exit code up to Execute.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr marks err as the user's mistake (exit 2).
func usageErr(format string, a ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, a...)}
}

// withCode wraps err with an exit code.
func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// storeErr is the exit error of an inventory that cannot be opened: a file
// that is not an awsmap inventory is the user's mistake (exit 2).
func storeErr(err error) error {
	var notInventory *store.NotInventoryError
	if errors.As(err, &notInventory) {
		return withCode(ExitUsage, err)
	}
	return withCode(ExitFatal, err)
}

// Execute runs the process's command line and returns its exit code.
func Execute() int {
	scan.LimitMemory()
	return Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
}

// Run runs awsmap with args and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != errSilent {
			fmt.Fprintln(stderr, "awsmap:", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors are flag and argument mistakes.
	fmt.Fprintln(stderr, "awsmap:", err)
	fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	return ExitUsage
}

// flagError adds to a flag mistake the closest flag and the command whose
// help to read: "unknown flag: --regon (did you mean --region?)".
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := suggest.Closest(name, names, 1); len(s) > 0 {
			msg += fmt.Sprintf(" (did you mean --%s?)", s[0])
		}
	}
	return usageErr("%s\nRun '%s --help' for usage.", msg, cmd.CommandPath())
}

// noArgsButCommands refuses arguments to a command that takes none but has
// subcommands, suggesting the closest: "unknown command "qurey" (did you mean query?)".
func noArgsButCommands(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
			names = append(names, c.Aliases...)
		}
	}
	return usageErr("%v\nRun '%s --help' for usage.", suggest.Unknown("command", args[0], names), cmd.CommandPath())
}

// errSilent exits with a code after the command already said why.
var errSilent = errors.New("")

// defaultDB is where the inventory lives when nothing says otherwise.
func defaultDB() string { return filepath.Join(homeDir(), ".awsmap", "inventory.db") }

func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}

func newRootCmd() *cobra.Command {
	root := newScanCmd()
	root.Version = buildVersion()
	root.SilenceUsage = true
	root.SilenceErrors = true
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().String("db", "", "inventory database (default ~/.awsmap/inventory.db, or $AWSMAP_DB)")
	root.PersistentFlags().Int("width", 0, "fit tables to N columns (default: the terminal's width; no limit in a pipe or file)")
	root.PersistentPreRunE = applyWidth
	root.AddCommand(
		newQueryCmd(),
		newAskCmd(),
		newExamplesCmd(),
		newReportCmd(),
		newDiffCmd(),
		newHistoryCmd(),
		newSchemaCmd(),
		newCoverageCmd(),
		newWasteCmd(),
		newTagsCmd(),
		newDemoCmd(),
		newConfigCmd(),
		newAccountsCmd(),
		newVersionCmd(),
	)
	registerCompletions(root)
	return root
}

// applyWidth makes the tables of the command fit --width.
func applyWidth(cmd *cobra.Command, _ []string) error {
	if !cmd.Flags().Changed("width") {
		return nil
	}
	n, err := cmd.Flags().GetInt("width")
	if err != nil || n < 20 {
		return usageErr("--width must be a number of columns, at least 20")
	}
	cmd.SetOut(sizedWriter{cmd.OutOrStdout(), n})
	return nil
}

// dbPath is the inventory of any command: --db, then $AWSMAP_DB, then the
// config's db, then ~/.awsmap/inventory.db.
func dbPath(cmd *cobra.Command) string {
	if p, _ := cmd.Flags().GetString("db"); p != "" {
		return p
	}
	if p := os.Getenv("AWSMAP_DB"); p != "" {
		return p
	}
	if c, err := config.Load(); err == nil && c.DB != "" {
		return c.DB
	}
	return defaultDB()
}
