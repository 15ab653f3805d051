package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/report/browsertest"
)

var moto *collecttest.Moto
var motoWhy string

// The tests share one moto server: what one seeds, another's moto.Reset
// deletes, and a scan of it sees whatever else is there. So the tests that
// use it run one at a time, each holding motoMu from its start to its end
// (useMoto), and can still be parallel with the tests that do not use moto.
var (
	motoMu   sync.Mutex
	motoUser atomic.Pointer[string] // the name of the test holding motoMu
)

// useMoto skips t without moto, else waits until no other test uses the
// server and keeps it for t until t and its cleanups end. A test that
// uses moto calls it first (after t.Parallel), before seeding or scanning.
func useMoto(t testing.TB) {
	t.Helper()
	collecttest.Skip(t, moto, motoWhy)
	motoMu.Lock()
	name := t.Name()
	motoUser.Store(&name)
	t.Cleanup(func() {
		motoUser.Store(nil)
		motoMu.Unlock()
	})
}

// resetMoto empties moto for t, which must hold it (useMoto): every test
// using moto starts here, so one that forgot useMoto fails rather than
// racing another.
func resetMoto(t testing.TB) {
	t.Helper()
	if u := motoUser.Load(); u == nil || *u != t.Name() {
		t.Fatalf("%s uses moto without useMoto(t): it could overlap another test using moto", t.Name())
	}
	moto.Reset(t)
}

// childEnv makes the test binary act as a slow awsmap scan that the parent
// interrupts or kills (see startSlowScan); the child creates the file named
// by readyEnv when its first collection call arrives, so the scan is stored
// as running by then.
const (
	childEnv = "AWSMAP_TEST_SLOW_SCAN"
	readyEnv = "AWSMAP_TEST_READY_FILE"
)

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		var ready sync.Once
		slow := awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
			if req.Service != "STS" && req.Operation != "DescribeRegions" && req.Operation != "ListAccountAliases" {
				ready.Do(func() { os.WriteFile(os.Getenv(readyEnv), nil, 0o600) })
			}
			time.Sleep(300 * time.Millisecond)
			return nil, awsx.ErrPassThrough
		})
		ctx := withAWSOverride(context.Background(), awsOverride{responder: slow})
		os.Exit(Run(ctx, strings.Split(args, " "), os.Stdout, os.Stderr))
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // a short-lived process with memory to spare: 7% less CPU (docs/benchmarks.md)
	}
	// Scans of moto read credentials as a user's would; the tests never
	// read the user's own AWS files.
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
		"AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull} {
		os.Setenv(k, v)
	}
	os.Unsetenv("AWS_CA_BUNDLE") // moto speaks plain HTTP
	moto, motoWhy = collecttest.StartMoto()
	code := m.Run()
	moto.Stop()
	removeSharedInventories()
	browsertest.Close()
	os.Exit(code)
}

// awsmap runs the CLI in process and returns exit code, stdout and stderr.
func awsmap(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	return awsmapWith(t, nil, args...)
}

// demoTestRegions are the regions tests scan the demo estate in: most of a
// demo scan's work is per region, and two show everything regional.
var demoTestRegions = []string{"eu-west-1", "us-east-1"}

// testContext is the context of the tests' in-process runs: r answers the
// scan's AWS calls before they reach the network (nil: none), retries back
// off 20 ms at most, so faulted scans stay quick, and the demo estate is
// scanned in demoTestRegions.
func testContext(r awsx.Responder) context.Context {
	return withAWSOverride(context.Background(), awsOverride{responder: r, maxBackoff: 20 * time.Millisecond, demoRegions: demoTestRegions})
}

// awsmapWith is awsmap with r answering the scan's AWS calls before they
// reach the network (nil: none), then, for scans of moto, motoGaps (see
// testContext).
func awsmapWith(t testing.TB, r awsx.Responder, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	switch {
	case r != nil:
		r = chain(r, motoGaps)
	case slices.Contains(args, "--endpoint-url"): // a scan of moto; a responder alone would ignore ~/.aws
		r = motoGaps
	}
	code := Run(testContext(r), args, &out, &errb)
	return code, out.String(), errb.String()
}

// estate is what a test seeded into moto.
type estate struct {
	instances map[string][]string // region -> instance ids
	buckets   map[string]string   // name -> region
}

