package collect

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestKMSKeyIn(t *testing.T) {
	const id = "1234abcd-12ab-34cd-56ef-1234567890ab"
	cases := map[string]string{
		"arn:aws:kms:us-west-2:111122223333:key/" + id: "111122223333/us-west-2/kms/key/" + id,
		id:                                  "123456789012/eu-west-1/kms/key/" + id,
		"alias/app":                         "////",
		"arn:aws:kms:eu-west-1:1:alias/app": "////",
		"":                                  "////",
	}
	for in, want := range cases {
		if got := KMSKeyIn("123456789012", "eu-west-1", in).String(); got != want {
			t.Errorf("KMSKeyIn(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestARNHelpers(t *testing.T) {
	for _, c := range []struct{ arn, typ, want string }{
		{"arn:aws:personalize:us-east-1:1:dataset/shop/USERS", "dataset", "shop/USERS"},
		{"arn:aws:forecast:us-east-1:1:dataset-group/sales", "dataset-group", "sales"},
		{"arn:aws:forecast:us-east-1:1:predictor/p1", "dataset", "predictor/p1"}, // another shape: the resource part
		{"", "dataset", ""},
	} {
		if got := ARNID(aws.String(c.arn), c.typ); got != c.want {
			t.Errorf("ARNID(%q, %q) = %q, want %q", c.arn, c.typ, got, c.want)
		}
	}
	if got := ARNResourceName("arn:aws:iam::1:instance-profile/path/web"); got != "web" {
		t.Errorf("ARNResourceName = %q", got)
	}
	if got := ARN(&Task{Account: "1", Region: "global"}, "iam", "", "role/x"); got != "arn:aws:iam::1:role/x" {
		t.Errorf("global ARN = %q", got)
	}
	china := &Task{Account: "1", Region: "cn-northwest-1", Config: aws.Config{Region: "cn-northwest-1"}}
	if got := ARN(china, "sqs", "", "q"); got != "arn:aws-cn:sqs:cn-northwest-1:1:q" {
		t.Errorf("ARN in China = %q", got)
	}
	if got := AccountlessARN(china, "s3", "", "logs"); got != "arn:aws-cn:s3:::logs" {
		t.Errorf("AccountlessARN in China = %q", got)
	}
	if got := FunctionName("arn:aws:lambda:us-east-1:1:function:fn:prod"); got != "fn" {
		t.Errorf("FunctionName = %q", got)
	}
}

func TestForEachSharesTheDetailBudget(t *testing.T) {
	t.Parallel()     // the budget is this test's own
	const tasks = 40 // 40 x 15 extra workers would exceed DetailWorkers
	budget := NewDetailBudget(DetailWorkers)
	ctx := WithDetailBudget(context.Background(), budget)
	var running, peak atomic.Int64
	release := make(chan struct{})
	items := make([]int, DetailConcurrency*2)
	var wg sync.WaitGroup
	started := make(chan struct{}, tasks*len(items))
	for range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ForEach(ctx, items, func(context.Context, int) {
				n := running.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				started <- struct{}{}
				<-release
				running.Add(-1)
			})
		}()
	}
	// Every task gets its own worker; the extra ones share the budget.
	for range tasks + DetailWorkers {
		<-started
	}
	close(release)
	wg.Wait()
	if got, max := peak.Load(), int64(tasks+DetailWorkers); got != max {
		t.Errorf("%d detail calls ran at once, want the budget exactly: %d", got, max)
	}
	if n := budget.Running(); n != 0 {
		t.Errorf("%d extra workers still counted after every ForEach returned", n)
	}

	// Nested ForEach (S3: buckets, then calls per bucket) with the budget
	// exhausted still runs everything, one worker each.
	var done atomic.Int64
	ForEach(WithDetailBudget(context.Background(), NewDetailBudget(0)), items, func(ctx context.Context, _ int) {
		ForEach(ctx, items, func(context.Context, int) { done.Add(1) })
	})
	if want := int64(len(items) * len(items)); done.Load() != want {
		t.Errorf("nested ForEach ran %d items, want %d", done.Load(), want)
	}
}

// fakePager serves pages 1..n and fails on page failAt.
type fakePager struct{ next, n, failAt int }

func (p *fakePager) HasMorePages() bool { return p.next < p.n }

func (p *fakePager) NextPage(context.Context, ...func(*struct{})) (*int, error) {
	p.next++
	if p.next == p.failAt {
		return nil, errors.New("listing failed")
	}
	page := p.next
	return &page, nil
}

func TestEachPage(t *testing.T) {
	var seen []int
	record := func(page *int) error { seen = append(seen, *page); return nil }
	if err := EachPage(context.Background(), &fakePager{n: 3}, record); err != nil || !slices.Equal(seen, []int{1, 2, 3}) {
		t.Errorf("EachPage = %v, pages %v", err, seen)
	}
	// A listing error comes after the pages before it were processed.
	seen = nil
	if err := EachPage(context.Background(), &fakePager{n: 3, failAt: 2}, record); err == nil || !slices.Equal(seen, []int{1}) {
		t.Errorf("listing error: EachPage = %v, pages %v", err, seen)
	}
	// fn's error stops the listing.
	p, stop := &fakePager{n: 5}, errors.New("stop")
	if err := EachPage(context.Background(), p, func(*int) error { return stop }); err != stop || p.next != 1 {
		t.Errorf("fn error: EachPage = %v after %d fetches, want stop after 1", err, p.next)
	}
}

func TestSecretName(t *testing.T) {
	for arn, want := range map[string]string{
		"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db/prod-AbCdEf": "db/prod",
		"arn:aws:secretsmanager:eu-west-1:123456789012:secret:x":              "",
		"arn:aws:kms:eu-west-1:123456789012:key/k-1":                          "",
	} {
		if got := SecretName(arn); got != want {
			t.Errorf("SecretName(%s) = %q, want %q", arn, got, want)
		}
	}
}

func TestS3URLBucket(t *testing.T) {
	for _, c := range []struct{ location, want string }{
		{"s3://logs/prefix/file", "logs"},
		{"https://feeds.s3.eu-west-1.amazonaws.com/stix.xml", "feeds"},
		{"https://media.s3-eu-west-1.amazonaws.com/a", "media"},
		{"https://media.s3.amazonaws.com/a", "media"},
		{"https://s3.amazonaws.com/sec-lists/ips.txt", "sec-lists"},
		{"https://s3-us-west-2.amazonaws.com/lists/ips.txt", "lists"},
		{"https://data.s3.cn-north-1.amazonaws.com.cn/x", "data"},
		{"https://origin.example.com/live", ""},
		{"https://cdn.example.com/bucket/key", ""},
		{"", ""},
	} {
		if got := S3URLBucket(c.location); got != c.want {
			t.Errorf("S3URLBucket(%q) = %q, want %q", c.location, got, c.want)
		}
	}
}
