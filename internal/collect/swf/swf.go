// Package swf collects Simple Workflow Service domains.
package swf

import (
	"context"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/swf"
	"github.com/aws/aws-sdk-go-v2/service/swf/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SWF collector.
var Service = &collect.Service{
	Name:        "swf",
	Description: "Simple Workflow Service domains",
	Types: []collect.Type{
		{Name: "domain", Description: "SWF domain, registered (id = name); deprecated domains are skipped",
			Fields: domainFields.Declared(), Tags: collect.TagsPerResource, Collect: domains, DetailCalls: 2},
	},
	Calls: "domain: ListDomains (REGISTERED) + per domain DescribeDomain, ListTagsForResource",
}

// domain is a listed domain with its DescribeDomain answer (nil when that
// call failed).
type domain struct {
	info   types.DomainInfo
	config *types.DomainConfiguration
}

func hasConfig(d domain) bool { return d.config != nil }

var domainFields = collect.Fields[domain]{
	collect.Text("description", "domain description", func(d domain) *string { return d.info.Description }),
	collect.Enum("status", "REGISTERED or DEPRECATED", func(d domain) types.RegistrationStatus { return d.info.Status }),
	collect.When(hasConfig, collect.Computed("retention_days", model.Integer, "days the history of closed workflow executions is kept", func(d domain) any {
		days, err := strconv.ParseInt(aws.ToString(d.config.WorkflowExecutionRetentionPeriodInDays), 10, 64)
		if err != nil {
			return nil
		}
		return days
	})),
}

func domains(ctx context.Context, t *collect.Task) error {
	api := swf.NewFromConfig(t.Config)
	p := swf.NewListDomainsPaginator(api, &swf.ListDomainsInput{RegistrationStatus: types.RegistrationStatusRegistered, MaximumPageSize: *t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *swf.ListDomainsOutput) []types.DomainInfo { return page.DomainInfos },
		func(ctx context.Context, info types.DomainInfo) {
			name := aws.ToString(info.Name)
			d := domain{info: info}
			out, err := api.DescribeDomain(ctx, &swf.DescribeDomainInput{Name: info.Name})
			t.Warn("DescribeDomain", err)
			if err == nil {
				d.config = out.Configuration
			}
			r := &model.Resource{Key: t.Key("domain", name), Name: name, ARN: aws.ToString(info.Arn), Details: domainFields.Details(d)}
			if r.ARN == "" {
				r.ARN = collect.ARN(t, "swf", "", "/domain/"+name)
			}
			tags, err := api.ListTagsForResource(ctx, &swf.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = collect.TagMap(tags.Tags, func(tg types.ResourceTag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}