func seed(t *testing.T) estate {
	t.Helper()
	resetMoto(t)
	ctx := context.Background()
	e := estate{instances: map[string][]string{}, buckets: map[string]string{}}
	for region, n := range map[string]int32{"us-east-1": 3, "eu-west-1": 2} {
		cfg := moto.Config(t, region, nil)
		out, err := ec2.NewFromConfig(cfg).RunInstances(ctx, &ec2.RunInstancesInput{
			ImageId: aws.String("ami-12c6146b"), MinCount: aws.Int32(n), MaxCount: aws.Int32(n),
			TagSpecifications: []ec2types.TagSpecification{{ResourceType: ec2types.ResourceTypeInstance,
				Tags: []ec2types.Tag{{Key: aws.String("Owner"), Value: aws.String("team-" + region)}}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range out.Instances {
			e.instances[region] = append(e.instances[region], aws.ToString(in.InstanceId))
		}
		bucket := "bucket-" + region
		in := &s3.CreateBucketInput{Bucket: aws.String(bucket)}
		if region != "us-east-1" {
			in.CreateBucketConfiguration = &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(region)}
		}
		if _, err := s3API(t, region).CreateBucket(ctx, in); err != nil {
			t.Fatal(err)
		}
		e.buckets[bucket] = region
	}
	return e
}

func s3API(t testing.TB, region string) *s3.Client {
	return s3.NewFromConfig(moto.Config(t, region, nil), func(o *s3.Options) { o.UsePathStyle = true })
}

func scanArgs(db string, extra ...string) []string {
	return append([]string{"--endpoint-url", moto.URL, "-r", "us-east-1,eu-west-1", "-s", "ec2,s3", "--db", db, "-q"}, extra...)
}

// stored returns "region/service/type/id" of every resource in the state of scan sel.
func stored(t *testing.T, db, sel string) []string {
	t.Helper()
	code, out, errs := awsmap(t, "query", "--db", db, "--scan", sel, "-f", "ndjson",
		"SELECT region || '/' || service || '/' || type || '/' || id AS k FROM resources WHERE type IN ('instance','bucket') ORDER BY 1")
	if code != 0 {
		t.Fatalf("query exit %d: %s", code, errs)
	}
	var keys []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var row struct{ K string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("ndjson line %q: %v", line, err)
		}
		keys = append(keys, row.K)
	}
	return keys
}

// scannedEstate seeds moto and scans it once into a fresh inventory.
func scannedEstate(t *testing.T) (estate, string) {
	t.Helper()
	collecttest.Skip(t, moto, motoWhy)
	e := seed(t)
	db := filepath.Join(t.TempDir(), "inv.db")
	if code, _, errs := awsmap(t, scanArgs(db)...); code != 0 {
		t.Fatalf("first scan exit %d: %s", code, errs)
	}
	return e, db
}

func (e estate) keys() []string {
	var keys []string
	for region, ids := range e.instances {
		for _, id := range ids {
			keys = append(keys, region+"/ec2/instance/"+id)
		}
	}
	for b, region := range e.buckets {
		keys = append(keys, region+"/s3/bucket/"+b)
	}
	slices.Sort(keys)
	return keys
}

func TestScanStoresExactlyTheEstateAndItsHistory(t *testing.T) {
	t.Parallel()
	useMoto(t)
	e, db := scannedEstate(t)
	first := e.keys()
	if got := stored(t, db, "latest"); !slices.Equal(got, first) {
		t.Fatalf("stored after first scan:\n%v\nwant:\n%v", got, first)
	}

	// Drift: terminate one instance, retag another, delete a bucket, add one.
	ctx := context.Background()
	us := ec2.NewFromConfig(moto.Config(t, "us-east-1", nil))
	gone, retagged := e.instances["us-east-1"][0], e.instances["us-east-1"][1]
	if _, err := us.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: []string{gone}}); err != nil {
		t.Fatal(err)
	}
	if _, err := us.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{retagged},
		Tags: []ec2types.Tag{{Key: aws.String("Owner"), Value: aws.String("someone-else")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s3API(t, "eu-west-1").DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bucket-eu-west-1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s3API(t, "us-east-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("new-bucket")}); err != nil {
		t.Fatal(err)
	}
	// Not quiet: the summary says where the scan went and how long storing took.
	args := slices.DeleteFunc(scanArgs(db), func(a string) bool { return a == "-q" })
	code, _, errs := awsmap(t, args...)
	if code != 0 {
		t.Fatalf("second scan exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`Stored in .*inv\.db \(scan 2\) in \d+\.\ds`).MatchString(errs) {
		t.Errorf("the summary does not say where and how long the scan was stored:\n%s", errs)
	}
	e.instances["us-east-1"] = e.instances["us-east-1"][1:]
	delete(e.buckets, "bucket-eu-west-1")
	e.buckets["new-bucket"] = "us-east-1"
	if got, want := stored(t, db, "latest"), e.keys(); !slices.Equal(got, want) {
		t.Fatalf("stored after second scan:\n%v\nwant:\n%v", got, want)
	}
	if got := stored(t, db, "first"); !slices.Equal(got, first) {
		t.Fatalf("--scan first shows\n%v\nwant the first state\n%v", got, first)
	}

	// History: exactly one new version (the retag), the rest untouched.
	_, out, _ := awsmap(t, "query", "--db", db, "-f", "json", `SELECT id, first_scan, end_scan FROM resource_versions
		WHERE type = 'instance' AND region = 'us-east-1' ORDER BY id, first_scan`)
	var versions []struct {
		ID        string `json:"id"`
		FirstScan int64  `json:"first_scan"`
		EndScan   *int64 `json:"end_scan"`
	}
	if err := json.Unmarshal([]byte(out), &versions); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	counts := map[string]int{}
	for _, v := range versions {
		counts[v.ID]++
		switch {
		case v.ID == gone && (v.EndScan == nil || *v.EndScan != 2):
			t.Errorf("terminated instance not retired by scan 2: %+v", v)
		case v.ID == retagged && v.FirstScan == 2 && v.EndScan != nil:
			t.Errorf("new version of retagged instance is closed: %+v", v)
		}
	}
	if counts[retagged] != 2 || counts[e.instances["us-east-1"][1]] != 1 {
		t.Errorf("versions per instance = %v; want 2 for the retagged one, 1 for the unchanged", counts)
	}
}

// throttleEveryOther answers every other attempt of each operation with a
// throttling error: half the calls are throttled, deterministically.
func throttleEveryOther() (awsx.Responder, func() int) {
	var mu sync.Mutex
	seen := map[string]int{}
	throttled := 0
	r := awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		key := req.Region + req.Service + req.Operation
		seen[key]++
		if seen[key]%2 == 1 {
			throttled++
			return nil, &smithy.GenericAPIError{Code: "Throttling", Message: "Rate exceeded"}
		}
		return nil, awsx.ErrPassThrough
	})
	return r, func() int { mu.Lock(); defer mu.Unlock(); return throttled }
}

func TestScanUnderThrottlingMissesNothing(t *testing.T) {
	t.Parallel()
	useMoto(t)
	e := seed(t)
	r, throttled := throttleEveryOther()
	responder := r
	db := filepath.Join(t.TempDir(), "inv.db")
	if code, _, errs := awsmapWith(t, responder, scanArgs(db)...); code != 0 {
		t.Fatalf("throttled scan exit %d: %s", code, errs)
	}
	if got, want := stored(t, db, "latest"), e.keys(); !slices.Equal(got, want) {
		t.Fatalf("stored under throttling:\n%v\nwant:\n%v", got, want)
	}
	_, out, _ := awsmap(t, "query", "--db", db, "-f", "csv", "SELECT sum(throttles), sum(retries) FROM api_calls")
	if throttled() < 10 || !strings.Contains(out, fmt.Sprintf("%d,%d", throttled()-2, throttled()-2)) && !strings.Contains(out, fmt.Sprint(throttled())) {
		t.Errorf("ledger throttles/retries %q do not account for %d throttled attempts", out, throttled())
	}
}

func TestScanWithDeniedServiceIsPartialAndRetiresNothingOfIt(t *testing.T) {
	t.Parallel()
	useMoto(t)
	e, db := scannedEstate(t)
	// The instances are gone, but EC2 is denied: nothing of EC2 may be retired.
	ctx := context.Background()
	for region, ids := range e.instances {
		if _, err := ec2.NewFromConfig(moto.Config(t, region, nil)).TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: ids}); err != nil {
			t.Fatal(err)
		}
	}
	responder := collecttest.Deny("DescribeInstances")
	code, _, errs := awsmapWith(t, responder, scanArgs(db, "-q=false")...)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (partial); stderr:\n%s", code, ExitPartial, errs)
	}
	for _, want := range []string{"PARTIAL", "ec2: AccessDenied on DescribeInstances"} {
		if !strings.Contains(errs, want) {
			t.Errorf("summary does not say %q:\n%s", want, errs)
		}
	}
	if got, want := stored(t, db, "latest"), e.keys(); !slices.Equal(got, want) {
		t.Fatalf("after a denied scan:\n%v\nwant everything kept:\n%v", got, want)
	}
	_, out, _ := awsmap(t, "query", "--db", db, "-f", "csv", "SELECT status FROM scans ORDER BY id")
	if out != "status\ncomplete\npartial\n" {
		t.Errorf("scan statuses = %q", out)
	}
}

