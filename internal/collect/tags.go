package collect

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"

	"github.com/awsmap/awsmap/internal/awsx"
)

// BulkTags reads the tags of one kind of resource in a task's account and
// region through the Resource Groups Tagging API: one GetResources call per
// 100 tagged resources instead of one tag call per resource (the N+1
// pattern). The read happens once, at the first lookup, so a region
// without such resources costs no call, and once for all the service's
// types that read the same filter (Reuse): the answer is never modified.
//
// GetResources returns only resources that carry, or once carried, tags:
// a resource it does not return has none. When the read fails (often
// tag:GetResources is not granted), every lookup falls back to the
// service's own per-resource call: the tags are the same, they just cost
// more calls. The failed call stays in the ledger.
//
// Trust but verify: when GetResources answers no tags at all for a
// collection that found resources, the first resource's tags are read with
// the per-resource call too (one extra call per collection). If that finds
// tags, the Tagging API does not cover the type there (moto, or a type AWS
// added to it late): every lookup then uses the per-resource call, and a
// warning marks the collection partial so the gap is seen.
type BulkTags struct {
	t      *Task
	region string // "" for the task's
	filter string
	once   sync.Once
	// tags are the answers by ARN, kept as the SDK returned them (a map per
	// resource is made at lookup: the whole region's maps at once would
	// weigh on the peak memory); nil when the read failed.
	tags map[string][]types.Tag
	// checked is the resource the empty answer was verified on, and its
	// tags from the per-resource call (not read twice).
	checked     string
	checkedTags map[string]string
}

// NewBulkTags prepares the bulk read of the resources filter selects, in
// GetResources' service[:type] form ("lambda:function", or "sqs" for all
// of a service's types), in the task's region.
func NewBulkTags(t *Task, filter string) *BulkTags {
	return &BulkTags{t: t, filter: filter}
}

// NewBulkTagsIn is NewBulkTags in another region, for account-wide types
// (S3 buckets: GetResources answers for the buckets of the region called).
func NewBulkTagsIn(t *Task, region, filter string) *BulkTags {
	return &BulkTags{t: t, region: region, filter: filter}
}

// Of returns the tags of the resource arn. own is the service's
// per-resource tag call, made when the bulk read failed or proved wrong, and
// once to check an empty bulk answer; its failure is a warning under
// operation and leaves the resource without tags.
func (b *BulkTags) Of(ctx context.Context, arn, operation string, own func(context.Context) (map[string]string, error)) map[string]string {
	b.once.Do(func() {
		b.tags, _ = Reuse(ctx, b.t, "GetResources/"+b.region+"/"+b.filter, func(ctx context.Context) (map[string][]types.Tag, error) {
			return b.read(ctx), nil
		})
		if b.tags != nil && len(b.tags) == 0 {
			b.verify(ctx, arn, operation, own)
		}
	})
	if b.tags != nil {
		return TagMap(b.tags[arn], func(t types.Tag) (*string, *string) { return t.Key, t.Value })
	}
	if arn == b.checked {
		return b.checkedTags
	}
	tags, err := own(ctx)
	b.t.Warn(operation, err)
	return tags
}

// verify checks an empty GetResources answer on resource arn with the
// per-resource call; on disagreement it drops the bulk answer (see BulkTags).
// A failed check keeps the answer but is a warning: it is unverified.
func (b *BulkTags) verify(ctx context.Context, arn, operation string, own func(context.Context) (map[string]string, error)) {
	tags, err := own(ctx)
	if err != nil || len(tags) == 0 {
		b.t.Warn(operation, err)
		return
	}
	b.tags, b.checked, b.checkedTags = nil, arn, tags
	b.t.Warn("GetResources", &awsx.InconsistentError{Err: fmt.Errorf("%w: %s found tags on %s; tags were read with %s per resource instead",
		ErrBulkTagsMissed, operation, arn, operation)})
}

// ErrBulkTagsMissed is the warning of a GetResources answer that the
// per-resource tag call contradicted.
var ErrBulkTagsMissed = errors.New("the Resource Groups Tagging API answered no tags for " +
	"this type here but the service's own tag call did")

func (b *BulkTags) read(ctx context.Context) map[string][]types.Tag {
	api := tagging.NewFromConfig(b.t.Config, func(o *tagging.Options) {
		if b.region != "" {
			o.Region = b.region
		}
	})
	p := tagging.NewGetResourcesPaginator(api, &tagging.GetResourcesInput{
		ResourceTypeFilters: []string{b.filter},
		ResourcesPerPage:    b.t.PageSize(100),
	})
	tags := map[string][]types.Tag{}
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil
		}
		for _, r := range page.ResourceTagMappingList {
			tags[aws.ToString(r.ResourceARN)] = r.Tags
		}
	}
	return tags
}
