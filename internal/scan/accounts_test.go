package scan

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/store"
)

// TestUnreachableAccount: an account whose role could not be assumed is
// never called; every task of the plan is recorded denied for it, so it
// vouches for nothing, and Record lists it denied with the reason, while
// the other account is scanned and ok.
func TestUnreachableAccount(t *testing.T) {
	var mu sync.Mutex
	called := map[string]int{}
	counting := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance",
		Collect: func(ctx context.Context, task *collect.Task) error {
			mu.Lock()
			called[task.Account]++
			mu.Unlock()
			return emitN(1)(ctx, task)
		}}}}
	denied := &smithy.GenericAPIError{Code: "AccessDenied", Message: "not authorized to perform: sts:AssumeRole"}
	plan := NewPlan([]*collect.Service{counting, wide}, regions, false, false)
	w := &memWriter{}
	res, err := Run(context.Background(), []Account{{ID: "111111111111"}, {ID: "222222222222", Err: denied}},
		plan, w, Options{Workers: 4, Local: true})
	if err != nil {
		t.Fatal(err)
	}
	if called["222222222222"] != 0 || called["111111111111"] != 2 {
		t.Errorf("calls per account %v, want 2 in the reachable one only", called)
	}
	var deniedColls int
	for _, c := range res.Collections {
		if c.Account == "222222222222" {
			if c.Outcome != awsx.Denied || c.ErrorCode != "AccessDenied" || c.Region == "" {
				t.Errorf("collection of the unreachable account: %+v", c)
			}
			deniedColls++
		}
	}
	if want := 2 + len(regions); deniedColls != want { // ec2 per region, s3 recorded per region
		t.Errorf("%d denied collections, want %d", deniedColls, want)
	}
	sr := Record(res, NewLedger())
	if sr.Status != store.StatusPartial || len(sr.Accounts) != 2 ||
		sr.Accounts[0].Status != store.AccountOK || sr.Accounts[1].Status != store.AccountDenied ||
		sr.Accounts[1].ErrorCode != "AccessDenied" {
		t.Errorf("recorded %s, accounts %+v", sr.Status, sr.Accounts)
	}
}

// TestAccountWorkers: with AccountWorkers 1, accounts run one after the
// other (no two accounts' collections overlap), and a slow account holds
// only its own slot: with 2 slots the fast accounts finish while it runs.
func TestAccountWorkers(t *testing.T) {
	accounts := []Account{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	type span struct{ start, end time.Time }
	run := func(slots int, slow string) map[string]span {
		var mu sync.Mutex
		spans := map[string]span{}
		svc := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance",
			Collect: func(ctx context.Context, task *collect.Task) error {
				start := time.Now()
				d := 20 * time.Millisecond
				if task.Account == slow {
					d = 300 * time.Millisecond
				}
				time.Sleep(d)
				mu.Lock()
				defer mu.Unlock()
				s, ok := spans[task.Account]
				if !ok || start.Before(s.start) {
					s.start = start
				}
				if end := time.Now(); end.After(s.end) {
					s.end = end
				}
				spans[task.Account] = s
				return nil
			}}}}
		plan := NewPlan([]*collect.Service{svc}, regions, false, false)
		if _, err := Run(context.Background(), accounts, plan, &memWriter{}, Options{Workers: 8, AccountWorkers: slots, Local: true}); err != nil {
			t.Fatal(err)
		}
		return spans
	}
	serial := run(1, "")
	for i := 1; i < len(accounts); i++ {
		prev, cur := serial[accounts[i-1].ID], serial[accounts[i].ID]
		if cur.start.Before(prev.end) {
			t.Errorf("account-workers 1: %s started before %s ended", accounts[i].ID, accounts[i-1].ID)
		}
	}
	spans := run(2, "a")
	if !spans["c"].end.Before(spans["a"].end) {
		t.Errorf("account-workers 2: c (fast) ended at %v, after the slow a at %v", spans["c"].end, spans["a"].end)
	}
}