// startSlowScan starts a scan in a child process (the test binary, see
// TestMain) whose every call is slowed down, and returns once its first
// collection call has arrived.
// wait returns the child's exit.
func startSlowScan(t *testing.T, db string, extra ...string) (child *exec.Cmd, stderr *bytes.Buffer, wait func() error) {
	t.Helper()
	ready := filepath.Join(t.TempDir(), "ready")
	child = exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), childEnv+"="+strings.Join(scanArgs(db, extra...), " "), readyEnv+"="+ready)
	stderr = &bytes.Buffer{}
	child.Stderr = stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	wait = func() error { return <-exited }
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(ready); err == nil {
			return child, stderr, wait
		}
		select {
		case <-exited:
			t.Fatalf("the scan exited before its first collection call:\n%s", stderr)
		default:
		}
		if time.Now().After(deadline) {
			child.Process.Kill()
			t.Fatalf("no collection call within 30s:\n%s", stderr)
		}
	}
}

func TestScanKilledMidwayLeavesPreviousState(t *testing.T) {
	t.Parallel()
	useMoto(t)
	e, db := scannedEstate(t)
	ctx := context.Background()
	if _, err := ec2.NewFromConfig(moto.Config(t, "us-east-1", nil)).TerminateInstances(ctx,
		&ec2.TerminateInstancesInput{InstanceIds: e.instances["us-east-1"]}); err != nil {
		t.Fatal(err)
	}
	child, _, wait := startSlowScan(t, db)
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = wait()
	if got, want := stored(t, db, "latest"), e.keys(); !slices.Equal(got, want) {
		t.Fatalf("after kill -9:\n%v\nwant the previous state:\n%v", got, want)
	}
	_, out, _ := awsmap(t, "query", "--db", db, "-f", "csv", "SELECT id, status FROM scans ORDER BY id")
	if out != "id,status\n1,complete\n2,aborted\n" {
		t.Errorf("scans after kill -9 = %q, want the killed scan aborted", out)
	}
}

