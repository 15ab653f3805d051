// Package redshiftserverless collects Redshift Serverless namespaces (the
// databases and their storage), workgroups (the compute and network
// endpoint) and snapshots.
package redshiftserverless

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	rss "github.com/aws/aws-sdk-go-v2/service/redshiftserverless"
	"github.com/aws/aws-sdk-go-v2/service/redshiftserverless/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Redshift Serverless collector.
var Service = &collect.Service{
	Name:        "redshift-serverless",
	Description: "Redshift Serverless namespaces, workgroups and snapshots",
	Types: []collect.Type{
		{Name: "namespace", Description: "Redshift Serverless namespace (id = name)", Fields: namespaceFields.Declared(), Tags: collect.TagsPerResource, Collect: namespaces, DetailCalls: 1},
		{Name: "workgroup", Description: "Redshift Serverless workgroup (id = name): capacity and network exposure", Fields: workgroupFields.Declared(),
			Tags: collect.TagsPerResource, Collect: workgroups, DetailCalls: 1},
		{Name: "snapshot", Description: "Redshift Serverless snapshot (id = name)", Fields: snapshotFields.Declared(), Tags: collect.TagsPerResource, Collect: snapshots, DetailCalls: 1},
	},
	Calls: "namespace, workgroup, snapshot: List* + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "namespace", Kind: "encrypted-with", To: "kms/key"},
		{From: "namespace", Kind: "assumes-role", To: "iam/role"},
		{From: "workgroup", Kind: "uses-namespace", To: "redshift-serverless/namespace"},
		{From: "workgroup", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "workgroup", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "snapshot", Kind: "created-from", To: "redshift-serverless/namespace"},
		{From: "snapshot", Kind: "encrypted-with", To: "kms/key"},
	},
}

// emitTagged reads r's tags, then emits it; a failed read is a warning.
func emitTagged(ctx context.Context, t *collect.Task, api *rss.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &rss.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

var namespaceFields = collect.Fields[types.Namespace]{
	collect.Enum("status", "AVAILABLE, MODIFYING or DELETING", func(n types.Namespace) types.NamespaceStatus { return n.Status }),
	collect.Text("db_name", "name of the first database", func(n types.Namespace) *string { return n.DbName }),
	collect.Text("admin_username", "administrator user name", func(n types.Namespace) *string { return n.AdminUsername }),
	collect.Computed("admin_password_managed", model.Boolean, "the admin password is kept in Secrets Manager", func(n types.Namespace) any {
		return aws.ToString(n.AdminPasswordSecretArn) != ""
	}),
	collect.Text("kms_key_id", "KMS key encrypting the data (AWS_OWNED_KMS_KEY when AWS's)", func(n types.Namespace) *string { return n.KmsKeyId }),
	collect.Computed("log_exports", model.JSON, "logs exported to CloudWatch (useractivitylog, userlog, connectionlog)", func(n types.Namespace) any {
		out := []string{}
		for _, l := range n.LogExports {
			out = append(out, string(l))
		}
		return out
	}),
	collect.Computed("iam_roles", model.JSON, "IAM roles the namespace may assume", func(n types.Namespace) any { return append([]string{}, n.IamRoles...) }),
}

func namespaces(ctx context.Context, t *collect.Task) error {
	api := rss.NewFromConfig(t.Config)
	p := rss.NewListNamespacesPaginator(api, &rss.ListNamespacesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *rss.ListNamespacesOutput) []types.Namespace { return page.Namespaces }, func(ctx context.Context, n types.Namespace) {
		name := aws.ToString(n.NamespaceName)
		key := t.Key("namespace", name)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(n.NamespaceArn), Name: name, CreatedAt: model.Time(n.CreationDate), Details: namespaceFields.Details(n)})
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(n.KmsKeyId)))
		for _, role := range n.IamRoles {
			t.Relate(key, "assumes-role", t.Role(role))
		}
	})
}

