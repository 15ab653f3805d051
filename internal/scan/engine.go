// Package scan runs a plan of collections: bounded workers, per-endpoint
// rate control and a ledger of every API call, with everything found
// streamed to one writer.
package scan

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Account is one account to scan, with the config whose credentials reach
// it and what the inventory records of it (scan_accounts).
type Account struct {
	ID     string
	Config aws.Config
	// Name, Alias, OUPath and OUNames describe the account (Organizations,
	// IAM alias); Profile or RoleARN say how it was reached.
	Name, Alias, OUPath, OUNames, Profile, RoleARN string
	// Regions are the regions enabled in the account, read after assuming
	// its role; nil means every region of the plan. A member account may
	// not have opted in to a region the caller's account uses: its
	// collections there are recorded unsupported, not called.
	Regions []string
	// Err, when set, is why the account cannot be scanned (its role could
	// not be assumed): nothing is called, and every collection of the plan
	// is recorded failed with this error, so the account reads UNKNOWN
	// and none of its resources are retired.
	Err error
}

// Writer receives everything a scan finds, from one goroutine at a time.
// An error stops the scan (the store could not keep up or failed).
type Writer interface {
	Resource(r *model.Resource) error
	Relationship(rel model.Relationship) error
}

// Progress hears about the scan as it runs. Methods are called from one
// goroutine at a time.
type Progress interface {
	Start(tasks int)
	// Begin is called, from the workers and so concurrently, when a
	// collection starts; c has no outcome yet.
	Begin(c Collection)
	Done(c Collection)
}

// DefaultWorkers is how many collections run at once by default. A
// collection mostly waits on the network, and per-endpoint rate control, not
// this pool, is what protects AWS: a small pool would leave the scan queueing
// behind slow round trips.
const DefaultWorkers = 128

// Options configure a run.
type Options struct {
	Workers int // concurrent collections; default DefaultWorkers
	// AccountWorkers bounds the accounts scanned at once (0: no bound,
	// every account's endpoints start together).
	AccountWorkers int
	Local          bool
	Progress       Progress // may be nil
}

// Collection is the outcome of one task: whether the (account, region,
// service, type) was fully collected, which decides whether missing resources
// can be retired.
type Collection struct {
	Account, Region, Service, Type string
	Outcome                        awsx.Outcome
	Operation                      string // the failing operation, when known
	ErrorCode, ErrorMessage        string
	Items                          int
	Duration                       time.Duration
}

// Failed reports whether the collection left a gap in the inventory:
// anything but ok, not-found and unsupported (a service not offered there,
// or not to this caller, has nothing to collect).
func (c Collection) Failed() bool {
	switch c.Outcome {
	case awsx.OK, awsx.NotFound, awsx.Unsupported:
		return false
	}
	return true
}

// Result is what a run did.
type Result struct {
	Accounts    []Account // as given to Run
	Collections []Collection
	Resources   int
	Duration    time.Duration
}

