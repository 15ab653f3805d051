// Package collect defines what a collector is: per AWS service, a list of
// resource types, each with one function that pages through a list API and
// emits resources and relationships. Service packages live below this one
// (collect/ec2, collect/s3, ...) and are registered in collect/all.
package collect

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/model"
)

// Scope says how often a type is collected.
type Scope int

const (
	// Regional types are collected once per region.
	Regional Scope = iota
	// Global types belong to a global service (IAM, Route 53...): collected
	// once, from the service's control-plane region, stored with region "global".
	Global
	// AccountWide types are listed once for all regions (S3 buckets): the task
	// runs once and its collection vouches for every planned region.
	AccountWide
)

// Service is one AWS service's collector.
type Service struct {
	Name        string // lower-case, as users type it with -s: "ec2"
	Description string
	Scope       Scope // of all its types; Global and AccountWide services are called in awsx.HomeRegion
	Types       []Type
}

// Type collects one resource type.
type Type struct {
	Name        string // "instance"
	Description string
	Fields      []model.Field // every key Collect puts in Details
	Collect     func(ctx context.Context, t *Task) error
	// Tags is where the type's tags come from, or NotTaggable when AWS
	// offers no tags for it. Every type declares it: the registry test
	// fails on a type that does not, so a taggable type cannot silently
	// store {} (the tag audit would call its resources non-compliant).
	Tags TagPath
	// DetailCalls is the number of API calls per resource found beyond the
	// paged listing (0 for most types). The plan starts the types that make
	// the most first: their calls, ramping up under rate control, set a
	// scan's length.
	DetailCalls int
}

// TagPath says how a type's tags are read.
type TagPath string

const (
	// NotTaggable: AWS does not let the type be tagged; its tags are always {}.
	NotTaggable TagPath = "not taggable"
	// TagsListed: the list or describe call returns the tags.
	TagsListed TagPath = "listed"
	// TagsBulk: GetResources through BulkTags, checked against and else
	// replaced by the service's per-resource tag call.
	TagsBulk TagPath = "bulk"
	// TagsPerResource: the service's tag call per resource or per batch of
	// resources, run concurrently (ForEach, TagBatches).
	TagsPerResource TagPath = "per resource"
)

// Taggable reports whether AWS lets resources of the type carry tags.
func (t Type) Taggable() bool { return t.Tags != "" && t.Tags != NotTaggable }

// Info describes t as part of s.
func (s *Service) Info(t Type) model.TypeInfo {
	return model.TypeInfo{Service: s.Name, Type: t.Name, Description: t.Description, Fields: t.Fields, Taggable: t.Taggable()}
}

// Sink receives what collectors find. It must be safe for concurrent use.
type Sink interface {
	Resource(r *model.Resource)
	Relationship(rel model.Relationship)
}

// Task is one (account, region, service, type) collection in progress.
type Task struct {
	Account string
	Region  string   // an AWS region, or model.GlobalRegion
	Regions []string // AccountWide: the planned regions; resources elsewhere are dropped
	Service string
	Type    string
	Config  aws.Config // Region set to the region to call
	Local   bool       // an emulator or in-process responder: S3 needs path-style
	Out     Sink

	mu      sync.Mutex
	items   int
	partial []Warning
}

// Warning is a detail call that failed while the listing itself succeeded.
type Warning struct {
	Operation string
	Err       error
}

// errNoID marks a resource an API returned without an identifier.
var errNoID = errors.New("the API returned a resource without an id; it was not stored")

// Emit sends r, filling account, region, service and type when empty, and
// normalising nil maps so stored JSON is always an object. A resource without
// an id cannot be tracked across scans: it is dropped and the collection
// marked partial.
func (t *Task) Emit(r *model.Resource) {
	if r.ID == "" {
		t.Warn(t.Type, errNoID)
		return
	}
	if r.Account == "" {
		r.Account = t.Account
	}
	if r.Region == "" {
		r.Region = t.Region
	}
	if r.Service == "" {
		r.Service = t.Service
	}
	if r.Type == "" {
		r.Type = t.Type
	}
	if r.Tags == nil {
		r.Tags = map[string]string{}
	}
	if r.Details == nil {
		r.Details = map[string]any{}
	}
	t.mu.Lock()
	t.items++
	t.mu.Unlock()
	t.Out.Resource(r)
}

// Relate records an edge from -kind-> to.
func (t *Task) Relate(from model.Key, kind string, to model.Key) {
	if to.ID == "" || from.ID == "" {
		return
	}
	t.Out.Relationship(model.Relationship{From: from, Kind: kind, To: to})
}

