package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/demo"
	"github.com/awsmap/awsmap/internal/inventory"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

type demoFlags struct {
	seed         int64
	size, scans  int
	workers      int
	force, quiet bool
	drift        float64
	// what the estate simulates (demo.ServeOptions)
	latency  time.Duration
	throttle float64
	deny     []string
}

func newDemoCmd() *cobra.Command {
	f := &demoFlags{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Scan a synthetic multi-account estate into ~/.awsmap/demo.db (no AWS account needed)",
		Long: `Build a demo inventory without credentials or network: a deterministic
synthetic estate (3 accounts, 6 regions, every resource type awsmap collects,
with realistic tags, ages and planted problems) is served in process to the
real AWS SDK clients, and scanned by the real engine --scans times, with
drift between scans (resources added, removed and modified).

The estate can also answer like a slow, busy or locked-down account: --latency
adds a round trip to every call, --throttle answers a share of the calls with
a throttling error (rate control slows down, the retryer tries again), and
--deny answers services or operations with AccessDenied, so the scan is
partial and the audits that read what was denied say UNKNOWN.

Running it again rebuilds its own demo inventory; any other existing file
is refused unless --force.`,
		Example: `  awsmap demo
  awsmap demo --size 50000 --scans 5 --seed 7 --db /tmp/big.db --force
  awsmap demo --db /tmp/locked.db --deny IAM,S3.GetBucketPolicy --throttle 0.2 --latency 40ms`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDemo(cmd, f) },
	}
	fl := cmd.Flags()
	fl.String("db", "", "demo inventory (default ~/.awsmap/demo.db; never $AWSMAP_DB, the real inventory)")
	fl.Int64Var(&f.seed, "seed", 42, "seed of the synthetic estate (same seed, same estate)")
	fl.IntVar(&f.size, "size", demo.DefaultSize, "approximate number of resources in the estate")
	fl.IntVar(&f.scans, "scans", 3, "scans to run, with drift between them")
	fl.Float64Var(&f.drift, "drift", 0.02, "fraction of resources changed between scans (added, removed, modified)")
	fl.IntVarP(&f.workers, "workers", "w", scan.DefaultWorkers, "collections running at once")
	fl.BoolVar(&f.force, "force", false, "replace an existing file that is not a demo inventory")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress or summary")
	fl.DurationVar(&f.latency, "latency", 0, "simulated round trip added to every API call, e.g. 40ms")
	fl.Float64Var(&f.throttle, "throttle", 0, "share of API calls answered with a throttling error, 0 to 0.5")
	fl.StringSliceVar(&f.deny, "deny", nil, "SDK service ids or ServiceID.Operation answered with AccessDenied, e.g. IAM,S3.GetBucketPolicy")
	return cmd
}

// demoDB is where `awsmap demo` writes: --db, or ~/.awsmap/demo.db (never
// $AWSMAP_DB, which names the real inventory).
func demoDB(cmd *cobra.Command) string {
	if p, _ := cmd.Flags().GetString("db"); p != "" {
		return p
	}
	return filepath.Join(homeDir(), ".awsmap", "demo.db")
}

func runDemo(cmd *cobra.Command, f *demoFlags) error {
	if f.size < 1 || f.scans < 1 || f.workers < 1 {
		return usageErr("--size, --scans and --workers must be at least 1")
	}
	if f.drift < 0 || f.drift > 0.5 {
		return usageErr("--drift must be between 0 and 0.5")
	}
	serve, err := demoServeOptions(f)
	if err != nil {
		return err
	}
	path := demoDB(cmd)
	if err := replaceDB(path, f.force); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := cmd.ErrOrStderr()
	if f.quiet {
		out = io.Discard
	}
	drift := f.drift
	if drift == 0 {
		drift = -1
	}
	est := demo.New(demo.Options{Seed: f.seed, Size: f.size, Drift: drift})
	fmt.Fprintf(out, "Building a demo inventory in %s: seed %d, about %s resources, %d accounts, %d regions, %d scans\n",
		path, f.seed, thousands(f.size), len(demo.Accounts), len(demo.Regions), f.scans)
	start := time.Now()
	var last demoScan
	for s := range f.scans {
		res, err := runDemoScan(ctx, path, est.Scan(s), serve, f.workers, f.seed)
		if err != nil {
			return withCode(ExitFatal, err)
		}
		if ctx.Err() != nil {
			return withCode(ExitInterrupted, errors.New("interrupted"))
		}
		fmt.Fprintf(out, "  scan %d/%d: %s resources, %s API calls%s, %.1fs + %.1fs to store%s\n", s+1, f.scans,
			thousands(res.sum.resources), thousands(res.sum.calls), throttledNote(res.sum), res.sum.duration.Seconds(), res.stored.Seconds(), failedNote(res.sum))
		last = res
	}
	services := map[string]bool{}
	for _, c := range last.res.Collections {
		if c.Items > 0 {
			services[c.Service] = true
		}
	}
	fmt.Fprintf(out, "\nDone in %.1fs: %d scans of %s resources in %d services stored in %s\n",
		time.Since(start).Seconds(), f.scans, thousands(last.sum.resources), len(services), path)
	for _, g := range last.sum.failures {
		fmt.Fprintf(out, "  %s: %s on %s: %s\n", g.service, g.code, g.operation, firstLine(g.message))
	}
	db := ""
	if p, _ := cmd.Flags().GetString("db"); p != "" || path != filepath.Join(homeDir(), ".awsmap", "demo.db") {
		db = " --db " + shellQuote(path)
	} else {
		db = " --db ~/.awsmap/demo.db"
	}
	fmt.Fprintf(out, "\nTry next:\n")
	for _, c := range demoCommands {
		fmt.Fprintf(out, "  awsmap%s %s\n", db, c)
	}
	if last.sum.failedCollections > 0 {
		return withCode(ExitPartial, errSilent)
	}
	return nil
}