// Run executes plan in every account, streaming to w. It returns when every
// task has finished or ctx is cancelled (remaining tasks are then recorded as
// skipped). The error is non-nil only when the writer failed.
func Run(ctx context.Context, accounts []Account, plan Plan, w Writer, o Options) (Result, error) {
	start := time.Now()
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	ctx, cancel := context.WithCancel(collect.WithDetailBudget(ctx, collect.NewDetailBudget(collect.DetailWorkers)))
	defer cancel()

	items := make(chan item, 1024)
	writeErr := make(chan error, 1)
	var resources int
	go func() { writeErr <- drain(items, w, &resources, cancel) }()

	jobs := make(chan job)
	done := make(chan Collection)
	var wg sync.WaitGroup
	memory := newAdmission()
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			collect.GrowStack()
			for j := range jobs {
				if o.Progress != nil {
					o.Progress.Begin(Collection{Account: j.task.Account, Region: j.task.Region, Service: j.task.Service, Type: j.task.Type})
				}
				c := runTask(ctx, j)
				j.task.Shared.Release()
				memory.running.Add(-1)
				done <- c
			}
		}()
	}
	regionsOf := map[string][]string{} // each account's regions of the plan
	for _, a := range accounts {
		regionsOf[a.ID] = a.regions(plan)
	}
	tasks := expand(accounts, plan, regionsOf, items, o.Local, o.AccountWorkers > 0)
	slots := newAccountSlots(o.AccountWorkers, tasks)
	go func() {
		for _, t := range tasks {
			slots.enter(ctx, t.task.Account)
			memory.wait(ctx)
			memory.running.Add(1)
			jobs <- t
		}
		close(jobs)
		wg.Wait()
		close(done)
	}()
	if o.Progress != nil {
		o.Progress.Start(len(tasks)) // unreachable accounts' collections never run
	}
	res := Result{Accounts: accounts}
	for _, c := range append(unreachableCollections(accounts, plan), optedOutCollections(accounts, plan)...) {
		res.Collections = append(res.Collections, perRegion(c, regionsOf[c.Account])...)
	}
	for c := range done {
		slots.leave(c.Account)
		res.Collections = append(res.Collections, perRegion(c, regionsOf[c.Account])...)
		if o.Progress != nil {
			o.Progress.Done(c)
		}
	}
	close(items)
	err := <-writeErr
	sortCollections(res.Collections)
	res.Resources = resources
	res.Duration = time.Since(start)
	return res, err
}

// item is a resource or a relationship on its way to the writer.
type item struct {
	res *model.Resource
	rel model.Relationship
}

// channelSink hands what collectors find to the writer goroutine.
type channelSink chan<- item

func (s channelSink) Resource(r *model.Resource)          { s <- item{res: r} }
func (s channelSink) Relationship(rel model.Relationship) { s <- item{rel: rel} }

func drain(items <-chan item, w Writer, count *int, cancel func()) error {
	var err error
	for it := range items {
		if err != nil {
			continue // keep draining so collectors never block
		}
		if it.res != nil {
			*count++
			err = w.Resource(it.res)
		} else {
			err = w.Relationship(it.rel)
		}
		if err != nil {
			cancel()
		}
	}
	return err
}

// job is a task and the function that collects it.
type job struct {
	task    *collect.Task
	collect func(context.Context, *collect.Task) error
}

// expand lays out the jobs of the reachable accounts. Without byAccount,
// task by task, each for every account in turn, so that all accounts'
// endpoints start early: account by account, the last account's slowest
// endpoints (per-resource detail calls, ramping up under rate control from
// startRate) would start late and make the tail. With byAccount (a bound
// on the accounts at once), account by account, each in plan order.
func expand(accounts []Account, plan Plan, regionsOf map[string][]string, items chan<- item, local, byAccount bool) []job {
	var jobs []job
	shared := map[[3]string]*collect.Shared{}
	add := func(a Account, pt Task) {
		if !a.enabled(pt) {
			return
		}
		cfg := a.Config.Copy()
		cfg.Region = pt.Region
		endpoint := [3]string{a.ID, pt.Region, pt.Service.Name}
		if shared[endpoint] == nil {
			shared[endpoint] = &collect.Shared{}
		}
		shared[endpoint].Hold()
		jobs = append(jobs, job{task: &collect.Task{
			Account: a.ID, Region: pt.StoredRegion, Regions: regionsOf[a.ID],
			Service: pt.Service.Name, Type: pt.Type.Name,
			Config: cfg, Local: local, Out: channelSink(items), Shared: shared[endpoint],
		}, collect: pt.Type.Collect})
	}
	reachable := slices.DeleteFunc(slices.Clone(accounts), func(a Account) bool { return a.Err != nil })
	if byAccount {
		for _, a := range reachable {
			for _, pt := range plan.Tasks {
				add(a, pt)
			}
		}
		return jobs
	}
	for _, pt := range plan.Tasks {
		for _, a := range reachable {
			add(a, pt)
		}
	}
	return jobs
}