// RelateByName records an edge to a resource known by a name that is
// unique across accounts and regions (an S3 bucket), guessing it lives in
// the task's account and the given region: the store resolves the guess
// (see model.Relationship.ToGuessed).
func (t *Task) RelateByName(from model.Key, kind string, service, typ, name, region string) {
	if name == "" || from.ID == "" {
		return
	}
	to := model.Key{Account: t.Account, Region: region, Service: service, Type: typ, ID: name}
	t.Out.Relationship(model.Relationship{From: from, Kind: kind, To: to, ToGuessed: true})
}

// Key is the key of a resource of this task's service in its account and region.
func (t *Task) Key(typ, id string) model.Key {
	return model.Key{Account: t.Account, Region: t.Region, Service: t.Service, Type: typ, ID: id}
}

// Ref is the key of a resource of another service in this account and region.
func (t *Task) Ref(service, typ, id string) model.Key {
	return model.Key{Account: t.Account, Region: t.Region, Service: service, Type: typ, ID: id}
}

// GlobalRef is the key of a resource of a global service (IAM...).
func (t *Task) GlobalRef(service, typ, id string) model.Key {
	return model.Key{Account: t.Account, Region: model.GlobalRegion, Service: service, Type: typ, ID: id}
}

// Warn records that a detail call failed: the resource is still emitted,
// without the fields that call would have filled, and the collection is
// marked partial. "Not found" answers are normal and are not warnings.
func (t *Task) Warn(operation string, err error) {
	if err == nil || awsx.IsNotFound(err) {
		return
	}
	t.mu.Lock()
	t.partial = append(t.partial, Warning{Operation: operation, Err: err})
	t.mu.Unlock()
}

// Items is how many resources the task emitted.
func (t *Task) Items() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.items
}

// Warnings are the failed detail calls, in the order they happened.
func (t *Task) Warnings() []Warning {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Warning(nil), t.partial...)
}

// InPlan reports whether region is one this AccountWide task should keep.
func (t *Task) InPlan(region string) bool {
	i := sort.SearchStrings(t.Regions, region)
	return i < len(t.Regions) && t.Regions[i] == region
}

// DetailConcurrency bounds the per-resource detail calls one task runs at
// once; per-endpoint rate control, not this bound, is what protects AWS.
// At 40 ms a round trip, 16 capped a task at 400 calls/s, which made the
// detail phase of the largest types (thousands of snapshots) longer than
// rate control requires; DetailWorkers bounds the total.
const DetailConcurrency = 64

// DetailWorkers bounds the extra detail workers of all tasks together. Each
// worker holds a stack grown for the SDK's deep middleware chain (about 64
// KiB): without a shared bound, 128 tasks in their detail phase at once
// would hold 2,048 of them. 512 in flight still allow thousands of calls a
// second at AWS's round-trip times, more than its rate limits admit.
const DetailWorkers = 512

// detailBudget counts the extra detail workers running (see DetailWorkers).
var detailBudget atomic.Int64

// ForEach runs fn for every item with bounded concurrency and waits for all.
// Use it for per-resource detail calls instead of a serial loop. fn reports
// its own failures (usually with Task.Warn); ForEach stops early only when
// ctx is cancelled. A few long-lived workers, rather than a goroutine per
// item, keep the stacks the SDK's deep middleware chain has grown. Each
// ForEach has one worker of its own and adds up to DetailConcurrency-1
// more while the shared budget (DetailWorkers) allows; it never waits for
// the budget, so nested calls cannot deadlock.
func ForEach[T any](ctx context.Context, items []T, fn func(ctx context.Context, item T)) {
	work := make(chan T)
	var wg sync.WaitGroup
	worker := func(extra bool) {
		defer wg.Done()
		if extra {
			defer detailBudget.Add(-1)
		}
		GrowStack()
		for it := range work {
			fn(ctx, it)
		}
	}
	workers := 0
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		if workers == 0 || workers < DetailConcurrency && takeDetailWorker() {
			wg.Add(1)
			go worker(workers > 0)
			workers++
		}
		work <- it
	}
	close(work)
	wg.Wait()
}

// takeDetailWorker reserves an extra detail worker if the budget allows.
func takeDetailWorker() bool {
	if detailBudget.Add(1) <= DetailWorkers {
		return true
	}
	detailBudget.Add(-1)
	return false
}

