// Package datazone collects Amazon DataZone domains.
package datazone

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/aws/aws-sdk-go-v2/service/datazone/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the DataZone collector.
var Service = &collect.Service{
	Name:        "datazone",
	Description: "Amazon DataZone domains",
	Types: []collect.Type{
		{Name: "domain", Description: "DataZone domain (id = dzd_...): portal, single sign-on, execution role, encryption",
			Fields: domainFields.Declared(), Tags: collect.TagsListed, Collect: domains, DetailCalls: 1},
	},
	Calls: "domain: ListDomains + per domain GetDomain (which returns the tags)",
	Relations: []collect.Relation{
		{From: "domain", Kind: "assumes-role", To: "iam/role"},
		{From: "domain", Kind: "encrypted-with", To: "kms/key"},
	},
}

var domainFields = collect.Fields[*datazone.GetDomainOutput]{
	collect.Enum("status", "AVAILABLE, CREATING, DELETING, CREATION_FAILED, ...", func(d *datazone.GetDomainOutput) types.DomainStatus { return d.Status }),
	collect.Enum("version", "V1 or V2 (SageMaker Unified Studio)", func(d *datazone.GetDomainOutput) types.DomainVersion { return d.DomainVersion }),
	collect.Text("description", "domain description", func(d *datazone.GetDomainOutput) *string { return d.Description }),
	collect.Text("portal_url", "data portal URL", func(d *datazone.GetDomainOutput) *string { return d.PortalUrl }),
	collect.Text("execution_role", "IAM role the domain runs as", func(d *datazone.GetDomainOutput) *string { return d.DomainExecutionRole }),
	collect.Text("kms_key", "customer KMS key encrypting the domain's metadata; empty: AWS owned", func(d *datazone.GetDomainOutput) *string { return d.KmsKeyIdentifier }),
	collect.Computed("sso", model.Text, "single sign-on: IAM_IDC or DISABLED; empty: not configured", func(d *datazone.GetDomainOutput) any {
		if d.SingleSignOn == nil {
			return ""
		}
		return string(d.SingleSignOn.Type)
	}),
	collect.Timestamp("last_updated", "last change", func(d *datazone.GetDomainOutput) *time.Time { return d.LastUpdatedAt }),
}

func domains(ctx context.Context, t *collect.Task) error {
	api := datazone.NewFromConfig(t.Config)
	p := datazone.NewListDomainsPaginator(api, &datazone.ListDomainsInput{MaxResults: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *datazone.ListDomainsOutput) []types.DomainSummary { return page.Items },
		func(ctx context.Context, s types.DomainSummary) {
			id := aws.ToString(s.Id)
			r := &model.Resource{Key: t.Key("domain", id), Name: aws.ToString(s.Name), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt)}
			out, err := api.GetDomain(ctx, &datazone.GetDomainInput{Identifier: s.Id})
			t.Warn("GetDomain", err)
			if err == nil {
				r.Details, r.Tags = domainFields.Details(out), out.Tags
				t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(out.DomainExecutionRole)))
				t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(out.KmsKeyIdentifier)))
			}
			t.Emit(r)
		})
}
