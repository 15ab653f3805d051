package collect

import (
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/model"
)

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
	// PageCap, when non-zero, lowers every page size the collector asks for
	// (PageSize): tests make paginators run over several pages with a
	// handful of resources.
	PageCap int32
	// Shared is common to the tasks of the service in this account and
	// region (Reuse); nil runs every listing afresh.
	Shared *Shared

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

// Role is the key of the IAM role a resource names by name or ARN (the
// last segment of an ARN's path); "" gives a zero Key, which Relate ignores.
func (t *Task) Role(nameOrARN string) model.Key {
	return t.GlobalRef("iam", "role", ARNResourceName(nameOrARN))
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
