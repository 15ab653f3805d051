package store

import (
	"slices"
	"testing"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

// TestGuessedTargetsResolved checks that an edge whose target was guessed
// (a trail naming its log bucket) is stored with the account and region of
// the one bucket of that name, staged or current, and keeps its guess
// otherwise.
func TestGuessedTargetsResolved(t *testing.T) {
	const central = "222222222222"
	trail := model.Key{Account: testAccount, Region: "us-east-1", Service: "cloudtrail", Type: "trail", ID: "main"}
	bucket := func(account, region string) *model.Resource {
		return &model.Resource{Key: model.Key{Account: account, Region: region, Service: "s3", Type: "bucket", ID: "logs"}}
	}
	guessed := model.Relationship{From: trail, Kind: "logs-to", ToGuessed: true,
		To: model.Key{Account: testAccount, Region: "us-east-1", Service: "s3", Type: "bucket", ID: "logs"}}
	known := guessed
	known.ToGuessed = false
	known.To.Account, known.To.Region = central, "eu-west-1"
	vouch := func(account, region, service, typ string) Collection {
		return Collection{AccountID: account, Region: region, Service: service, Type: typ, Outcome: OutcomeOK}
	}
	trailScan := scanInput{
		resources:   []*model.Resource{{Key: trail}},
		edges:       []model.Relationship{guessed},
		collections: []Collection{vouch(testAccount, "us-east-1", "cloudtrail", "trail")},
	}
	withBucket := func(in scanInput, buckets ...*model.Resource) scanInput {
		in.resources = append(slices.Clone(in.resources), buckets...)
		return in
	}
	tests := []struct {
		name    string
		history []*model.Resource // current before the scan, from an earlier scan
		scan    scanInput
		want    string // account/region of the stored target
	}{
		{name: "bucket in the same scan", scan: withBucket(trailScan, bucket(central, "eu-west-1")),
			want: central + "/eu-west-1"},
		{name: "bucket in the history", history: []*model.Resource{bucket(central, "eu-west-1")},
			scan: trailScan, want: central + "/eu-west-1"},
		{name: "staged bucket wins over the history", history: []*model.Resource{bucket(central, "eu-west-1")},
			scan: withBucket(trailScan, bucket(central, "us-west-2")), want: central + "/us-west-2"},
		{name: "unknown bucket keeps the guess", scan: trailScan, want: testAccount + "/us-east-1"},
		{name: "two buckets of that name keep the guess",
			scan: withBucket(trailScan, bucket(central, "eu-west-1"), bucket("333333333333", "eu-west-1")),
			want: testAccount + "/us-east-1"},
		{name: "resolved edge repeats a known one", scan: func() scanInput {
			in := withBucket(trailScan, bucket(central, "eu-west-1"))
			in.edges = []model.Relationship{known, guessed}
			return in
		}(), want: central + "/eu-west-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := newTestDB(t)
			if tt.history != nil {
				runScan(t, db, scanInput{resources: tt.history})
			}
			runScan(t, db, tt.scan)
			got := currentTargets(t, db, "main", func(to model.Key, ekey int64) {
				if want := edgeHash(model.Relationship{From: trail, Kind: "logs-to", To: to}); ekey != want {
					t.Errorf("edge to %s/%s has ekey %d, want %d", to.Account, to.Region, ekey, want)
				}
			})
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("current edges of the trail go to %v, want [%s]", got, tt.want)
			}
		})
	}
}

// currentTargets lists "account/region" of the targets of the current edges
// from resource id from, calling check with each target key and ekey.
func currentTargets(t *testing.T, db *DB, from string, check func(to model.Key, ekey int64)) []string {
	t.Helper()
	var out []string
	eachRow(t, db, `SELECT to_account_id, to_region, to_service, to_type, to_id, ekey
		FROM relationship_versions WHERE from_id = ? AND end_scan IS NULL ORDER BY rid`, from,
		func(stmt *sqlite3.Stmt) {
			to := model.Key{Account: stmt.ColumnText(0), Region: stmt.ColumnText(1), Service: stmt.ColumnText(2),
				Type: stmt.ColumnText(3), ID: stmt.ColumnText(4)}
			check(to, stmt.ColumnInt64(5))
			out = append(out, to.Account+"/"+to.Region)
		})
	return out
}
