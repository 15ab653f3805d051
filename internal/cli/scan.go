package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/config"
	"github.com/awsmap/awsmap/internal/export"
	"github.com/awsmap/awsmap/internal/inventory"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/regions"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// awsOverride answers or paces a scan's AWS calls in process: tests fault or
// slow down a scan through the same responder middleware the demo uses,
// shorten the retry backoff of scans and demos they throttle, and scan the
// demo estate in fewer regions. It travels in Run's context
// (withAWSOverride), so runs in parallel tests do not share it; the binary
// never sets it.
type awsOverride struct {
	responder   awsx.Responder
	maxBackoff  time.Duration
	demoRegions []string // nil: every region of the demo estate
}

type awsOverrideKey struct{}

func withAWSOverride(ctx context.Context, o awsOverride) context.Context {
	return context.WithValue(ctx, awsOverrideKey{}, o)
}

func awsOverrideOf(ctx context.Context) awsOverride {
	o, _ := ctx.Value(awsOverrideKey{}).(awsOverride)
	return o
}

type scanFlags struct {
	profile, endpoint, format, output string
	regions, services, tags           []string
	workers                           int
	quiet, timings, includeGlobal     bool
	excludeDefaults, noDB, list       bool
	org                               orgFlags
}

func newScanCmd() *cobra.Command {
	f := &scanFlags{}
	cmd := &cobra.Command{
		Use:   "awsmap [flags]",
		Short: "Map an AWS estate into a local SQLite inventory",
		Long: `awsmap scans every enabled region of an AWS account and stores what it finds
in a local SQLite inventory (~/.awsmap/inventory.db). Later commands answer
questions about it offline.

Running awsmap without a command scans. Every API call is recorded in a ledger;
a scan where some collections failed is stored, labelled partial, and exits 3.

--org scans every account of an AWS Organization from its management account,
assuming --role-name in each member; an account that cannot be reached is
recorded with its reason and the others proceed (exit 3). --assume-role adds
accounts outside an organization. See docs/org-setup.md.`,
		Example: `  awsmap -p prod                          # scan every enabled region
  awsmap -p prod -r eu-west-1 -s ec2,s3   # two services in one region
  awsmap -t Environment=prod -f json -o prod.json
  awsmap --endpoint-url http://127.0.0.1:5000 -r us-east-1   # an emulator
  awsmap --org --account-workers 8        # every account of the organization
  awsmap --org --ou Workloads --exclude-accounts 123456789012
  awsmap --assume-role arn:aws:iam::123456789012:role/AwsmapReader
  awsmap --list-services`,
		Args: noArgsButCommands,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.list {
				return listServices(cmd.OutOrStdout())
			}
			return runScan(cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.profile, "profile", "p", "", "AWS profile (default: the SDK's default credential chain)")
	fl.StringSliceVarP(&f.regions, "region", "r", nil, "regions to scan, comma-separated or repeated (default: every enabled region)")
	fl.StringSliceVarP(&f.services, "services", "s", nil, "services to scan (default: all; see --list-services)")
	fl.IntVarP(&f.workers, "workers", "w", scan.DefaultWorkers, "collections running at once")
	fl.StringArrayVarP(&f.tags, "tag", "t", nil, "keep only resources tagged Key=Value in the export (same key: OR; keys: AND)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress or summary")
	fl.BoolVar(&f.timings, "timings", false, "print time spent per service")
	fl.BoolVar(&f.includeGlobal, "include-global", false, "with -r, also scan global services (IAM, Route 53, ...) whatever their control-plane region")
	fl.BoolVar(&f.excludeDefaults, "exclude-defaults", false, "leave AWS-created default resources (default VPC, ...) out of the export")
	fl.BoolVar(&f.noDB, "no-db", false, "do not store the scan (use with -f/-o to export only)")
	fl.StringVarP(&f.format, "format", "f", "", "export format: json, csv or html (a report; default: from -o's extension)")
	fl.StringVarP(&f.output, "output", "o", "", "export file (default: <account>_inventory_<time>.<format> when -f is given)")
	fl.StringVar(&f.endpoint, "endpoint-url", os.Getenv("AWS_ENDPOINT_URL"), "send every API call to this URL (emulator or proxy); also $AWS_ENDPOINT_URL")
	fl.BoolVar(&f.list, "list-services", false, "list the service collectors and their resource types, then exit")
	f.org.register(fl)
	return cmd
}

func listServices(w io.Writer) error {
	svcs := all.Services()
	fmt.Fprintf(w, "Available service collectors (%d):\n", len(svcs))
	for i, s := range svcs {
		var types []string
		for _, t := range s.Types {
			types = append(types, t.Name)
		}
		scope := ""
		switch s.Scope {
		case collect.Global:
			scope = " (global)"
		case collect.AccountWide:
			scope = " (account-wide)"
		}
		fmt.Fprintf(w, "%3d. %-16s %s%s\n", i+1, s.Name, strings.Join(types, ", "), scope)
	}
	return nil
}

// scanInput is everything validated before the first AWS call.
type scanInput struct {
	accounts scan.Selection
	services []*collect.Service
	filter   export.Filter
	export   *exportTarget
}

func validateScan(f *scanFlags) (scanInput, error) {
	var in scanInput
	var err error
	if in.services, err = scan.SelectServices(all.Services(), splitList(f.services)); err != nil {
		return in, usageErr("%v; run 'awsmap --list-services'", err)
	}
	for _, r := range splitList(f.regions) {
		if err := regions.Check(strings.ToLower(r)); err != nil {
			return in, usageErr("-r: %v", err)
		}
	}
	if in.filter, err = export.ParseTagFilter(f.tags); err != nil {
		return in, usageErr("%v", err)
	}
	in.filter.ExcludeDefaults = f.excludeDefaults
	if f.workers < 1 {
		return in, usageErr("--workers must be at least 1")
	}
	if in.accounts, err = f.org.selection(); err != nil {
		return in, err
	}
	if in.export, err = parseExport(f.format, f.output); err != nil {
		return in, usageErr("%v", err)
	}
	if f.noDB && in.export == nil {
		return in, usageErr("--no-db without -f or -o would discard the scan")
	}
	if f.noDB && in.export.format == "html" {
		return in, usageErr("-f html reports from the inventory: drop --no-db")
	}
	return in, nil
}

// applyConfig fills the flags the user did not give from ~/.awsmap/config:
// a flag on the command line wins over the configuration.
func applyConfig(cmd *cobra.Command, f *scanFlags) {
	c := loadConfig(cmd)
	for _, p := range c.Problems {
		fmt.Fprintf(cmd.ErrOrStderr(), "awsmap: warning: %s: %s (ignored)\n", config.Path(), p)
	}
	unset := func(name string) bool { return !cmd.Flags().Changed(name) }
	if unset("profile") && c.Profile != "" {
		f.profile = c.Profile
	}
	if unset("region") && len(c.Regions) > 0 {
		f.regions = c.Regions
	}
	if unset("services") && len(c.Services) > 0 {
		f.services = c.Services
	}
	if unset("workers") && c.Workers > 0 {
		f.workers = c.Workers
	}
	if unset("exclude-defaults") && c.ExcludeDefaults != nil {
		f.excludeDefaults = *c.ExcludeDefaults
	}
}

func runScan(cmd *cobra.Command, f *scanFlags) error {
	applyConfig(cmd, f)
	in, err := validateScan(f)
	if err != nil {
		return err
	}
	if !f.noDB {
		// A wrong --db fails here, before any AWS call.
		if err := store.Check(dbPath(cmd)); err != nil {
			return storeErr(err)
		}
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	say := newSayer(cmd.ErrOrStderr(), f.quiet)

	override := awsOverrideOf(ctx)
	sess, err := inventory.Open(ctx, awsx.Options{Profile: f.profile, EndpointURL: f.endpoint,
		Responder: override.responder, MaxBackoff: override.maxBackoff})
	var unknownProfile *awsx.UnknownProfileError
	if errors.As(err, &unknownProfile) {
		return usageErr("%v", err)
	}
	if err != nil {
		return withCode(ExitFatal, err)
	}
	say.line("Validating AWS credentials...")
	id, err := account.WhoAmI(ctx, sess.Config)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	say.identity(id)
	enabled, err := account.EnabledRegions(awsx.WithAccount(ctx, id.Account), sess.Config)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	regions, err := scan.SelectRegions(enabled, splitList(f.regions))
	if err != nil {
		return usageErr("%v", err)
	}
	plan := scan.NewPlan(in.services, regions, len(f.regions) > 0, f.includeGlobal)
	if len(plan.SkippedGlobal) > 0 {
		skipped := fmt.Sprintf("%s skipped: global services are called in %s, which -r does not include; add --include-global to scan them",
			strings.Join(serviceNames(plan.SkippedGlobal), ", "), plan.Home)
		if len(plan.Tasks) == 0 {
			return usageErr("nothing to scan: %s", skipped)
		}
		say.line(skipped + ".")
	}
	accounts, err := scan.SelectAccounts(ctx, sess.Config, id, f.profile, in.accounts)
	var wrong *scan.SelectionError
	if errors.As(err, &wrong) {
		return usageErr("%v", err)
	}
	if err != nil {
		return withCode(ExitFatal, err)
	}
	several := len(accounts) > 1

	exp, html, err := openExport(in, exportName(id, several))
	if err != nil {
		return withCode(ExitFatal, err)
	}
	var stored string
	if !f.noDB {
		stored = dbPath(cmd)
		noticeUpgrade(cmd, stored)
		if err := sess.Store(stored, scanMeta(f, id, plan, several)); err != nil {
			return storeErr(errors.Join(err, exp.close()))
		}
	}
	reachable := scan.Reachable(accounts)
	switch {
	case reachable < len(accounts):
		say.line(fmt.Sprintf("Scanning %d of %s (%d could not be reached: see the summary)...",
			reachable, plural(len(accounts), "account"), len(accounts)-reachable))
	case several:
		say.line(fmt.Sprintf("Scanning %s...", plural(len(accounts), "account")))
	}
	say.line(fmt.Sprintf("Scanning %s in %s (%s, %s)...", plural(len(plan.Services), "service"),
		plural(len(plan.Regions), "region"), plural(len(plan.Tasks)*reachable, "collection"), plural(f.workers, "worker")))
	progress := newProgress(ctx, cmd.ErrOrStderr(), f.quiet, sess.Ledger)
	out, err := sess.Run(ctx, accounts, plan,
		scan.Options{Workers: f.workers, AccountWorkers: f.org.accountWorkers, Local: f.endpoint != "", Progress: progress}, exp.writer())
	progress.Stop()
	if err := errors.Join(exp.close(), err); err != nil {
		return withCode(ExitFatal, err)
	}
	if ctx.Err() != nil {
		reportInterrupted(cmd.ErrOrStderr(), out, stored, exp)
		return withCode(ExitInterrupted, errSilent)
	}
	if html != "" {
		if err := writeScanReport(cmd, html, accountIDs(accounts)); err != nil {
			return err
		}
	}
	sum := summarize(out.Result, sess.Ledger)
	if !f.quiet {
		printSummary(cmd.ErrOrStderr(), sum, out.Result, f.timings)
		printAccounts(cmd.ErrOrStderr(), out.Result)
		exp.report(cmd.ErrOrStderr())
		if stored != "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "Stored in %s (scan %d) in %.1fs\n", stored, out.ScanID, out.Stored.Seconds())
		}
	}
	if sum.failedCollections > 0 {
		return withCode(ExitPartial, errSilent)
	}
	return nil
}

// reportInterrupted is the one message of an interrupted scan: nothing of it
// was merged into the inventory (stored, "" for none), and an export file
// holds only a part.
func reportInterrupted(w io.Writer, out inventory.Outcome, stored string, exp *exportSink) {
	msg := fmt.Sprintf("Interrupted after %.1fs:", out.Result.Duration.Seconds())
	if stored != "" {
		msg += fmt.Sprintf(" scan %d was recorded as aborted and its data was not stored; %s keeps its previous state.",
			out.ScanID, stored)
	}
	if exp != nil {
		msg += fmt.Sprintf(" %s is incomplete (%s written).", exp.path, plural(exp.w.Count(), "resource"))
	}
	fmt.Fprintln(w, msg)
}

// splitList accepts both repeated flags and comma lists.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// scanMeta describes the scan as it starts; a scan of several accounts
// names none in scans (they go to scan_accounts).
func scanMeta(f *scanFlags, id account.Identity, plan scan.Plan, several bool) store.ScanMeta {
	account, alias := id.Account, id.Alias
	if several {
		account, alias = "", ""
	}
	return store.ScanMeta{
		AccountID: account, AccountAlias: alias, Profile: f.profile,
		Regions: plan.Regions, Services: serviceNames(plan.Services), ToolVersion: buildVersion(),
		Options: map[string]any{"tags": f.tags, "exclude_defaults": f.excludeDefaults, "include_global": f.includeGlobal, "endpoint_url": f.endpoint},
	}
}

func serviceNames(svcs []*collect.Service) []string {
	out := make([]string, len(svcs))
	for i, s := range svcs {
		out[i] = s.Name
	}
	return out
}

// exportSink writes the resources an export filter keeps to a file; a nil
// *exportSink exports nothing.
type exportSink struct {
	w      *export.Writer
	filter export.Filter
	path   string
}

// openExport opens the -f/-o export file, or returns the path of the HTML
// report to write once the scan is stored (-f html); default file names
// start with name.
func openExport(in scanInput, name string) (exp *exportSink, html string, err error) {
	switch {
	case in.export == nil:
		return nil, "", nil
	case in.export.format == "html":
		if html = in.export.path; html == "" {
			html = reportFileName(name)
		}
		return nil, html, nil
	}
	path := in.export.path
	if path == "" {
		path = fmt.Sprintf("%s_inventory_%s.%s", name, time.Now().UTC().Format("20060102_150405"), in.export.format)
	}
	w, err := export.Create(path, in.export.format)
	if err != nil {
		return nil, "", err
	}
	return &exportSink{w: w, filter: in.filter, path: path}, "", nil
}

// writer is e as a scan.Writer, or nil (not a nil *exportSink in an interface).
func (e *exportSink) writer() scan.Writer {
	if e == nil {
		return nil
	}
	return e
}

// Resource implements scan.Writer.
func (e *exportSink) Resource(r *model.Resource) error {
	if e.filter.Match(r) {
		return e.w.Write(r)
	}
	return nil
}

// Relationship implements scan.Writer: exports hold resources only.
func (e *exportSink) Relationship(model.Relationship) error { return nil }

func (e *exportSink) close() error {
	if e == nil {
		return nil
	}
	return e.w.Close()
}

func (e *exportSink) report(w io.Writer) {
	if e != nil {
		fmt.Fprintf(w, "Exported %d resources to %s\n", e.w.Count(), e.path)
	}
}

// exportTarget is a validated -f/-o pair.
type exportTarget struct{ format, path string }

func parseExport(format, path string) (*exportTarget, error) {
	if format == "" && path == "" {
		return nil, nil
	}
	if format == "" {
		switch {
		case strings.HasSuffix(path, ".json"):
			format = "json"
		case strings.HasSuffix(path, ".csv"):
			format = "csv"
		case strings.HasSuffix(path, ".html"):
			format = "html"
		default:
			return nil, fmt.Errorf("cannot tell the export format of %q: add -f json, -f csv or -f html", path)
		}
	}
	if format != "json" && format != "csv" && format != "html" {
		return nil, fmt.Errorf("unknown export format %q (valid: json, csv, html)", format)
	}
	return &exportTarget{format: format, path: path}, nil
}
