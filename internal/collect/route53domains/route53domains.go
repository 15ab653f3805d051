// Package route53domains collects the domains registered with Route 53.
package route53domains

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	r53d "github.com/aws/aws-sdk-go-v2/service/route53domains"
	"github.com/aws/aws-sdk-go-v2/service/route53domains/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Route 53 Domains collector.
var Service = &collect.Service{
	Name:        "route53domains",
	Description: "domains registered with Route 53 (registration, renewal, transfer lock, privacy)",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "domain", Description: "registered domain (id = domain name; contact details are not stored)", Fields: domainFields.Declared(), Tags: collect.TagsPerResource, Collect: domains, DetailCalls: 2},
	},
	Calls: "domain: ListDomains (paged) + per domain GetDomainDetail, ListTagsForDomain. The API answers in us-east-1 only",
}

// domain is a listed domain with its detail (nil when the read failed).
type domain struct {
	types.DomainSummary
	detail *r53d.GetDomainDetailOutput
}

func hasDetail(d domain) bool { return d.detail != nil }

var domainFields = collect.Fields[domain]{
	collect.Timestamp("expires_at", "registration expiry", func(d domain) *time.Time { return d.Expiry }),
	collect.Bool("auto_renew", "the registration renews itself before expiry", func(d domain) *bool { return d.AutoRenew }),
	collect.Bool("transfer_lock", "the domain cannot be transferred to another registrar", func(d domain) *bool { return d.TransferLock }),
	collect.When(hasDetail, collect.Bool("registrant_privacy", "WHOIS hides the registrant contact; absent when the detail read failed", func(d domain) *bool {
		return d.detail.RegistrantPrivacy
	})),
	collect.When(hasDetail, collect.Bool("admin_privacy", "WHOIS hides the admin contact", func(d domain) *bool { return d.detail.AdminPrivacy })),
	collect.When(hasDetail, collect.Bool("tech_privacy", "WHOIS hides the technical contact", func(d domain) *bool { return d.detail.TechPrivacy })),
	collect.When(hasDetail, collect.Text("dnssec", "DNSSEC status", func(d domain) *string { return d.detail.DnsSec })),
	collect.When(hasDetail, collect.Computed("nameservers", model.JSON, "name servers of the domain", func(d domain) any {
		out := []string{}
		for _, n := range d.detail.Nameservers {
			out = append(out, aws.ToString(n.Name))
		}
		return out
	})),
	collect.When(hasDetail, collect.Computed("status_list", model.JSON, "EPP status codes (clientTransferProhibited, ...)", func(d domain) any {
		return append([]string{}, d.detail.StatusList...)
	})),
}

func domains(ctx context.Context, t *collect.Task) error {
	api := r53d.NewFromConfig(t.Config)
	p := r53d.NewListDomainsPaginator(api, &r53d.ListDomainsInput{MaxItems: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *r53d.ListDomainsOutput) []types.DomainSummary { return page.Domains },
		func(ctx context.Context, s types.DomainSummary) {
			d := domain{DomainSummary: s}
			r := &model.Resource{Key: t.Key("domain", aws.ToString(s.DomainName)), Name: aws.ToString(s.DomainName)}
			out, err := api.GetDomainDetail(ctx, &r53d.GetDomainDetailInput{DomainName: s.DomainName})
			if err != nil {
				t.Warn("GetDomainDetail", err)
			} else {
				d.detail = out
				r.CreatedAt = model.Time(out.CreationDate)
			}
			r.Details = domainFields.Details(d)
			if tags, err := api.ListTagsForDomain(ctx, &r53d.ListTagsForDomainInput{DomainName: s.DomainName}); err != nil {
				t.Warn("ListTagsForDomain", err)
			} else {
				r.Tags = collect.TagMap(tags.TagList, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}
