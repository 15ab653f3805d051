package inventory

import (
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// TestRecordAccounts: each account of a run is recorded with its outcome:
// ok, partial (a collection failed), denied (unreachable, with the
// reason), not scanned (none of its collections ran); the scan is partial.
func TestRecordAccounts(t *testing.T) {
	denied := &smithy.GenericAPIError{Code: "AccessDenied", Message: "not authorized to perform: sts:AssumeRole"}
	res := scan.Result{
		Accounts: []scan.Account{{ID: "111111111111", Name: "mgmt", Profile: "org"},
			{ID: "222222222222", RoleARN: "arn:aws:iam::222222222222:role/R"}, {ID: "333333333333", Err: denied},
			{ID: "444444444444"}},
		Collections: []scan.Collection{
			{Account: "111111111111", Outcome: awsx.OK}, {Account: "222222222222", Outcome: awsx.OK},
			{Account: "222222222222", Outcome: awsx.Throttled}, {Account: "333333333333", Outcome: awsx.Denied},
			{Account: "444444444444", Outcome: awsx.Skipped},
		},
	}
	sr := record(res, scan.NewLedger())
	want := []store.ScanAccount{
		{ID: "111111111111", Name: "mgmt", Profile: "org", Status: store.AccountOK},
		{ID: "222222222222", RoleARN: "arn:aws:iam::222222222222:role/R", Status: store.AccountPartial},
		{ID: "333333333333", Status: store.AccountDenied, ErrorCode: "AccessDenied", ErrorMessage: "not authorized to perform: sts:AssumeRole"},
		{ID: "444444444444", Status: store.AccountNotScanned},
	}
	if sr.Status != store.StatusPartial || len(sr.Accounts) != len(want) {
		t.Fatalf("recorded %s with %d accounts", sr.Status, len(sr.Accounts))
	}
	for i := range want {
		if sr.Accounts[i] != want[i] {
			t.Errorf("account %d: %+v, want %+v", i, sr.Accounts[i], want[i])
		}
	}
}
