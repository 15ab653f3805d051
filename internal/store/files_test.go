package store

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/model"
)

func checkMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", path, got, want)
	}
}

func TestFilePermissionsOnCreate(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "a", "b", "inventory.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	runScan(t, db, scanInput{resources: []*model.Resource{instance("us-east-1", "i-1", "web")}})
	checkMode(t, filepath.Join(root, "a"), 0o700)
	checkMode(t, filepath.Join(root, "a", "b"), 0o700)
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		checkMode(t, name, 0o600)
	}
}

func TestFilePermissionsReapplied(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	dir := filepath.Join(home, ".awsmap")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "inventory.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path + "-wal", path + "-shm"} { // stray companions
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(name, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkMode(t, path, 0o644)
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkMode(t, dir, 0o700)
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		checkMode(t, name, 0o600)
	}
}

func TestHomeDirectoryNotTightened(t *testing.T) {
	home := t.TempDir()
	if err := os.Chmod(home, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	db, err := Open(filepath.Join(home, "inventory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkMode(t, home, 0o755)
}

func TestConcurrentWriters(t *testing.T) {
	_, path := newTestDB(t)
	dbs := [2]*DB{}
	dbs[0], dbs[1] = openTwice(t, path)
	var staged, done sync.WaitGroup
	staged.Add(2)
	errs := make([]error, 2)
	for i, db := range dbs {
		done.Go(func() {
			errs[i] = concurrentScan(db, i, &staged)
		})
	}
	done.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if n := count(t, dbs[0], `SELECT count(*) FROM scans WHERE status = 'complete'`); n != 2 {
		t.Errorf("%d complete scans, want 2", n)
	}
	// Both saw shared-0..999; each saw 1000 of its own.
	if n := count(t, dbs[0], `SELECT count(*) FROM resources`); n != 3000 {
		t.Errorf("%d current resources, want 3000", n)
	}
	if n := count(t, dbs[0], `SELECT count(*) FROM resource_versions WHERE id LIKE 'shared-%'`); n != 1000 {
		t.Errorf("%d versions of the shared resources, want 1000 (unchanged by the second merge)", n)
	}
}

// concurrentScan stages 1000 shared and 1000 own resources, waits until the
// other writer has staged too, then finishes.
func concurrentScan(db *DB, writer int, staged *sync.WaitGroup) error {
	w, err := db.BeginScan(ScanMeta{AccountID: testAccount})
	if err != nil {
		staged.Done()
		return err
	}
	for i := range 1000 {
		err = errors.Join(w.Add(instance("us-east-1", fmt.Sprintf("shared-%d", i), "shared")),
			w.Add(instance("us-east-1", fmt.Sprintf("own-%d-%d", writer, i), "own")))
		if err != nil {
			break
		}
	}
	staged.Done()
	if err != nil {
		return err
	}
	staged.Wait()
	return w.Finish(ScanResult{Status: StatusComplete})
}

// TestHelperProcess is the body of the child processes of the tests below;
// it does nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("AWSMAP_STORE_HELPER")
	if mode == "" {
		return
	}
	if err := helperProcess(mode, os.Getenv("AWSMAP_STORE_PATH"), os.Getenv("AWSMAP_STORE_ACCOUNT")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// helperProcess stages 5000 resources of account, then finishes the scan
// (mode "scan") or reports "staged" and waits to be killed (mode "hang").
func helperProcess(mode, path, account string) error {
	db, err := Open(path)
	if err != nil {
		return err
	}
	w, err := db.BeginScan(ScanMeta{AccountID: account})
	if err != nil {
		return err
	}
	for i := range 5000 {
		r := instance("us-east-1", fmt.Sprintf("i-%d", i), "from "+mode)
		r.Account = account
		if err := w.Add(r); err != nil {
			return err
		}
	}
	if mode == "hang" {
		fmt.Println("staged")
		time.Sleep(time.Hour)
	}
	err = w.Finish(ScanResult{Status: StatusComplete, Collections: []Collection{
		{AccountID: account, Region: "us-east-1", Service: "ec2", Type: "instance", Outcome: OutcomeOK},
	}})
	return errors.Join(err, db.Close())
}

func helperCommand(mode, path, account string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "AWSMAP_STORE_HELPER="+mode, "AWSMAP_STORE_PATH="+path,
		"AWSMAP_STORE_ACCOUNT="+account)
	cmd.Stderr = os.Stderr
	return cmd
}

func TestTwoProcessesWriting(t *testing.T) {
	_, path := newTestDB(t)
	a := helperCommand("scan", path, "111111111111")
	b := helperCommand("scan", path, "222222222222")
	if err := errors.Join(a.Start(), b.Start()); err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(a.Wait(), b.Wait()); err != nil {
		t.Fatalf("a writer process failed: %v", err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM scans WHERE status = 'complete'`); n != 2 {
		t.Errorf("%d complete scans, want 2", n)
	}
	if n := count(t, db, `SELECT count(*) FROM resources`); n != 10000 {
		t.Errorf("%d resources, want 10000", n)
	}
}

func TestKilledScanIsAborted(t *testing.T) {
	db, path := newTestDB(t)
	runScan(t, db, scanInput{resources: []*model.Resource{instance("us-east-1", "i-1", "before")},
		collections: []Collection{collected("us-east-1", OutcomeOK)}})
	before := resourceVersions(t, db, "i-1")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := helperCommand("hang", path, testAccount)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "staged\n" {
		cmd.Process.Kill()
		t.Fatalf("helper said %q, %v", line, err)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM scans WHERE status = 'aborted' AND pid = ?`, cmd.Process.Pid); n != 1 {
		t.Errorf("the killed scan is not aborted")
	}
	if after := resourceVersions(t, db, "i-1"); !slices.Equal(after, before) {
		t.Errorf("history changed by the killed scan: %+v -> %+v", before, after)
	}
}

func TestStaleScanRecovery(t *testing.T) {
	db, path := newTestDB(t)
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tests := []struct {
		name    string
		pid     int
		host    string
		started time.Time
		want    string
	}{
		{"dead pid on this host", dead.Process.Pid, hostname(), now, StatusAborted},
		{"live pid on this host", os.Getpid(), hostname(), now.Add(-48 * time.Hour), StatusRunning},
		{"other host, old", os.Getpid(), "elsewhere", now.Add(-25 * time.Hour), StatusAborted},
		{"other host, recent", dead.Process.Pid, "elsewhere", now.Add(-time.Hour), StatusRunning},
	}
	ids := make([]int64, len(tests))
	for i, tt := range tests {
		err := execSQL(db.conn, `INSERT INTO scans (started_at, status, pid, host) VALUES (?, 'running', ?, ?)`,
			tt.started, tt.pid, tt.host)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = db.conn.LastInsertRowID()
	}
	reopened, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	for i, tt := range tests {
		var status string
		stmt, _, err := reopened.conn.Prepare(`SELECT status FROM scans WHERE id = ?`)
		if err != nil {
			t.Fatal(err)
		}
		stmt.BindInt64(1, ids[i])
		if stmt.Step() {
			status = stmt.ColumnText(0)
		}
		stmt.Close()
		if status != tt.want {
			t.Errorf("%s: status %q, want %q", tt.name, status, tt.want)
		}
	}
}
