package collect_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
)

// bulkTask is a task whose GetResources calls get answer (tagged ARNs).
func bulkTask(t *testing.T, answer map[string]string) *collect.Task {
	t.Helper()
	cfg, err := awsx.LoadConfig(context.Background(), awsx.Options{Region: "eu-west-1",
		Responder: awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
			if req.Operation != "GetResources" {
				return nil, fmt.Errorf("unexpected call %s", req.Operation)
			}
			out := &tagging.GetResourcesOutput{}
			for arn, owner := range answer {
				out.ResourceTagMappingList = append(out.ResourceTagMappingList, types.ResourceTagMapping{
					ResourceARN: aws.String(arn), Tags: []types.Tag{{Key: aws.String("Owner"), Value: aws.String(owner)}}})
			}
			return out, nil
		})})
	if err != nil {
		t.Fatal(err)
	}
	return &collect.Task{Account: "1", Region: "eu-west-1", Service: "lambda", Type: "function", Config: cfg}
}

// Trust but verify: an empty GetResources answer is checked with one
// per-resource call; when that finds tags, every resource is read per
// resource and the collection is marked partial.
func TestBulkTagsVerifiesAnEmptyAnswer(t *testing.T) {
	resources := map[string]map[string]string{"a": {"Owner": "ann"}, "b": {}, "c": {"Owner": "cy"}}
	for _, tc := range []struct {
		name      string
		bulk      map[string]string // GetResources' answer
		own       map[string]map[string]string
		ownErr    error
		wantCalls int64
		want      map[string]string // resource -> Owner
		warned    string            // the operation of the one warning expected
	}{
		{name: "bulk answers", bulk: map[string]string{"a": "ann", "c": "cy"}, own: resources, wantCalls: 0, want: map[string]string{"a": "ann", "c": "cy"}},
		{name: "empty and confirmed", bulk: nil, own: map[string]map[string]string{}, wantCalls: 1, want: map[string]string{}},
		{name: "empty but contradicted", bulk: nil, own: resources, wantCalls: 3, want: map[string]string{"a": "ann", "c": "cy"}, warned: "GetResources"},
		{name: "empty and the check fails", bulk: nil, own: resources, ownErr: errors.New("denied"), wantCalls: 1, want: map[string]string{}, warned: "ListTags"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			task := bulkTask(t, tc.bulk)
			bulk := collect.NewBulkTags(task, "lambda:function")
			var calls atomic.Int64
			got := map[string]string{}
			for _, arn := range []string{"a", "b", "c"} {
				tags := bulk.Of(context.Background(), arn, "ListTags", func(context.Context) (map[string]string, error) {
					calls.Add(1)
					return tc.own[arn], tc.ownErr
				})
				if o, ok := tags["Owner"]; ok {
					got[arn] = o
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) || calls.Load() != tc.wantCalls {
				t.Errorf("owners %v with %d per-resource calls, want %v with %d", got, calls.Load(), tc.want, tc.wantCalls)
			}
			w := task.Warnings()
			if tc.warned == "" && len(w) > 0 || tc.warned != "" && (len(w) != 1 || w[0].Operation != tc.warned) {
				t.Errorf("warnings %v, want one of %q", w, tc.warned)
			}
			if tc.warned == "GetResources" && !errors.Is(w[0].Err, collect.ErrBulkTagsMissed) {
				t.Errorf("warning %v, want ErrBulkTagsMissed", w[0].Err)
			}
		})
	}
}