func TestScanExportFiltersAndNoDB(t *testing.T) {
	t.Parallel()
	useMoto(t)
	e := seed(t)
	dir := t.TempDir()
	jsonOut := filepath.Join(dir, "out.json")
	db := filepath.Join(dir, "never.db")
	code, _, errs := awsmap(t, scanArgs(db, "--no-db", "-o", jsonOut, "-t", "Owner=team-us-east-1", "-t", "Owner=team-eu-west-1")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("--no-db created the inventory")
	}
	info, err := os.Stat(jsonOut)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("export file %v mode %v, want 0600", err, info)
	}
	var exported []struct {
		ID      string            `json:"id"`
		Type    string            `json:"type"`
		Tags    map[string]string `json:"tags"`
		Details map[string]any    `json:"details"`
	}
	b, _ := os.ReadFile(jsonOut)
	if err := json.Unmarshal(b, &exported); err != nil {
		t.Fatalf("export is not a JSON array: %v", err)
	}
	// Same key OR'd: instances of both regions; buckets have no Owner tag.
	if len(exported) != len(e.instances["us-east-1"])+len(e.instances["eu-west-1"]) {
		t.Fatalf("exported %d resources, want the 5 tagged instances", len(exported))
	}
	for _, r := range exported {
		if r.Type != "instance" || r.Details["instance_type"] == nil {
			t.Errorf("exported %+v: want instances with details", r)
		}
	}
	// Different keys AND'd: nothing has both.
	csvOut := filepath.Join(dir, "out.csv")
	if code, _, errs := awsmap(t, scanArgs(db, "--no-db", "-o", csvOut, "-t", "Owner=team-us-east-1", "-t", "Env=prod")...); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ = os.ReadFile(csvOut)
	if lines := strings.Count(string(b), "\n"); lines != 1 {
		t.Errorf("csv with AND'd keys has %d lines, want the header only:\n%s", lines, b)
	}
	for _, bad := range [][]string{{"-t", "Owner"}, {"-f", "xml"}, {"-o", "x.txt"}, {"--no-db"}, {"-w", "0"}, {"-s", "ec3"}, {"-p", "no-such-profile"}} {
		code, _, errs := awsmap(t, append([]string{"--db", db}, bad...)...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want 2", bad, code, errs)
		}
	}
}

