// Package servicequotas collects the quota increases requested in a
// region: what was asked for, and whether AWS granted it.
package servicequotas

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Service Quotas collector.
var Service = &collect.Service{
	Name:        "service-quotas",
	Description: "Service Quotas increase requests",
	Types: []collect.Type{
		{Name: "quota-change-request", Description: "requested quota increase (id = request id), open or closed, with the value asked for",
			Fields: requestFields.Declared(), Tags: collect.NotTaggable, Collect: requests},
	},
	Calls: "quota-change-request: ListRequestedServiceQuotaChangeHistory",
}

var requestFields = collect.Fields[types.RequestedServiceQuotaChange]{
	collect.Text("service_code", "service of the quota, e.g. ec2", func(r types.RequestedServiceQuotaChange) *string { return r.ServiceCode }),
	collect.Text("quota_code", "quota code, e.g. L-1216C47A", func(r types.RequestedServiceQuotaChange) *string { return r.QuotaCode }),
	collect.Text("quota_name", "quota name", func(r types.RequestedServiceQuotaChange) *string { return r.QuotaName }),
	collect.Computed("desired_value", model.Real, "value asked for", func(r types.RequestedServiceQuotaChange) any {
		if r.DesiredValue == nil {
			return nil
		}
		return *r.DesiredValue
	}),
	collect.Text("unit", "unit of the value", func(r types.RequestedServiceQuotaChange) *string { return r.Unit }),
	collect.Enum("status", "PENDING, CASE_OPENED, APPROVED, DENIED, CASE_CLOSED, NOT_APPROVED, INVALID_REQUEST, ...",
		func(r types.RequestedServiceQuotaChange) types.RequestStatus { return r.Status }),
	collect.Text("case_id", "support case opened for the request", func(r types.RequestedServiceQuotaChange) *string { return r.CaseId }),
	collect.Text("requester", "identity that asked", func(r types.RequestedServiceQuotaChange) *string { return r.Requester }),
	collect.Computed("global_quota", model.Boolean, "the quota applies to every region", func(r types.RequestedServiceQuotaChange) any { return r.GlobalQuota }),
	collect.Timestamp("last_updated", "last change of the request", func(r types.RequestedServiceQuotaChange) *time.Time { return r.LastUpdated }),
}

func requests(ctx context.Context, t *collect.Task) error {
	p := servicequotas.NewListRequestedServiceQuotaChangeHistoryPaginator(servicequotas.NewFromConfig(t.Config),
		&servicequotas.ListRequestedServiceQuotaChangeHistoryInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *servicequotas.ListRequestedServiceQuotaChangeHistoryOutput) error {
		for _, r := range page.RequestedQuotas {
			id := aws.ToString(r.Id)
			t.Emit(&model.Resource{Key: t.Key("quota-change-request", id), Name: aws.ToString(r.QuotaName), ARN: aws.ToString(r.QuotaArn),
				CreatedAt: model.Time(r.Created), Details: requestFields.Details(r)})
		}
		return nil
	})
}
