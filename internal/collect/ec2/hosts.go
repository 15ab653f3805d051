package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// hostProperties is a dedicated host's hardware, zero when absent.
func hostProperties(h types.Host) types.HostProperties {
	if h.HostProperties == nil {
		return types.HostProperties{}
	}
	return *h.HostProperties
}

var hostFields = collect.Fields[types.Host]{
	collect.Enum("state", "available, under-assessment, permanent-failure, released, pending, ...", func(h types.Host) types.AllocationState { return h.State }),
	collect.Text("availability_zone", "zone of the host", func(h types.Host) *string { return h.AvailabilityZone }),
	collect.Computed("instance_type", model.Text, "instance type the host supports (empty when it supports a family)", func(h types.Host) any { return aws.ToString(hostProperties(h).InstanceType) }),
	collect.Computed("instance_family", model.Text, "instance family the host supports", func(h types.Host) any { return aws.ToString(hostProperties(h).InstanceFamily) }),
	collect.Computed("instances", model.Integer, "instances running on the host (an empty host still costs)", func(h types.Host) any { return int64(len(h.Instances)) }),
	collect.Enum("auto_placement", "on: untargeted launches may land on the host", func(h types.Host) types.AutoPlacement { return h.AutoPlacement }),
	collect.Enum("host_recovery", "on or off", func(h types.Host) types.HostRecovery { return h.HostRecovery }),
	collect.Text("outpost_arn", "Outpost of the host, if any", func(h types.Host) *string { return h.OutpostArn }),
}

// dedicatedHosts: released hosts are skipped.
func dedicatedHosts(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeHostsPaginator(client(t), &ec2.DescribeHostsInput{MaxResults: t.PageSize(500)})
	return eachPage(ctx, p, func(page *ec2.DescribeHostsOutput) {
		for _, h := range page.Hosts {
			if h.State == types.AllocationStateReleased || h.State == types.AllocationStateReleasedPermanentFailure {
				continue
			}
			id := aws.ToString(h.HostId)
			key := t.Key("dedicated-host", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, h.OwnerId, "dedicated-host/"+id), Name: nameTag(h.Tags),
				CreatedAt: model.Time(h.AllocationTime), Tags: tags(h.Tags), Details: hostFields.Details(h)})
			for _, in := range h.Instances {
				t.Relate(key, "hosts", t.Key("instance", aws.ToString(in.InstanceId)))
			}
		}
	})
}