// demoServeOptions checks the simulation flags.
func demoServeOptions(f *demoFlags) (demo.ServeOptions, error) {
	if f.latency < 0 || f.latency > 10*time.Second {
		return demo.ServeOptions{}, usageErr("--latency must be between 0 and 10s")
	}
	if f.throttle < 0 || f.throttle > 0.5 {
		return demo.ServeOptions{}, usageErr("--throttle must be between 0 and 0.5")
	}
	deny, err := demo.ResolveDeny(f.deny)
	if err != nil {
		return demo.ServeOptions{}, usageErr("--deny: %v", err)
	}
	return demo.ServeOptions{Latency: f.latency, Throttle: f.throttle, Deny: deny}, nil
}

func throttledNote(s summary) string {
	if s.throttles == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s throttled)", thousands(s.throttles))
}

func failedNote(s summary) string {
	if s.failedCollections == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s failed)", plural(s.failedCollections, "collection"))
}

// demoCommands are the follow-up commands to suggest.
var demoCommands = []string{
	`query "SELECT service, type, count(*) AS n FROM resources GROUP BY 1, 2 ORDER BY n DESC"`,
	`query "SELECT account_id, region, id, open_ports_to_world FROM ec2_security_groups WHERE open_to_world"`,
	`query --list`,
	`query -n public-s3-buckets`,
	`query -n admin-users`,
	`query --scan first "SELECT count(*) FROM resources"`,
	`diff --from first -s ec2 --type modified`,
	`waste --summary`,
	`tags -R Owner,Environment`,
}

func shellQuote(s string) string {
	if strings.ContainsAny(s, " '\"$\\") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// replaceDB removes an existing demo inventory (and its -wal/-shm
// companions) so that the demo can be run again; any other existing file
// is refused unless force.
func replaceDB(path string, force bool) error {
	_, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return withCode(ExitFatal, err)
	}
	if !force {
		demo, err := store.IsDemoInventory(path)
		if err != nil {
			return withCode(ExitFatal, err)
		}
		if !demo {
			return usageErr("%s already exists and is not a demo inventory; use --force to replace it", path)
		}
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return withCode(ExitFatal, fmt.Errorf("replace %s: %w", path, err))
		}
	}
	return nil
}

// demoScan is one scan of the estate through the real engine.
type demoScan struct {
	res    scan.Result
	sum    summary
	stored time.Duration
}

// runDemoScan scans one view of the estate into the database at path: the
// ordinary scan pipeline (inventory.Session), pointed at the estate instead
// of AWS, summarized like a scan.
func runDemoScan(ctx context.Context, path string, view *demo.View, so demo.ServeOptions, workers int, seed int64) (demoScan, error) {
	tg := view.Target(so)
	override := awsOverrideOf(ctx)
	if override.maxBackoff > 0 {
		tg.AWS.MaxBackoff = override.maxBackoff
	}
	sess, err := inventory.Open(ctx, tg.AWS)
	if err != nil {
		return demoScan{}, err
	}
	accounts, err := tg.Accounts(ctx, sess.Config)
	if err != nil {
		return demoScan{}, err
	}
	services := all.Services()
	plan := tg.Plan(services, override.demoRegions...)
	meta := store.ScanMeta{Profile: "demo", // its accounts are recorded per account (scan_accounts)
		Regions: plan.Regions, Services: serviceNames(services), ToolVersion: buildVersion(),
		Options: map[string]any{"demo": true, "size": view.Size(), "scan": view.Number(), "seed": seed}}
	if err := sess.Store(path, meta); err != nil {
		return demoScan{}, err
	}
	out, err := sess.Run(ctx, accounts, plan, scan.Options{Workers: workers, Local: true}, nil)
	if err != nil {
		return demoScan{}, err
	}
	return demoScan{res: out.Result, sum: summarize(out.Result, sess.Ledger), stored: out.Stored}, nil
}
