package audit

import (
	"reflect"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// The not-enabled queries name each region scanned without the service,
// keep quiet about regions where it runs, and say UNKNOWN where the
// collection failed: a NotEnabled collection vouches for its region.
func TestNotEnabledQueries(t *testing.T) {
	for _, c := range []struct {
		query, service, typ string
	}{
		{"guardduty-not-enabled", "guardduty", "detector"},
		{"securityhub-not-enabled", "securityhub", "hub"},
		{"config-not-recording", "config", "configuration-recorder"},
		{"inspector-not-enabled", "inspector2", "account"},
		{"macie-not-enabled", "macie2", "session"},
		{"bedrock-invocation-logging-off", "bedrock", "invocation-logging"},
	} {
		t.Run(c.query, func(t *testing.T) {
			on := res(c.service+"/"+c.typ, "on", d{"status": "ENABLED", "standards_count": 2, "recording": true}) // us-east-1
			col := func(region, outcome, code string) store.Collection {
				return store.Collection{AccountID: acct, Region: region, Service: c.service, Type: c.typ, Outcome: outcome,
					Operation: "List", ErrorCode: code, ErrorMessage: "not enabled in " + region}
			}
			r := fixture(t, []*model.Resource{on}, []store.Collection{
				col("us-east-1", store.OutcomeOK, ""),
				col("eu-west-1", store.OutcomeUnsupported, model.CodeNotEnabled),
				col("eu-west-2", store.OutcomeDenied, "AccessDenied"),
			})
			lib, err := Builtin()
			if err != nil {
				t.Fatal(err)
			}
			q, _ := lib.Get(c.query)
			got, err := Run(ctx, r, q, nil, Scope{Types: types, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			var regions []string
			for _, row := range got.Rows {
				regions = append(regions, store.Text(row[1])+": "+store.Text(row[6]))
			}
			if want := []string{"eu-west-1: not enabled in eu-west-1"}; !reflect.DeepEqual(regions, want) {
				t.Errorf("rows %v, want %v", regions, want)
			}
			if len(got.Incomplete) != 1 || got.Incomplete[0].Region != "eu-west-2" || got.Incomplete[0].Outcome != store.OutcomeDenied {
				t.Errorf("incomplete = %v, want eu-west-2 denied alone", got.Incomplete)
			}
		})
	}
}
