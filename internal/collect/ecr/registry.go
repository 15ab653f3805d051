package ecr

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// registry is the region's private registry: its replication, policy and
// scanning settings (nil when their call failed).
type registry struct {
	replication *types.ReplicationConfiguration
	policy      *string
	scanning    *types.RegistryScanningConfiguration
}

func hasPolicy(r registry) bool       { return r.policy != nil }
func hasScanSettings(r registry) bool { return r.scanning != nil }

var registryFields = collect.Fields[registry]{
	collect.Computed("replication_destinations", model.JSON, "regions and registries images are replicated to (region or account:region)", func(r registry) any {
		out := []string{}
		if r.replication == nil {
			return out
		}
		for _, rule := range r.replication.Rules {
			for _, d := range rule.Destinations {
				dest := aws.ToString(d.Region)
				if id := aws.ToString(d.RegistryId); id != "" {
					dest = id + ":" + dest
				}
				out = append(out, dest)
			}
		}
		return out
	}),
	collect.When(hasPolicy, collect.Computed("policy", model.JSON, "registry permissions policy (cross-account replication and pull-through cache access); null without one",
		func(r registry) any { return collect.PolicyJSON(*r.policy) })),
	collect.Enum("scan_type", "BASIC or ENHANCED (Amazon Inspector) image scanning", func(r registry) types.ScanType {
		if r.scanning == nil {
			return ""
		}
		return r.scanning.ScanType
	}),
	collect.When(hasScanSettings, collect.Computed("scan_filters", model.JSON, "repository filters by scan frequency: SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL", func(r registry) any {
		out := map[string][]string{}
		for _, rule := range r.scanning.Rules {
			for _, f := range rule.RepositoryFilters {
				out[string(rule.ScanFrequency)] = append(out[string(rule.ScanFrequency)], aws.ToString(f.Filter))
			}
		}
		return out
	})),
}

// registries emits the region's private registry (id = registry id, the
// account's; registries have no ARN), so its replication, policy and scan
// settings can be audited.
func registries(ctx context.Context, t *collect.Task) error {
	api := ecr.NewFromConfig(t.Config)
	desc, err := api.DescribeRegistry(ctx, &ecr.DescribeRegistryInput{})
	if err != nil {
		return err
	}
	r := registry{replication: desc.ReplicationConfiguration}
	policy, err := api.GetRegistryPolicy(ctx, &ecr.GetRegistryPolicyInput{})
	if err == nil {
		r.policy = policy.PolicyText
	} else {
		t.Warn("GetRegistryPolicy", err) // none is a not found answer, no warning
	}
	scanning, err := api.GetRegistryScanningConfiguration(ctx, &ecr.GetRegistryScanningConfigurationInput{})
	if err == nil {
		r.scanning = scanning.ScanningConfiguration
	} else {
		t.Warn("GetRegistryScanningConfiguration", err)
	}
	id := aws.ToString(desc.RegistryId)
	if id == "" {
		id = t.Account
	}
	t.Emit(&model.Resource{Key: t.Key("registry", id), Name: id, Details: registryFields.Details(r)})
	return nil
}

var cacheRuleFields = collect.Fields[types.PullThroughCacheRule]{
	collect.Enum("upstream_registry", "registry cached: ecr-public, docker-hub, quay, github-container-registry, ...",
		func(r types.PullThroughCacheRule) types.UpstreamRegistry { return r.UpstreamRegistry }),
	collect.Text("upstream_registry_url", "URL of the upstream registry", func(r types.PullThroughCacheRule) *string { return r.UpstreamRegistryUrl }),
	collect.Text("upstream_repository_prefix", "repository prefix in the upstream registry", func(r types.PullThroughCacheRule) *string { return r.UpstreamRepositoryPrefix }),
	collect.Text("credential_arn", "Secrets Manager secret holding the upstream credentials (never read)", func(r types.PullThroughCacheRule) *string { return r.CredentialArn }),
	collect.Text("custom_role_arn", "role used to pull from an upstream ECR registry", func(r types.PullThroughCacheRule) *string { return r.CustomRoleArn }),
	collect.Timestamp("updated_at", "last update of the rule", func(r types.PullThroughCacheRule) *time.Time { return r.UpdatedAt }),
}

// cacheRules lists the pull through cache rules (id = the ECR repository
// prefix they cache under; rules have no ARN and no tags).
func cacheRules(ctx context.Context, t *collect.Task) error {
	p := ecr.NewDescribePullThroughCacheRulesPaginator(ecr.NewFromConfig(t.Config), &ecr.DescribePullThroughCacheRulesInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *ecr.DescribePullThroughCacheRulesOutput) error {
		for _, r := range page.PullThroughCacheRules {
			key := t.Key("pull-through-cache-rule", aws.ToString(r.EcrRepositoryPrefix))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(r.EcrRepositoryPrefix), CreatedAt: model.Time(r.CreatedAt), Details: cacheRuleFields.Details(r)})
			t.Relate(key, "uses-secret", t.Ref("secretsmanager", "secret", collect.SecretName(aws.ToString(r.CredentialArn))))
			t.Relate(key, "assumes-role", t.Role(aws.ToString(r.CustomRoleArn)))
		}
		return nil
	})
}
