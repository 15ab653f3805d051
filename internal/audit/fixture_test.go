package audit

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/catalog"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/store/storetest"
)

const acct = "111111111111"

// types is the catalog the CLI passes in: where each type is collected.
var types = catalog.Builtin()

var testNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

type d = map[string]any

// res builds a resource "service/type" in the usual region for its service.
func res(ref, id string, details d) *model.Resource {
	svc, typ, _ := strings.Cut(ref, "/")
	region := "us-east-1"
	switch types.ScopeOf(svc) {
	case model.Global:
		region = model.GlobalRegion
	}
	if details == nil {
		details = d{}
	}
	return &model.Resource{Key: model.Key{Account: acct, Region: region, Service: svc, Type: typ, ID: id},
		ARN: "arn:aws:" + svc + ":" + region + ":" + acct + ":" + typ + "/" + id, Name: id,
		Tags: map[string]string{}, Details: details}
}

func withTags(r *model.Resource, tags map[string]string) *model.Resource {
	r.Tags = tags
	return r
}

func asDefault(r *model.Resource) *model.Resource {
	r.IsDefault = true
	return r
}

func createdAt(r *model.Resource, t string) *model.Resource {
	r.CreatedAt = t
	return r
}

// okCollections vouches for every type of rs and of reads.
func okCollections(rs []*model.Resource, reads []TypeRef) []store.Collection {
	seen := map[TypeRef]bool{}
	var out []store.Collection
	add := func(ref TypeRef) {
		if seen[ref] {
			return
		}
		seen[ref] = true
		region := "us-east-1" // as the engine records them: account-wide types per region too
		if types.ScopeOf(ref.Service) == model.Global {
			region = model.GlobalRegion
		}
		out = append(out, store.Collection{AccountID: acct, Region: region, Service: ref.Service, Type: ref.Type,
			Outcome: store.OutcomeOK, Operation: "List"})
	}
	for _, r := range rs {
		add(TypeRef{r.Service, r.Type})
	}
	for _, r := range reads {
		if r != AllTypes {
			add(r)
		}
	}
	return out
}

// fixture writes one scan with rs and collections (none when both are
// empty) and returns a reader of the current state.
func fixture(t *testing.T, rs []*model.Resource, cols []store.Collection) *store.Reader {
	t.Helper()
	if len(rs) == 0 && len(cols) == 0 {
		return fixtureScans(t)
	}
	return fixtureScans(t, scanInput{rs, cols, nil})
}

// scanInput is what one fixture scan sees.
type scanInput struct {
	rs   []*model.Resource
	cols []store.Collection
	rels []model.Relationship
}

// fixtureScans writes the scans in order and returns a reader of the
// current state. A scan with a collection that is not ok is partial.
func fixtureScans(t *testing.T, scans ...scanInput) *store.Reader {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inventory.db")
	empty, err := emptyInventory()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, empty, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range scans {
		storetest.Write(t, db, storetest.Scan{
			Meta:      store.ScanMeta{AccountID: acct, AccountAlias: "prod-alias", Profile: "prod", Regions: []string{"us-east-1"}},
			Resources: s.rs, Edges: s.rels, Collections: s.cols})
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := store.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if err := r.UseScan(0, nil); err != nil {
		t.Fatal(err)
	}
	return r
}

// emptyInventory is a new inventory file with its schema: created once,
// copied by every fixture (creating the schema is most of a fixture's cost,
// and the tests write hundreds).
var emptyInventory = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "audit-fixture")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "inventory.db")
	db, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// ids returns the sorted distinct values of column 4 (id).
func ids(rows [][]any) []string {
	seen := map[string]bool{}
	var out []string
	for _, row := range rows {
		s := store.Text(row[4])
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

var ctx = context.Background()

func contains(s, sub string) bool { return strings.Contains(s, sub) }
