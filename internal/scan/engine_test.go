package scan

import (
	"context"
	"errors"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

type memWriter struct {
	res  []*model.Resource
	rels []model.Relationship
	fail error
}

func (w *memWriter) Resource(r *model.Resource) error {
	w.res = append(w.res, r)
	return w.fail
}

func (w *memWriter) Relationship(rel model.Relationship) error {
	w.rels = append(w.rels, rel)
	return nil
}

func emitN(n int) func(context.Context, *collect.Task) error {
	return func(_ context.Context, t *collect.Task) error {
		for i := range n {
			t.Emit(&model.Resource{Key: t.Key(t.Type, string(rune('a'+i)))})
		}
		return nil
	}
}

var (
	regional = &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance", Collect: emitN(2)}, {Name: "volume", Collect: emitN(1)}}}
	global   = &collect.Service{Name: "iam", Scope: collect.Global, Types: []collect.Type{{Name: "user", Collect: emitN(3)}}}
	wide     = &collect.Service{Name: "s3", Scope: collect.AccountWide, Types: []collect.Type{{Name: "bucket", Collect: emitN(1)}}}
	regions  = []string{"eu-west-1", "us-east-1"}
)

func TestPlanGlobalServices(t *testing.T) {
	china := []string{"cn-north-1", "cn-northwest-1"}
	tests := []struct {
		name           string
		regions        []string
		chosen, incl   bool
		wantIAM, tasks int
		home           string // where global and account-wide tasks call
	}{
		{"all regions", regions, false, false, 1, 2*2 + 1 + 1, "us-east-1"},
		{"-r includes the control region", regions, true, false, 1, 2*2 + 1 + 1, "us-east-1"},
		{"-r without it", []string{"eu-west-1"}, true, false, 0, 2 + 1, "us-east-1"},
		{"-r without it, --include-global", []string{"eu-west-1"}, true, true, 1, 2 + 1 + 1, "us-east-1"},
		{"China: its own control region", china, false, false, 1, 2*2 + 1 + 1, "cn-north-1"},
		{"China: -r without it", []string{"cn-northwest-1"}, true, false, 0, 2 + 1, "cn-north-1"},
	}
	for _, tt := range tests {
		p := NewPlan([]*collect.Service{regional, global, wide}, tt.regions, tt.chosen, tt.incl)
		iam := 0
		for _, task := range p.Tasks {
			switch task.Service.Name {
			case "iam":
				iam++
				if task.StoredRegion != model.GlobalRegion || task.Region != tt.home {
					t.Errorf("%s: iam task %+v", tt.name, task)
				}
			case "s3":
				if task.StoredRegion != "" || task.Region != tt.home {
					t.Errorf("%s: s3 task %+v", tt.name, task)
				}
			}
		}
		if iam != tt.wantIAM || len(p.Tasks) != tt.tasks {
			t.Errorf("%s: %d iam tasks of %d, want %d of %d", tt.name, iam, len(p.Tasks), tt.wantIAM, tt.tasks)
		}
		// A global service is either planned or listed as skipped.
		if skipped := len(p.SkippedGlobal) == 1 && p.SkippedGlobal[0] == global; skipped != (tt.wantIAM == 0) ||
			len(p.Services) != 3-len(p.SkippedGlobal) || p.Home != tt.home {
			t.Errorf("%s: services %d, skipped %v, home %s", tt.name, len(p.Services), p.SkippedGlobal, p.Home)
		}
	}
}

func TestPlanInterleavesEndpoints(t *testing.T) {
	p := NewPlan([]*collect.Service{regional}, regions, false, false)
	for i := 1; i < len(p.Tasks); i++ {
		if p.Tasks[i].Region == p.Tasks[i-1].Region {
			t.Fatalf("tasks %d and %d hit the same region: %v", i-1, i, p.Tasks)
		}
	}
}

func TestPlanStartsWithDetailCalls(t *testing.T) {
	detailed := &collect.Service{Name: "kms", Types: []collect.Type{
		{Name: "alias", Collect: emitN(1)}, {Name: "key", Collect: emitN(1), DetailCalls: 2}}}
	buckets := &collect.Service{Name: "s3", Scope: collect.AccountWide, Types: []collect.Type{{Name: "bucket", Collect: emitN(1), DetailCalls: 10}}}
	p := NewPlan([]*collect.Service{regional, global, detailed, buckets}, regions, false, false)
	var got []string
	for _, task := range p.Tasks {
		got = append(got, task.Service.Name+"/"+task.Type.Name+"/"+task.Region)
	}
	want := []string{"s3/bucket/us-east-1", "kms/key/eu-west-1", "kms/key/us-east-1",
		// then the interleaved order: global and account-wide first
		"iam/user/us-east-1",
		"ec2/instance/eu-west-1", "ec2/instance/us-east-1", "kms/alias/eu-west-1", "kms/alias/us-east-1",
		"ec2/volume/eu-west-1", "ec2/volume/us-east-1"}
	if !slices.Equal(got, want) {
		t.Errorf("plan order\n got %v\nwant %v", got, want)
	}
}

// orderProgress records the collections in the order they finish, and
// those that finished without having begun.
type orderProgress struct {
	mu           sync.Mutex
	begun        map[string]bool
	done, unseen []string
}

func (p *orderProgress) Start(int) { p.begun = map[string]bool{} }
func (p *orderProgress) Begin(c Collection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.begun[c.Account+"/"+c.Service+"/"+c.Type+"/"+c.Region] = true
}
func (p *orderProgress) Done(c Collection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = append(p.done, c.Account+"/"+c.Service+"/"+c.Region)
	if !p.begun[c.Account+"/"+c.Service+"/"+c.Type+"/"+c.Region] {
		p.unseen = append(p.unseen, c.Account+"/"+c.Service+"/"+c.Type+"/"+c.Region)
	}
}

func TestRunStartsEachTaskInEveryAccount(t *testing.T) {
	p := NewPlan([]*collect.Service{regional}, regions, false, false)
	progress := &orderProgress{}
	_, err := Run(context.Background(), []Account{{ID: "111"}, {ID: "222"}}, p, &memWriter{}, Options{Workers: 1, Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	if len(progress.unseen) > 0 {
		t.Errorf("collections done without Begin: %v", progress.unseen)
	}
	want := []string{"111/ec2/eu-west-1", "222/ec2/eu-west-1", "111/ec2/us-east-1", "222/ec2/us-east-1"}
	if len(progress.done) < len(want) || !slices.Equal(progress.done[:len(want)], want) {
		t.Errorf("with one worker, tasks ran in the order %v, want accounts alternating: %v...", progress.done, want)
	}
}

func TestSelectServicesAndRegions(t *testing.T) {
	if _, err := SelectServices([]*collect.Service{regional, global}, []string{"iam", "ec3"}); err == nil || err.Error() != `unknown service "ec3" (did you mean ec2?)` {
		t.Errorf("unknown service error = %v", err)
	}
	got, err := SelectServices([]*collect.Service{regional, global}, []string{"IAM", "iam"})
	if err != nil || len(got) != 1 || got[0] != global {
		t.Errorf("SelectServices dedupe/case: %v %v", got, err)
	}
	if _, err := SelectRegions(regions, []string{"eu-wst-1"}); err == nil {
		t.Error("bad region accepted")
	}
	if r, _ := SelectRegions(regions, []string{"us-east-1", "eu-west-1", "us-east-1"}); !slices.Equal(r, regions) {
		t.Errorf("SelectRegions = %v", r)
	}
}

func TestRunCollectsRecordsAndSurvivesPanics(t *testing.T) {
	boom := &collect.Service{Name: "boom", Types: []collect.Type{{Name: "thing", Collect: func(context.Context, *collect.Task) error { panic("nil map") }}}}
	denied := &collect.Service{Name: "sqs", Types: []collect.Type{{Name: "queue", Collect: func(context.Context, *collect.Task) error {
		return &smithy.OperationError{OperationName: "ListQueues", Err: &smithy.GenericAPIError{Code: "AccessDenied", Message: "no"}}
	}}}}
	p := NewPlan([]*collect.Service{regional, global, wide, boom, denied}, regions, false, false)
	w := &memWriter{}
	res, err := Run(context.Background(), []Account{{ID: "111"}, {ID: "222"}}, p, w, Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	// per account: ec2 2 regions x 3, iam 3, s3 1
	if res.Resources != 2*(2*3+3+1) || len(w.res) != res.Resources {
		t.Fatalf("resources = %d (writer got %d)", res.Resources, len(w.res))
	}
	outcomes := map[string]awsx.Outcome{}
	for _, c := range res.Collections {
		outcomes[c.Account+"/"+c.Region+"/"+c.Service] = c.Outcome
		if c.Service == "sqs" && (c.Operation != "ListQueues" || c.ErrorCode != "AccessDenied") {
			t.Errorf("denied collection lost its cause: %+v", c)
		}
	}
	want := map[string]awsx.Outcome{
		"111/eu-west-1/boom": awsx.Failed, "222/us-east-1/sqs": awsx.Denied,
		"111/global/iam": awsx.OK, "111/us-east-1/s3": awsx.OK, "111/eu-west-1/s3": awsx.OK,
	}
	for k, o := range want {
		if outcomes[k] != o {
			t.Errorf("collection %s = %q, want %q", k, outcomes[k], o)
		}
	}
}

func TestRunStopsWhenTheWriterFails(t *testing.T) {
	w := &memWriter{fail: errors.New("disk full")}
	p := NewPlan([]*collect.Service{regional}, regions, false, false)
	if _, err := Run(context.Background(), []Account{{ID: "1"}}, p, w, Options{Workers: 1}); err == nil || err.Error() != "disk full" {
		t.Fatalf("Run error = %v, want the writer's", err)
	}
}

func TestRunCancelledSkipsRemainingTasks(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Run(ctx, []Account{{ID: "1"}}, NewPlan([]*collect.Service{regional}, regions, false, false), &memWriter{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Collections {
		if c.Outcome != awsx.Skipped {
			t.Errorf("%+v ran after cancellation", c)
		}
	}
}

// The ledger and rate control see every call and attempt of a real SDK client.
func TestLedgerCountsRetriesAndThrottles(t *testing.T) {
	ledger := NewLedger()
	attempts := 0
	cfg, err := awsx.LoadConfig(context.Background(), awsx.Options{Region: "us-east-1", Observer: ledger, MaxBackoff: 1,
		Responder: awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
			attempts++
			if attempts <= 3 {
				return nil, &smithy.GenericAPIError{Code: "Throttling", Message: "slow down"}
			}
			return &sts.GetCallerIdentityOutput{Account: aws.String("111")}, nil
		})})
	if err != nil {
		t.Fatal(err)
	}
	ctx := awsx.WithCollection(context.Background(), "111", "sts")
	if _, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
		t.Fatal(err)
	}
	rows := ledger.Rows()
	if len(rows) != 1 {
		t.Fatalf("ledger rows = %+v", rows)
	}
	r := rows[0]
	if r.Calls != 1 || r.Retries != 3 || r.Throttles != 3 || r.Outcome != awsx.OK || r.Account != "111" || r.Operation != "GetCallerIdentity" {
		t.Errorf("ledger row = %+v", r)
	}
	e := awsx.Endpoint{Account: "111", Region: "us-east-1", Service: "STS"}
	if got := ledger.rc.limiter(e).Limit(); float64(got) != startRate/2+increase {
		t.Errorf("rate after 3 throttles in a row and a success = %v, want one halving (%v)", got, startRate/2+increase)
	}
}

func TestRateControlAIMD(t *testing.T) {
	rc := newRateControl(8)
	clock := time.Unix(0, 0)
	rc.now = func() time.Time { return clock }
	e := awsx.Endpoint{Service: "EC2"}
	if r := rc.adjust(e, true); r != 4 {
		t.Errorf("after a throttle: %v, want 4", r)
	}
	if r := rc.adjust(e, true); r != 4 {
		t.Errorf("a second throttle within the cooldown halved again: %v", r)
	}
	for range 1000 {
		clock = clock.Add(cooldown)
		rc.adjust(e, true)
	}
	if r := rc.adjust(e, false); r != minRate+increase {
		t.Errorf("floor: %v", r)
	}
	for range 10000 {
		rc.adjust(e, false)
	}
	if r := rc.adjust(e, false); r != maxRate {
		t.Errorf("ceiling: %v", r)
	}
}

func TestMinDuration(t *testing.T) {
	if MinDuration(burst) != 0 {
		t.Error("calls within the burst should cost nothing")
	}
	// Within the growth phase: ∫ dk/(start+k) = ln(1 + m/start) for increase 1.
	if got, want := MinDuration(burst+50).Seconds(), math.Log(2); math.Abs(got-want) > 1e-6 {
		t.Errorf("MinDuration(burst+50) = %v, want %v", got, want)
	}
	if MinDuration(100000) <= MinDuration(10000) {
		t.Error("more calls must take longer")
	}
}
