package collecttest

import (
	"context"
	"sort"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Recorder is a Sink that keeps everything in memory.
type Recorder struct {
	mu            sync.Mutex
	Resources     []*model.Resource
	Relationships []model.Relationship
}

// Resource implements collect.Sink.
func (r *Recorder) Resource(res *model.Resource) {
	r.mu.Lock()
	r.Resources = append(r.Resources, res)
	r.mu.Unlock()
}

// Relationship implements collect.Sink.
func (r *Recorder) Relationship(rel model.Relationship) {
	r.mu.Lock()
	r.Relationships = append(r.Relationships, rel)
	r.mu.Unlock()
}

// ByID returns the resources keyed by id.
func (r *Recorder) ByID() map[string]*model.Resource {
	m := map[string]*model.Resource{}
	for _, res := range r.Resources {
		m[res.ID] = res
	}
	return m
}

// Edges returns "from.ID -kind-> to.Type:to.ID" strings, sorted, for easy comparison.
func (r *Recorder) Edges() []string {
	var out []string
	for _, rel := range r.Relationships {
		out = append(out, rel.From.ID+" -"+rel.Kind+"-> "+rel.To.Service+"/"+rel.To.Type+":"+rel.To.ID)
	}
	sort.Strings(out)
	return out
}

// Result is the outcome of running one collector type.
type Result struct {
	*Recorder
	Task *collect.Task
	Err  error
}

// PageCap is the page size the tasks of Run ask for at most, so that
// paginators run over several pages with a handful of resources.
const PageCap int32 = 5

// Paged runs collectors with another page cap than PageCap, for an API whose
// page sizes have another minimum (EC2's is 5, DMS's 20) or whose test
// seeds fewer resources.
type Paged struct{ Cap int32 }

// Run runs one type of svc in region (for Global services pass
// model.GlobalRegion; cfg's region is then the control region), checks that
// every details key it emitted is documented in the type's Fields and every
// relationship declared in the service's Relations, and returns what it
// found.
func Run(t testing.TB, cfg aws.Config, svc *collect.Service, typeName, region string) Result {
	t.Helper()
	return Paged{PageCap}.Run(t, cfg, svc, typeName, region)
}

// Run is the package function Run with p's page cap.
func (p Paged) Run(t testing.TB, cfg aws.Config, svc *collect.Service, typeName, region string) Result {
	t.Helper()
	var typ *collect.Type
	for i := range svc.Types {
		if svc.Types[i].Name == typeName {
			typ = &svc.Types[i]
		}
	}
	if typ == nil {
		t.Fatalf("%s has no type %q", svc.Name, typeName)
	}
	rec := &Recorder{}
	task := &collect.Task{
		Account: MotoAccount, Region: region, Service: svc.Name, Type: typ.Name,
		Config: cfg, Local: true, Out: rec, Regions: []string{region}, PageCap: p.Cap,
	}
	err := typ.Collect(context.Background(), task)
	documented := map[string]bool{}
	for _, f := range typ.Fields {
		documented[f.Name] = true
	}
	for _, res := range rec.Resources {
		for k := range res.Details {
			if !documented[k] {
				t.Errorf("%s/%s %s: details field %q is not documented in Fields", svc.Name, typ.Name, res.ID, k)
			}
		}
	}
	for _, rel := range rec.Relationships {
		if !svc.Declares(rel) {
			t.Errorf("%s/%s %s -%s-> %s/%s is not declared in %s's Relations", rel.From.Service, rel.From.Type, rel.From.ID,
				rel.Kind, rel.To.Service, rel.To.Type, svc.Name)
		}
	}
	return Result{Recorder: rec, Task: task, Err: err}
}
