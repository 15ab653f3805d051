// Package dsql collects Aurora DSQL clusters.
package dsql

import (
	"cmp"
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dsql"
	"github.com/aws/aws-sdk-go-v2/service/dsql/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Aurora DSQL collector.
var Service = &collect.Service{
	Name:        "dsql",
	Description: "Aurora DSQL serverless distributed SQL clusters",
	Types: []collect.Type{
		{Name: "cluster", Description: "Aurora DSQL cluster (id = cluster identifier)", Fields: clusterFields.Declared(), Tags: collect.TagsListed, Collect: clusters, DetailCalls: 1},
	},
	Calls: "cluster: ListClusters + per cluster GetCluster (which returns the tags)",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "encrypted-with", To: "kms/key"},
	},
}

func encryption(c *dsql.GetClusterOutput) types.EncryptionDetails {
	if c.EncryptionDetails == nil {
		return types.EncryptionDetails{}
	}
	return *c.EncryptionDetails
}

var clusterFields = collect.Fields[*dsql.GetClusterOutput]{
	collect.Enum("status", "CREATING, ACTIVE, IDLE, INACTIVE, UPDATING, DELETING, FAILED, ...", func(c *dsql.GetClusterOutput) types.ClusterStatus { return c.Status }),
	collect.Bool("deletion_protection", "deletion protection enabled", func(c *dsql.GetClusterOutput) *bool { return c.DeletionProtectionEnabled }),
	collect.Computed("encryption_type", model.Text, "AWS_OWNED_KMS_KEY or CUSTOMER_MANAGED_KMS_KEY", func(c *dsql.GetClusterOutput) any { return string(encryption(c).EncryptionType) }),
	collect.Computed("kms_key_arn", model.Text, "customer managed KMS key", func(c *dsql.GetClusterOutput) any { return aws.ToString(encryption(c).KmsKeyArn) }),
	collect.Text("endpoint", "cluster endpoint", func(c *dsql.GetClusterOutput) *string { return c.Endpoint }),
	collect.Computed("peer_clusters", model.JSON, "clusters of a multi-region cluster set (ARNs)", func(c *dsql.GetClusterOutput) any {
		if c.MultiRegionProperties == nil {
			return []string{}
		}
		return append([]string{}, c.MultiRegionProperties.Clusters...)
	}),
	collect.Computed("witness_region", model.Text, "witness region of a multi-region cluster set", func(c *dsql.GetClusterOutput) any {
		if c.MultiRegionProperties == nil {
			return ""
		}
		return aws.ToString(c.MultiRegionProperties.WitnessRegion)
	}),
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := dsql.NewFromConfig(t.Config)
	p := dsql.NewListClustersPaginator(api, &dsql.ListClustersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *dsql.ListClustersOutput) []types.ClusterSummary { return page.Clusters }, func(ctx context.Context, s types.ClusterSummary) {
		id := aws.ToString(s.Identifier)
		key := t.Key("cluster", id)
		r := &model.Resource{Key: key, ARN: aws.ToString(s.Arn), Name: id}
		c, err := api.GetCluster(ctx, &dsql.GetClusterInput{Identifier: s.Identifier})
		t.Warn("GetCluster", err)
		if err == nil {
			r.Details, r.Tags, r.CreatedAt = clusterFields.Details(c), c.Tags, model.Time(c.CreationTime)
			r.Name = cmp.Or(c.Tags["Name"], id)
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(c).KmsKeyArn)))
		}
		t.Emit(r)
	})
}