var workgroupFields = collect.Fields[types.Workgroup]{
	collect.Enum("status", "CREATING, AVAILABLE, MODIFYING or DELETING", func(w types.Workgroup) types.WorkgroupStatus { return w.Status }),
	collect.Text("namespace", "namespace the workgroup serves", func(w types.Workgroup) *string { return w.NamespaceName }),
	collect.Bool("publicly_accessible", "the endpoint is reachable from the internet", func(w types.Workgroup) *bool { return w.PubliclyAccessible }),
	collect.Bool("enhanced_vpc_routing", "COPY and UNLOAD traffic goes through the VPC", func(w types.Workgroup) *bool { return w.EnhancedVpcRouting }),
	collect.Int("base_capacity_rpu", "base capacity in Redshift processing units", func(w types.Workgroup) *int32 { return w.BaseCapacity }),
	collect.Int("max_capacity_rpu", "maximum capacity in RPUs (0 = no limit)", func(w types.Workgroup) *int32 { return w.MaxCapacity }),
	collect.Computed("endpoint", model.Text, "endpoint host", func(w types.Workgroup) any {
		if w.Endpoint == nil {
			return ""
		}
		return aws.ToString(w.Endpoint.Address)
	}),
	collect.Int("port", "endpoint port", func(w types.Workgroup) *int32 { return w.Port }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the workgroup", func(w types.Workgroup) any { return append([]string{}, w.SubnetIds...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the workgroup", func(w types.Workgroup) any { return append([]string{}, w.SecurityGroupIds...) }),
}

func workgroups(ctx context.Context, t *collect.Task) error {
	api := rss.NewFromConfig(t.Config)
	p := rss.NewListWorkgroupsPaginator(api, &rss.ListWorkgroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *rss.ListWorkgroupsOutput) []types.Workgroup { return page.Workgroups }, func(ctx context.Context, w types.Workgroup) {
		name := aws.ToString(w.WorkgroupName)
		key := t.Key("workgroup", name)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(w.WorkgroupArn), Name: name, CreatedAt: model.Time(w.CreationDate), Details: workgroupFields.Details(w)})
		t.Relate(key, "uses-namespace", t.Key("namespace", aws.ToString(w.NamespaceName)))
		for _, s := range w.SubnetIds {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
		}
		for _, sg := range w.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
	})
}

var snapshotFields = collect.Fields[types.Snapshot]{
	collect.Enum("status", "AVAILABLE, CREATING, DELETED, CANCELLED, FAILED, COPYING", func(s types.Snapshot) types.SnapshotStatus { return s.Status }),
	collect.Text("namespace", "namespace the snapshot is of", func(s types.Snapshot) *string { return s.NamespaceName }),
	collect.Computed("size_mb", model.Real, "total backup size in MB", func(s types.Snapshot) any { return aws.ToFloat64(s.TotalBackupSizeInMegaBytes) }),
	collect.Int("retention_days", "days the snapshot is kept (-1 = until deleted)", func(s types.Snapshot) *int32 { return s.SnapshotRetentionPeriod }),
	collect.Text("kms_key_id", "KMS key encrypting the snapshot", func(s types.Snapshot) *string { return s.KmsKeyId }),
	collect.Computed("shared_with_accounts", model.JSON, "other accounts allowed to restore it", func(s types.Snapshot) any {
		return append([]string{}, s.AccountsWithRestoreAccess...)
	}),
	collect.Timestamp("snapshot_create_time", "when the snapshot was taken", func(s types.Snapshot) *time.Time { return s.SnapshotCreateTime }),
}

func snapshots(ctx context.Context, t *collect.Task) error {
	api := rss.NewFromConfig(t.Config)
	p := rss.NewListSnapshotsPaginator(api, &rss.ListSnapshotsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *rss.ListSnapshotsOutput) []types.Snapshot { return page.Snapshots }, func(ctx context.Context, s types.Snapshot) {
		name := aws.ToString(s.SnapshotName)
		key := t.Key("snapshot", name)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(s.SnapshotArn), Name: name, CreatedAt: model.Time(s.SnapshotCreateTime), Details: snapshotFields.Details(s)})
		t.Relate(key, "created-from", t.Key("namespace", aws.ToString(s.NamespaceName)))
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
	})
}
