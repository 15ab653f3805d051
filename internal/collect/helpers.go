package collect

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/awsmap/awsmap/internal/model"
)

// TagBatches fetches the tags of ids for APIs that take a batch of ids per
// call: size ids per call, the batches run with ForEach. fetch makes one call
// and returns tags by id. A failed batch is a warning under operation: the
// tags it did return are kept, its other resources are emitted without tags.
func TagBatches(ctx context.Context, t *Task, operation string, ids []string, size int,
	fetch func(ctx context.Context, batch []string) (map[string]map[string]string, error)) map[string]map[string]string {
	var mu sync.Mutex
	out := map[string]map[string]string{}
	ForEach(ctx, slices.Collect(slices.Chunk(ids, size)), func(ctx context.Context, batch []string) {
		tags, err := fetch(ctx, batch)
		t.Warn(operation, err)
		mu.Lock()
		defer mu.Unlock()
		maps.Copy(out, tags)
	})
	return out
}

// FunctionName is the function name inside a Lambda function ARN, qualified
// (arn:aws:lambda:r:a:function:name:alias) or not; "" for anything else.
func FunctionName(arn string) string {
	parts := strings.Split(arn, ":")
	if len(parts) >= 7 && parts[5] == "function" {
		return parts[6]
	}
	return ""
}

// TargetKey is the key of the Lambda function, SQS queue or SNS topic an ARN
// names, in the ARN's own account and region (targets may cross both); false
// for any other ARN.
func TargetKey(target string) (model.Key, bool) {
	a, err := arn.Parse(target)
	if err != nil {
		return model.Key{}, false
	}
	k := model.Key{Account: a.AccountID, Region: a.Region, Service: a.Service}
	switch a.Service {
	case "lambda": // function:NAME[:qualifier]
		parts := strings.Split(a.Resource, ":")
		if len(parts) < 2 || parts[0] != "function" {
			return model.Key{}, false
		}
		k.Type, k.ID = "function", parts[1]
	case "sqs":
		k.Type, k.ID = "queue", a.Resource
	case "sns":
		k.Type, k.ID = "topic", a.Resource
	default:
		return model.Key{}, false
	}
	return k, true
}

// StreamKey is the key of the Kinesis data stream or Firehose delivery
// stream an ARN names, in the ARN's own account and region; false for any
// other ARN.
func StreamKey(streamARN string) (model.Key, bool) {
	a, err := arn.Parse(streamARN)
	if err != nil {
		return model.Key{}, false
	}
	k := model.Key{Account: a.AccountID, Region: a.Region, Service: a.Service}
	switch {
	case a.Service == "kinesis" && strings.HasPrefix(a.Resource, "stream/"):
		k.Type, k.ID = "stream", strings.TrimPrefix(a.Resource, "stream/")
	case a.Service == "firehose" && strings.HasPrefix(a.Resource, "deliverystream/"):
		k.Type, k.ID = "delivery-stream", strings.TrimPrefix(a.Resource, "deliverystream/")
	default:
		return model.Key{}, false
	}
	return k, true
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

// Values lists SDK enum values as strings, never nil (model.Field.Values:
// Values(types.VolumeType("").Values()), or a stored list of enums).
func Values[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// IDs lists the non-empty strings id gives for items, never nil, so it is
// stored as a JSON list.
func IDs[T any](items []T, id func(T) *string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s := aws.ToString(id(it)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TimeText normalises an RFC 3339 time an API sends as a string
// (GuardDuty, Security Hub) to the stored form; "" when absent or unreadable.
func TimeText(s *string) string {
	at, err := time.Parse(time.RFC3339Nano, aws.ToString(s))
	if err != nil {
		return ""
	}
	return model.Time(&at)
}

// LogGroupName is the name of the CloudWatch Logs log group an ARN names
// (arn:aws:logs:r:a:log-group:NAME, with or without the trailing :*); ""
// for any other ARN.
func LogGroupName(arn string) string {
	_, name, ok := strings.Cut(arn, ":log-group:")
	if !ok {
		return ""
	}
	return strings.TrimSuffix(name, ":*")
}
