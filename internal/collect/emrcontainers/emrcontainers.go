// Package emrcontainers collects EMR on EKS virtual clusters.
package emrcontainers

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emrcontainers"
	"github.com/aws/aws-sdk-go-v2/service/emrcontainers/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EMR on EKS collector.
var Service = &collect.Service{
	Name:        "emrcontainers",
	Description: "EMR on EKS virtual clusters",
	Types: []collect.Type{
		{Name: "virtual-cluster", Description: "EMR on EKS virtual cluster, an EKS namespace EMR runs jobs in (id = virtual cluster id); terminated ones are skipped",
			Fields: virtualClusterFields.Declared(), Tags: collect.TagsListed, Collect: virtualClusters},
	},
	Calls: "virtual-cluster: ListVirtualClusters (running, terminating and arrested; returns the tags)",
	Relations: []collect.Relation{
		{From: "virtual-cluster", Kind: "runs-on", To: "eks/cluster"},
	},
}

func eks(v types.VirtualCluster) *types.EksInfo {
	if v.ContainerProvider == nil {
		return nil
	}
	if info, ok := v.ContainerProvider.Info.(*types.ContainerInfoMemberEksInfo); ok {
		return &info.Value
	}
	return nil
}

var virtualClusterFields = collect.Fields[types.VirtualCluster]{
	collect.Enum("state", "RUNNING, TERMINATING, TERMINATED or ARRESTED", func(v types.VirtualCluster) types.VirtualClusterState { return v.State }),
	collect.Computed("eks_cluster", model.Text, "EKS cluster the jobs run on", func(v types.VirtualCluster) any {
		if v.ContainerProvider == nil {
			return ""
		}
		return aws.ToString(v.ContainerProvider.Id)
	}),
	collect.Computed("namespace", model.Text, "Kubernetes namespace of the jobs", func(v types.VirtualCluster) any {
		if e := eks(v); e != nil {
			return aws.ToString(e.Namespace)
		}
		return ""
	}),
	collect.Text("security_configuration_id", "EMR on EKS security configuration applied, if any", func(v types.VirtualCluster) *string { return v.SecurityConfigurationId }),
}

func virtualClusters(ctx context.Context, t *collect.Task) error {
	api := emrcontainers.NewFromConfig(t.Config)
	p := emrcontainers.NewListVirtualClustersPaginator(api, &emrcontainers.ListVirtualClustersInput{MaxResults: t.PageSize(500),
		States: []types.VirtualClusterState{types.VirtualClusterStateRunning, types.VirtualClusterStateTerminating, types.VirtualClusterStateArrested}})
	return collect.EachPage(ctx, p, func(page *emrcontainers.ListVirtualClustersOutput) error {
		for _, v := range page.VirtualClusters {
			id := aws.ToString(v.Id)
			r := &model.Resource{Key: t.Key("virtual-cluster", id), Name: aws.ToString(v.Name), ARN: aws.ToString(v.Arn),
				CreatedAt: model.Time(v.CreatedAt), Tags: v.Tags, Details: virtualClusterFields.Details(v)}
			if v.ContainerProvider != nil && v.ContainerProvider.Type == types.ContainerProviderTypeEks {
				t.Relate(r.Key, "runs-on", t.Ref("eks", "cluster", aws.ToString(v.ContainerProvider.Id)))
			}
			t.Emit(r)
		}
		return nil
	})
}