// Strings copies a list of SDK string pointers, skipping nils.
func Strings(ps []*string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// TagMap turns an SDK tag list into a map, whatever the service's tag type.
func TagMap[T any](tags []T, kv func(T) (*string, *string)) map[string]string {
	m := make(map[string]string, len(tags))
	for _, tag := range tags {
		k, v := kv(tag)
		if k != nil {
			m[*k] = aws.ToString(v)
		}
	}
	return m
}

// ARN builds an ARN in the task's partition and region for services whose
// list APIs return ids but not ARNs. account defaults to the task's.
func ARN(t *Task, service, account, resource string) string {
	if account == "" {
		account = t.Account
	}
	region := t.Region
	if region == model.GlobalRegion {
		region = ""
	}
	return "arn:" + t.Partition() + ":" + service + ":" + region + ":" + account + ":" + resource
}

// AccountlessARN builds an ARN without an account id, the form AWS uses for
// S3 buckets, Route 53 zones, API Gateway APIs and EC2 snapshots and images;
// region is "" for global resources.
func AccountlessARN(t *Task, service, region, resource string) string {
	return "arn:" + t.Partition() + ":" + service + ":" + region + "::" + resource
}

// Partition is the partition of the region the task calls ("aws", "aws-cn"...),
// the second field of the ARNs it builds.
func (t *Task) Partition() string { return awsx.Partition(t.Config.Region) }

// ARNResourceName is the last path segment of an ARN's resource part:
// arn:aws:iam::1:instance-profile/path/web -> web.
func ARNResourceName(arn string) string {
	if i := strings.LastIndexAny(arn, "/:"); i >= 0 {
		return arn[i+1:]
	}
	return arn
}

// PageCap, when non-zero, lowers every page size collectors ask for: tests
// set it so paginators run over several pages with a handful of resources.
var PageCap int32

// PageSize is the page size to request: max, or PageCap when that is lower.
func PageSize(max int32) *int32 {
	if PageCap > 0 && PageCap < max {
		max = PageCap
	}
	return &max
}

// KMSKey is the key of the KMS key a resource names by key id or key ARN,
// in the task's account and region unless the ARN says otherwise. Aliases
// and empty ids give a zero Key, which Relate ignores.
func (t *Task) KMSKey(keyIDOrARN string) model.Key {
	return KMSKeyIn(t.Account, t.Region, keyIDOrARN)
}

// KMSKeyIn is KMSKey with an explicit default account and region (S3
// buckets live in their own region, not the task's).
func KMSKeyIn(account, region, keyID string) model.Key {
	if parts := strings.SplitN(keyID, ":", 6); len(parts) == 6 && parts[0] == "arn" {
		if parts[2] != "kms" || !strings.HasPrefix(parts[5], "key/") {
			return model.Key{}
		}
		account, region, keyID = parts[4], parts[3], strings.TrimPrefix(parts[5], "key/")
	}
	if keyID == "" || strings.HasPrefix(keyID, "alias/") {
		return model.Key{}
	}
	return model.Key{Account: account, Region: region, Service: "kms", Type: "key", ID: keyID}
}

// Pager is an AWS SDK v2 paginator: Opt is the service's Options type, Out
// the list operation's output.
type Pager[Opt, Out any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context, optFns ...func(*Opt)) (*Out, error)
}

// EachPage fetches the pages of p one at a time and runs fn on each before
// fetching the next, so a collection holds one page of SDK objects rather
// than the whole listing; fn typically runs ForEach over the page's items
// and emits them. It returns the first listing error (resources of earlier
// pages have already been emitted) or the first error fn returns.
//
// Fetching the next page while fn runs was tried (November 2026): no gain
// with 40 ms round trips, where the scan is CPU-bound, and at 1M resources
// the second page held per collection raised the peak RSS past 300 MB.
func EachPage[Opt, Out any](ctx context.Context, p Pager[Opt, Out], fn func(page *Out) error) error {
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
	}
	return nil
}

// GrowStack grows the calling goroutine's stack, while it is still
// shallow, to the size an SDK call needs. The SDK's middleware chain is
// deep: a fresh goroutine's stack would otherwise be copied several times
// on its first call, each copy walking every deep frame (about 6% of a
// scan's CPU before this). Call it first thing in a goroutine that makes
// SDK calls.
//
//go:noinline
func GrowStack() {
	var frame [48 << 10]byte
	stackSink.Store(uint32(frame[stackSink.Load()%uint32(len(frame))]))
}

// stackSink keeps the compiler from eliding GrowStack's frame.
var stackSink atomic.Uint32
