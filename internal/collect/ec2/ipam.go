package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// The IPAM types are listed in the region that holds them (the IPAM's home
// region); each names its parent by ARN.

var ipamFields = collect.Fields[types.Ipam]{
	collect.Text("description", "description", func(i types.Ipam) *string { return i.Description }),
	collect.Enum("state", "create-complete, modify-complete, ...-in-progress, ...-failed", func(i types.Ipam) types.IpamState { return i.State }),
	collect.Enum("tier", "free or advanced (charged per active IP)", func(i types.Ipam) types.IpamTier { return i.Tier }),
	collect.Computed("operating_regions", model.JSON, "regions whose addresses it manages", func(i types.Ipam) any {
		return collect.IDs(i.OperatingRegions, func(r types.IpamOperatingRegion) *string { return r.RegionName })
	}),
	collect.Int("scope_count", "scopes of the IPAM", func(i types.Ipam) *int32 { return i.ScopeCount }),
	collect.Text("owner_id", "owning account", func(i types.Ipam) *string { return i.OwnerId }),
}

func ipams(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeIpamsPaginator(client(t), &ec2.DescribeIpamsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeIpamsOutput) {
		for _, i := range page.Ipams {
			t.Emit(&model.Resource{Key: t.Key("ipam", aws.ToString(i.IpamId)), ARN: aws.ToString(i.IpamArn), Name: nameTag(i.Tags),
				Tags: tags(i.Tags), Details: ipamFields.Details(i)})
		}
	})
}

var ipamScopeFields = collect.Fields[types.IpamScope]{
	collect.Enum("scope_type", "public or private", func(s types.IpamScope) types.IpamScopeType { return s.IpamScopeType }),
	collect.Bool("is_default", "one of the two scopes AWS creates with the IPAM", func(s types.IpamScope) *bool { return s.IsDefault }),
	collect.Int("pool_count", "pools in the scope", func(s types.IpamScope) *int32 { return s.PoolCount }),
	collect.Enum("state", "create-complete, modify-complete, ...-in-progress, ...-failed", func(s types.IpamScope) types.IpamScopeState { return s.State }),
	collect.Text("description", "description", func(s types.IpamScope) *string { return s.Description }),
}

func ipamScopes(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeIpamScopesPaginator(client(t), &ec2.DescribeIpamScopesInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeIpamScopesOutput) {
		for _, s := range page.IpamScopes {
			key := t.Key("ipam-scope", aws.ToString(s.IpamScopeId))
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.IpamScopeArn), Name: nameTag(s.Tags), Tags: tags(s.Tags), Details: ipamScopeFields.Details(s)})
			t.Relate(key, "in", t.Key("ipam", collect.ARNResourceName(aws.ToString(s.IpamArn))))
		}
	})
}

var ipamPoolFields = collect.Fields[types.IpamPool]{
	collect.Enum("address_family", "ipv4 or ipv6", func(p types.IpamPool) types.AddressFamily { return p.AddressFamily }),
	collect.Text("locale", "region the pool's CIDRs can be used in (none: any)", func(p types.IpamPool) *string { return p.Locale }),
	collect.Enum("state", "create-complete, modify-complete, ...-in-progress, ...-failed", func(p types.IpamPool) types.IpamPoolState { return p.State }),
	collect.Int("pool_depth", "depth in the pool hierarchy (1: top level)", func(p types.IpamPool) *int32 { return p.PoolDepth }),
	collect.Text("source_pool_id", "parent pool, for a nested pool", func(p types.IpamPool) *string { return p.SourceIpamPoolId }),
	collect.Bool("auto_import", "discovered CIDRs imported automatically", func(p types.IpamPool) *bool { return p.AutoImport }),
	collect.Bool("publicly_advertisable", "IPv6 CIDRs advertised to the internet", func(p types.IpamPool) *bool { return p.PubliclyAdvertisable }),
	collect.Int("default_netmask_length", "netmask length of an allocation that names none", func(p types.IpamPool) *int32 { return p.AllocationDefaultNetmaskLength }),
	collect.Text("description", "description", func(p types.IpamPool) *string { return p.Description }),
}

func ipamPools(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeIpamPoolsPaginator(client(t), &ec2.DescribeIpamPoolsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeIpamPoolsOutput) {
		for _, p := range page.IpamPools {
			key := t.Key("ipam-pool", aws.ToString(p.IpamPoolId))
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(p.IpamPoolArn), Name: nameTag(p.Tags), Tags: tags(p.Tags), Details: ipamPoolFields.Details(p)})
			t.Relate(key, "in", t.Key("ipam-scope", collect.ARNResourceName(aws.ToString(p.IpamScopeArn))))
			t.Relate(key, "in", t.Key("ipam-pool", aws.ToString(p.SourceIpamPoolId)))
		}
	})
}