func TestScanTakesDefaultsFromConfigButFlagsWin(t *testing.T) {
	// Not parallel: t.Setenv (no flag names the config file).
	useMoto(t)
	seed(t)
	dir := t.TempDir()
	t.Setenv("AWSMAP_CONFIG", filepath.Join(dir, "config"))
	if code, _, errs := awsmap(t, "config", "set", "services", "s3"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := awsmap(t, "config", "set", "regions", "eu-west-1"); code != 0 {
		t.Fatal(errs)
	}
	db := filepath.Join(dir, "inv.db")
	if code, _, errs := awsmap(t, "--endpoint-url", moto.URL, "--db", db, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := stored(t, db, "latest"); !slices.Equal(got, []string{"eu-west-1/s3/bucket/bucket-eu-west-1"}) {
		t.Errorf("config services=s3 regions=eu-west-1 stored %v", got)
	}
	if code, _, errs := awsmap(t, "--endpoint-url", moto.URL, "--db", db, "-q", "-s", "ec2"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := stored(t, db, "latest")
	if len(got) != 3 || !strings.HasPrefix(got[0], "eu-west-1/ec2/instance/") {
		t.Errorf("-s ec2 over config: stored %v, want the 2 eu-west-1 instances and the bucket", got)
	}
}

func TestScanInterruptedIsAbortedAndExits130(t *testing.T) {
	t.Parallel()
	useMoto(t)
	e, db := scannedEstate(t)
	child, stderr, wait := startSlowScan(t, db, "-q=false")
	if err := child.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := wait()
	if code := child.ProcessState.ExitCode(); code != ExitInterrupted {
		t.Fatalf("exit %d (%v), want %d; stderr:\n%s", code, err, ExitInterrupted, stderr.String())
	}
	// One truthful message: aborted and not stored, no summary claiming otherwise.
	if !strings.Contains(stderr.String(), "scan 2 was recorded as aborted and its data was not stored") {
		t.Errorf("stderr does not say scan 2 was aborted and not stored:\n%s", stderr.String())
	}
	for _, wrong := range []string{"Stored in", "Scan PARTIAL", "Scan complete"} {
		if strings.Contains(stderr.String(), wrong) {
			t.Errorf("stderr of an interrupted scan says %q:\n%s", wrong, stderr.String())
		}
	}
	if got, want := stored(t, db, "latest"), e.keys(); !slices.Equal(got, want) {
		t.Fatalf("after Ctrl-C:\n%v\nwant the previous state:\n%v", got, want)
	}
	_, out, _ := awsmap(t, "query", "--db", db, "-f", "csv", "--list-scans")
	if !regexp.MustCompile(`(?m)^2,[^,]+,aborted,`).MatchString(out) {
		t.Errorf("--list-scans does not list scan 2 as aborted:\n%s", out)
	}
	code, _, errs := awsmap(t, "query", "--db", db, "--scan", "2", "SELECT 1")
	if code != ExitUsage || !regexp.MustCompile(`scan 2 was aborted at 20\S+; its data was not stored`).MatchString(errs) {
		t.Errorf("--scan 2: exit %d, %q; want 2 and that it was aborted", code, errs)
	}
}
