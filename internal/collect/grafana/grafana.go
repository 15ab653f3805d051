// Package grafana collects Amazon Managed Grafana workspaces. Their API
// tokens are never stored.
package grafana

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/grafana"
	"github.com/aws/aws-sdk-go-v2/service/grafana/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Managed Grafana collector.
var Service = &collect.Service{
	Name:        "grafana",
	Description: "Managed Grafana workspaces",
	Types: []collect.Type{
		{Name: "workspace", Description: "Grafana workspace (id = g-...), with its network exposure and data sources", Fields: workspaceFields.Declared(),
			Tags: collect.TagsListed, Collect: workspaces, DetailCalls: 1},
	},
	Calls: "workspace: ListWorkspaces + per workspace DescribeWorkspace",
	Relations: []collect.Relation{
		{From: "workspace", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "workspace", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "workspace", Kind: "assumes-role", To: "iam/role"},
		{From: "workspace", Kind: "encrypted-with", To: "kms/key"},
	},
}

// workspace is a listed workspace with its DescribeWorkspace answer (nil
// when that failed: the fields it alone gives are then left out).
type workspace struct {
	types.WorkspaceSummary
	desc *types.WorkspaceDescription
}

func hasDescription(w workspace) bool { return w.desc != nil }

var workspaceFields = collect.Fields[workspace]{
	collect.Enum("status", "ACTIVE, CREATING, FAILED, UPDATING, ...", func(w workspace) types.WorkspaceStatus { return w.Status }),
	collect.Text("grafana_version", "Grafana version", func(w workspace) *string { return w.GrafanaVersion }),
	collect.Text("endpoint", "URL of the workspace", func(w workspace) *string { return w.Endpoint }),
	collect.Enum("license_type", "ENTERPRISE or ENTERPRISE_FREE_TRIAL; empty for the standard license", func(w workspace) types.LicenseType { return w.LicenseType }),
	collect.Computed("auth_providers", model.JSON, "sign-in methods: AWS_SSO, SAML", func(w workspace) any {
		if w.Authentication == nil {
			return []string{}
		}
		return collect.Values(w.Authentication.Providers)
	}),
	collect.Text("description", "workspace description", func(w workspace) *string { return w.Description }),
	collect.Timestamp("modified", "last change", func(w workspace) *time.Time { return w.Modified }),
	collect.When(hasDescription, collect.Computed("public_network", model.Boolean, "reachable from the internet: no network access control limits it to VPC endpoints or prefix lists",
		func(w workspace) any { return w.desc.NetworkAccessControl == nil })),
	collect.When(hasDescription, collect.Computed("in_vpc", model.Boolean, "the workspace reaches data sources inside a VPC", func(w workspace) any { return w.desc.VpcConfiguration != nil })),
	collect.When(hasDescription, collect.Computed("data_sources", model.JSON, "AWS data sources it is granted: CLOUDWATCH, PROMETHEUS, ...",
		func(w workspace) any { return collect.Values(w.desc.DataSources) })),
	collect.When(hasDescription, collect.Enum("account_access_type", "CURRENT_ACCOUNT or ORGANIZATION", func(w workspace) types.AccountAccessType { return w.desc.AccountAccessType })),
	collect.When(hasDescription, collect.Enum("permission_type", "SERVICE_MANAGED or CUSTOMER_MANAGED", func(w workspace) types.PermissionType { return w.desc.PermissionType })),
	collect.When(hasDescription, collect.Text("role_arn", "role the workspace reads data sources with", func(w workspace) *string { return w.desc.WorkspaceRoleArn })),
	collect.When(hasDescription, collect.Text("kms_key_id", "customer managed key encrypting the workspace", func(w workspace) *string { return w.desc.KmsKeyId })),
}

func workspaces(ctx context.Context, t *collect.Task) error {
	api := grafana.NewFromConfig(t.Config)
	p := grafana.NewListWorkspacesPaginator(api, &grafana.ListWorkspacesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *grafana.ListWorkspacesOutput) []types.WorkspaceSummary { return page.Workspaces },
		func(ctx context.Context, s types.WorkspaceSummary) {
			w := workspace{WorkspaceSummary: s}
			out, err := api.DescribeWorkspace(ctx, &grafana.DescribeWorkspaceInput{WorkspaceId: s.Id})
			t.Warn("DescribeWorkspace", err)
			if err == nil {
				w.desc = out.Workspace
			}
			id := aws.ToString(s.Id)
			key := t.Key("workspace", id)
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: collect.ARN(t, "grafana", "", "/workspaces/"+id), CreatedAt: model.Time(s.Created),
				Tags: s.Tags, Details: workspaceFields.Details(w)})
			if d := w.desc; d != nil {
				if v := d.VpcConfiguration; v != nil {
					for _, sn := range v.SubnetIds {
						t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
					}
					for _, sg := range v.SecurityGroupIds {
						t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
					}
				}
				if role := aws.ToString(d.WorkspaceRoleArn); role != "" {
					t.Relate(key, "assumes-role", t.Role(role))
				}
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.KmsKeyId)))
			}
		})
}
