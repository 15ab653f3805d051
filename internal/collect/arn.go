package collect

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/model"
)

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

// ARNID is what follows "typ/" in an ARN, the id of resources whose ids
// hold slashes: ARNID("arn:aws:personalize:r:1:dataset/shop/USERS",
// "dataset") is "shop/USERS". An ARN of another shape gives its whole
// resource part, so the resource is still stored; no ARN gives "".
func ARNID(arn *string, typ string) string {
	a := aws.ToString(arn)
	if _, id, ok := strings.Cut(a, ":"+typ+"/"); ok {
		return id
	}
	if parts := strings.SplitN(a, ":", 6); len(parts) == 6 {
		return parts[5]
	}
	return ""
}
