// Package opensearchserverless collects OpenSearch Serverless collections,
// their security (encryption, network) and data access policies, and the
// VPC endpoints that reach them.
package opensearchserverless

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	aoss "github.com/aws/aws-sdk-go-v2/service/opensearchserverless"
	"github.com/aws/aws-sdk-go-v2/service/opensearchserverless/document"
	"github.com/aws/aws-sdk-go-v2/service/opensearchserverless/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the OpenSearch Serverless collector.
var Service = &collect.Service{
	Name:        "opensearchserverless",
	Description: "OpenSearch Serverless collections, security and access policies, VPC endpoints",
	Types: []collect.Type{
		{Name: "collection", Description: "OpenSearch Serverless collection (id = collection id)", Fields: collectionFields.Declared(),
			Tags: collect.TagsPerResource, Collect: collections, DetailCalls: 1},
		{Name: "security-policy", Description: "encryption or network policy (id = type/name); network ones say whether collections are public",
			Fields: securityPolicyFields.Declared(), Tags: collect.NotTaggable, Collect: securityPolicies, DetailCalls: 1},
		{Name: "access-policy", Description: "data access policy (id = type/name)", Fields: accessPolicyFields.Declared(), Tags: collect.NotTaggable, Collect: accessPolicies},
		{Name: "vpc-endpoint", Description: "OpenSearch Serverless VPC endpoint (id = vpce-...)", Fields: vpcEndpointFields.Declared(), Tags: collect.NotTaggable, Collect: vpcEndpoints},
	},
	Calls: "collection: ListCollections + BatchGetCollection per page + per collection ListTagsForResource. " +
		"security-policy: ListSecurityPolicies per policy type + per policy GetSecurityPolicy. access-policy: ListAccessPolicies. " +
		"vpc-endpoint: ListVpcEndpoints + BatchGetVpcEndpoint per page",
	Relations: []collect.Relation{
		{From: "collection", Kind: "encrypted-with", To: "kms/key"},
		{From: "vpc-endpoint", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "vpc-endpoint", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "vpc-endpoint", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// millis is a time AOSS gives as milliseconds since the epoch.
func millis(ms *int64) *time.Time {
	if ms == nil {
		return nil
	}
	at := time.UnixMilli(*ms)
	return &at
}

var collectionFields = collect.Fields[types.CollectionDetail]{
	collect.Enum("collection_type", "SEARCH, TIMESERIES or VECTORSEARCH", func(c types.CollectionDetail) types.CollectionType { return c.Type }),
	collect.Enum("status", "CREATING, ACTIVE, DELETING, FAILED, ...", func(c types.CollectionDetail) types.CollectionStatus { return c.Status }),
	collect.Text("description", "description", func(c types.CollectionDetail) *string { return c.Description }),
	collect.Enum("standby_replicas", "ENABLED (redundant across zones) or DISABLED", func(c types.CollectionDetail) types.StandbyReplicas { return c.StandbyReplicas }),
	collect.Text("kms_key_arn", "KMS key encrypting the collection (auto for an AWS-owned key)", func(c types.CollectionDetail) *string { return c.KmsKeyArn }),
	collect.Text("collection_endpoint", "collection endpoint", func(c types.CollectionDetail) *string { return c.CollectionEndpoint }),
	collect.Text("dashboard_endpoint", "OpenSearch Dashboards endpoint", func(c types.CollectionDetail) *string { return c.DashboardEndpoint }),
	collect.Enum("deletion_protection", "ENABLED or DISABLED", func(c types.CollectionDetail) types.DeletionProtection { return c.DeletionProtection }),
}

func collections(ctx context.Context, t *collect.Task) error {
	api := aoss.NewFromConfig(t.Config)
	p := aoss.NewListCollectionsPaginator(api, &aoss.ListCollectionsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *aoss.ListCollectionsOutput) error {
		if len(page.CollectionSummaries) == 0 {
			return nil
		}
		byID := map[string]types.CollectionDetail{}
		var ids []string
		for _, s := range page.CollectionSummaries {
			ids = append(ids, aws.ToString(s.Id))
		}
		out, err := api.BatchGetCollection(ctx, &aoss.BatchGetCollectionInput{Ids: ids})
		t.Warn("BatchGetCollection", err)
		if err == nil {
			for _, d := range out.CollectionDetails {
				byID[aws.ToString(d.Id)] = d
			}
		}
		collect.ForEach(ctx, page.CollectionSummaries, func(ctx context.Context, s types.CollectionSummary) {
			id := aws.ToString(s.Id)
			key := t.Key("collection", id)
			r := &model.Resource{Key: key, ARN: aws.ToString(s.Arn), Name: aws.ToString(s.Name)}
			kmsKey := aws.ToString(s.KmsKeyArn)
			if d, ok := byID[id]; ok {
				r.Details, r.CreatedAt = collectionFields.Details(d), model.Time(millis(d.CreatedDate))
				kmsKey = aws.ToString(d.KmsKeyArn)
			}
			tags, err := api.ListTagsForResource(ctx, &aoss.ListTagsForResourceInput{ResourceArn: s.Arn})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = collect.TagMap(tags.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
			t.Relate(key, "encrypted-with", t.KMSKey(kmsKey))
		})
		return nil
	})
}

// securityPolicy is a policy summary with what its document says; known
// is false when the document could not be read.
type securityPolicy struct {
	types.SecurityPolicySummary
	known                        bool
	allowFromPublic, awsOwnedKey bool
	rules                        int
}

// readPolicy reads a network policy (a list of rule sets, each maybe
// AllowFromPublic) or an encryption policy (one rule set with AWSOwnedKey
// or a KmsARN).
func (p *securityPolicy) readPolicy(doc document.Interface) error {
	var v any
	if err := doc.UnmarshalSmithyDocument(&v); err != nil {
		return err
	}
	sets, ok := v.([]any)
	if !ok {
		sets = []any{v}
	}
	for _, s := range sets {
		m, _ := s.(map[string]any)
		if pub, _ := m["AllowFromPublic"].(bool); pub {
			p.allowFromPublic = true
		}
		if owned, _ := m["AWSOwnedKey"].(bool); owned {
			p.awsOwnedKey = true
		}
		rules, _ := m["Rules"].([]any)
		p.rules += len(rules)
	}
	p.known = true
	return nil
}

func hasDocument(p securityPolicy) bool { return p.known }

var securityPolicyFields = collect.Fields[securityPolicy]{
	collect.Enum("policy_type", "encryption or network", func(p securityPolicy) types.SecurityPolicyType { return p.Type }),
	collect.Text("description", "description", func(p securityPolicy) *string { return p.Description }),
	collect.Text("policy_version", "version of the policy", func(p securityPolicy) *string { return p.PolicyVersion }),
	collect.When(hasDocument, collect.Computed("allow_from_public", model.Boolean, "network policy: some collection or dashboard is reachable from the internet",
		func(p securityPolicy) any { return p.allowFromPublic })),
	collect.When(hasDocument, collect.Computed("aws_owned_key", model.Boolean, "encryption policy: an AWS-owned key, not a customer KMS key", func(p securityPolicy) any {
		return p.awsOwnedKey
	})),
	collect.When(hasDocument, collect.Computed("rule_count", model.Integer, "rules in the policy", func(p securityPolicy) any { return int64(p.rules) })),
	collect.Computed("updated_at", model.Timestamp, "last change", func(p securityPolicy) any { return model.Time(millis(p.LastModifiedDate)) }),
}

func securityPolicies(ctx context.Context, t *collect.Task) error {
	api := aoss.NewFromConfig(t.Config)
	for _, typ := range types.SecurityPolicyType("").Values() {
		p := aoss.NewListSecurityPoliciesPaginator(api, &aoss.ListSecurityPoliciesInput{Type: typ, MaxResults: t.PageSize(100)})
		err := collect.EachItem(ctx, p, func(page *aoss.ListSecurityPoliciesOutput) []types.SecurityPolicySummary {
			return page.SecurityPolicySummaries
		},
			func(ctx context.Context, s types.SecurityPolicySummary) {
				p := securityPolicy{SecurityPolicySummary: s}
				out, err := api.GetSecurityPolicy(ctx, &aoss.GetSecurityPolicyInput{Name: s.Name, Type: typ})
				if err == nil && out.SecurityPolicyDetail != nil && out.SecurityPolicyDetail.Policy != nil {
					err = p.readPolicy(out.SecurityPolicyDetail.Policy)
				}
				t.Warn("GetSecurityPolicy", err)
				name := aws.ToString(s.Name)
				t.Emit(&model.Resource{Key: t.Key("security-policy", string(typ)+"/"+name), Name: name, CreatedAt: model.Time(millis(s.CreatedDate)),
					Details: securityPolicyFields.Details(p)})
			})
		if err != nil {
			return err
		}
	}
	return nil
}

var accessPolicyFields = collect.Fields[types.AccessPolicySummary]{
	collect.Enum("policy_type", "data", func(p types.AccessPolicySummary) types.AccessPolicyType { return p.Type }),
	collect.Text("description", "description", func(p types.AccessPolicySummary) *string { return p.Description }),
	collect.Text("policy_version", "version of the policy", func(p types.AccessPolicySummary) *string { return p.PolicyVersion }),
	collect.Computed("updated_at", model.Timestamp, "last change", func(p types.AccessPolicySummary) any { return model.Time(millis(p.LastModifiedDate)) }),
}

func accessPolicies(ctx context.Context, t *collect.Task) error {
	api := aoss.NewFromConfig(t.Config)
	for _, typ := range types.AccessPolicyType("").Values() {
		p := aoss.NewListAccessPoliciesPaginator(api, &aoss.ListAccessPoliciesInput{Type: typ, MaxResults: t.PageSize(100)})
		err := collect.EachPage(ctx, p, func(page *aoss.ListAccessPoliciesOutput) error {
			for _, s := range page.AccessPolicySummaries {
				name := aws.ToString(s.Name)
				t.Emit(&model.Resource{Key: t.Key("access-policy", string(typ)+"/"+name), Name: name, CreatedAt: model.Time(millis(s.CreatedDate)),
					Details: accessPolicyFields.Details(s)})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

var vpcEndpointFields = collect.Fields[types.VpcEndpointDetail]{
	collect.Enum("status", "PENDING, DELETING, ACTIVE or FAILED", func(e types.VpcEndpointDetail) types.VpcEndpointStatus { return e.Status }),
	collect.Text("vpc_id", "VPC of the endpoint", func(e types.VpcEndpointDetail) *string { return e.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the endpoint", func(e types.VpcEndpointDetail) any { return append([]string{}, e.SubnetIds...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the endpoint", func(e types.VpcEndpointDetail) any { return append([]string{}, e.SecurityGroupIds...) }),
}

func vpcEndpoints(ctx context.Context, t *collect.Task) error {
	api := aoss.NewFromConfig(t.Config)
	p := aoss.NewListVpcEndpointsPaginator(api, &aoss.ListVpcEndpointsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *aoss.ListVpcEndpointsOutput) error {
		if len(page.VpcEndpointSummaries) == 0 {
			return nil
		}
		details := map[string]types.VpcEndpointDetail{}
		var ids []string
		for _, s := range page.VpcEndpointSummaries {
			ids = append(ids, aws.ToString(s.Id))
		}
		out, err := api.BatchGetVpcEndpoint(ctx, &aoss.BatchGetVpcEndpointInput{Ids: ids})
		t.Warn("BatchGetVpcEndpoint", err)
		if err == nil {
			for _, d := range out.VpcEndpointDetails {
				details[aws.ToString(d.Id)] = d
			}
		}
		for _, s := range page.VpcEndpointSummaries {
			id := aws.ToString(s.Id)
			key := t.Key("vpc-endpoint", id)
			r := &model.Resource{Key: key, Name: aws.ToString(s.Name)}
			d, ok := details[id]
			if ok {
				r.Details, r.CreatedAt = vpcEndpointFields.Details(d), model.Time(millis(d.CreatedDate))
			}
			t.Emit(r)
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(d.VpcId)))
			for _, s := range d.SubnetIds {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			for _, sg := range d.SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
			}
		}
		return nil
	})
}
