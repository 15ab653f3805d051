package inventory_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/ec2"
	"github.com/awsmap/awsmap/internal/collect/lambda"
	"github.com/awsmap/awsmap/internal/demo"
	"github.com/awsmap/awsmap/internal/inventory"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// failing is an export that fails after n resources.
type failing struct{ n int }

func (f *failing) Resource(*model.Resource) error {
	if f.n--; f.n < 0 {
		return errors.New("disk full")
	}
	return nil
}
func (f *failing) Relationship(model.Relationship) error { return nil }

// counting is an export that counts what it sees.
type counting struct{ resources, relationships int }

func (c *counting) Resource(*model.Resource) error        { c.resources++; return nil }
func (c *counting) Relationship(model.Relationship) error { c.relationships++; return nil }

func TestRun(t *testing.T) {
	// Two services with relationships between them stand for all: the
	// session's steps do not depend on which services run, and linking every
	// collector would make this test binary as slow to build as the CLI's.
	services := []*collect.Service{ec2.Service, lambda.Service}
	est := demo.New(demo.Options{Seed: 1, Size: 200})
	path := filepath.Join(t.TempDir(), "inv.db")
	run := func(ctx context.Context, also scan.Writer) (inventory.Outcome, error) {
		tg := est.Scan(0).Target(demo.ServeOptions{})
		sess, err := inventory.Open(ctx, tg.AWS)
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.Store(path, store.ScanMeta{AccountAlias: "test"}); err != nil {
			t.Fatal(err)
		}
		accounts, err := tg.Accounts(context.Background(), sess.Config) // reached before any cancel
		if err != nil {
			t.Fatal(err)
		}
		return sess.Run(ctx, accounts, tg.Plan(services), scan.Options{Workers: 8, Local: true}, also)
	}
	status := func() []string {
		r, err := store.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		rows, err := r.Query(context.Background(), "SELECT status FROM scans ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for rows.Next() {
			out = append(out, rows.Values()[0].(string))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}

	exp := &counting{}
	out, err := run(context.Background(), exp)
	if err != nil || out.ScanID != 1 || out.Result.Resources == 0 {
		t.Fatalf("first run: scan %d, %d resources, %v", out.ScanID, out.Result.Resources, err)
	}
	if exp.resources != out.Result.Resources || exp.relationships == 0 {
		t.Errorf("export saw %d resources and %d relationships, the scan %d", exp.resources, exp.relationships, out.Result.Resources)
	}

	// A failing export aborts the scan: nothing of it is merged.
	if _, err := run(context.Background(), &failing{n: 10}); err == nil {
		t.Fatal("a failing export did not fail the run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := run(ctx, nil); err != nil {
		t.Fatalf("cancelled run: %v", err)
	}
	first := "complete"
	if out.Failed > 0 {
		first = "partial"
	}
	if got := status(); len(got) != 3 || got[0] != first || got[1] != "aborted" || got[2] != "aborted" {
		t.Errorf("scan statuses %v, want %s, aborted, aborted", got, first)
	}
}