// unreachableCollections records every task of the accounts that cannot
// be scanned as failed with the account's error (denied, throttled...;
// never an outcome that would vouch for the account).
func unreachableCollections(accounts []Account, plan Plan) []Collection {
	var out []Collection
	for _, a := range accounts {
		if a.Err == nil {
			continue
		}
		outcome := awsx.Classify(a.Err)
		if !(Collection{Outcome: outcome}).Failed() {
			outcome = awsx.Failed
		}
		for _, pt := range plan.Tasks {
			out = append(out, Collection{Account: a.ID, Region: pt.StoredRegion, Service: pt.Service.Name,
				Type: pt.Type.Name, Outcome: outcome, Operation: awsx.Operation(a.Err),
				ErrorCode: awsx.ErrorCode(a.Err), ErrorMessage: awsx.ErrorMessage(a.Err)})
		}
	}
	return out
}

// enabled says whether the account has pt's region enabled (global and
// account-wide tasks always run).
func (a Account) enabled(pt Task) bool {
	return a.Regions == nil || pt.StoredRegion != pt.Region || slices.Contains(a.Regions, pt.Region)
}

// regions are the plan's regions enabled in the account.
func (a Account) regions(plan Plan) []string {
	if a.Regions == nil {
		return plan.Regions
	}
	return slices.DeleteFunc(slices.Clone(plan.Regions), func(r string) bool { return !slices.Contains(a.Regions, r) })
}

// optedOutCollections records the tasks of regions an account has not
// enabled as unsupported: nothing can exist there, and nothing was called.
func optedOutCollections(accounts []Account, plan Plan) []Collection {
	var out []Collection
	for _, a := range accounts {
		for _, pt := range plan.Tasks {
			if a.Err == nil && !a.enabled(pt) {
				out = append(out, Collection{Account: a.ID, Region: pt.StoredRegion, Service: pt.Service.Name, Type: pt.Type.Name,
					Outcome: awsx.Unsupported, ErrorCode: "RegionNotEnabled",
					ErrorMessage: fmt.Sprintf("region %s is not enabled in account %s (an opt-in region)", pt.Region, a.ID)})
			}
		}
	}
	return out
}

// runTask runs one collection; a panicking collector is a failed collection,
// not a crashed scan.
func runTask(ctx context.Context, j job) (c Collection) {
	start, t := time.Now(), j.task
	c = Collection{Account: t.Account, Region: t.Region, Service: t.Service, Type: t.Type}
	defer func() {
		if p := recover(); p != nil {
			c.Outcome, c.ErrorCode = awsx.Failed, "Panic"
			c.ErrorMessage = fmt.Sprintf("collector panicked: %v\n%s", p, debug.Stack())
		}
		c.Items, c.Duration = t.Items(), time.Since(start)
	}()
	if ctx.Err() != nil {
		c.Outcome = awsx.Skipped
		return c
	}
	err := j.collect(awsx.WithCollection(ctx, t.Account, t.Service), t)
	c.Outcome = awsx.Classify(err)
	if err != nil {
		c.Operation = awsx.Operation(err)
		c.ErrorCode, c.ErrorMessage = awsx.ErrorCode(err), awsx.ErrorMessage(err)
		return c
	}
	if w := t.Warnings(); len(w) > 0 {
		c.Outcome = awsx.Partial
		c.Operation = w[0].Operation
		c.ErrorCode, c.ErrorMessage = awsx.ErrorCode(w[0].Err), awsx.ErrorMessage(w[0].Err)
		if len(w) > 1 {
			c.ErrorMessage += fmt.Sprintf(" (and %d more failed detail calls)", len(w)-1)
		}
	}
	return c
}

// perRegion records an account-wide collection once per planned region the
// account has enabled, so
// that it vouches for (and may retire) resources in each of them.
func perRegion(c Collection, regions []string) []Collection {
	if c.Region != "" {
		return []Collection{c}
	}
	out := make([]Collection, 0, len(regions))
	for _, r := range regions {
		rc := c
		rc.Region = r
		out = append(out, rc)
	}
	return out
}

func sortCollections(cs []Collection) {
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Account != b.Account {
			return a.Account < b.Account
		}
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		return a.Type < b.Type
	})
}
