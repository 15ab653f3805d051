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

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/config"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// Version is set at build time with -ldflags "-X github.com/awsmap/awsmap/internal/cli.Version=…".
var Version = "dev"

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
	err := root.ExecuteContext(ctx)
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
	fmt.Fprintln(stderr, "Run 'awsmap --help' for usage.")
	return ExitUsage
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
	root.Version = Version
	root.SilenceUsage = true
	root.SilenceErrors = true
	root.PersistentFlags().String("db", "", "inventory database (default ~/.awsmap/inventory.db, or $AWSMAP_DB)")
	root.AddCommand(
		newQueryCmd(),
		newAskCmd(),
		newExamplesCmd(),
		newReportCmd(),
		newDiffCmd(),
		newHistoryCmd(),
		newSchemaCmd(),
		newWasteCmd(),
		newTagsCmd(),
		newDemoCmd(),
		newConfigCmd(),
		newAccountsCmd(),
	)
	registerCompletions(root)
	return root
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
