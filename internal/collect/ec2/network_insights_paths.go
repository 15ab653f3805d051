package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var insightsPathFields = collect.Fields[types.NetworkInsightsPath]{
	collect.Text("source", "resource the path starts from (instance, ENI, gateway, ...)", func(p types.NetworkInsightsPath) *string { return p.Source }),
	collect.Text("destination", "resource the path reaches", func(p types.NetworkInsightsPath) *string { return p.Destination }),
	collect.Text("source_ip", "source address, if given", func(p types.NetworkInsightsPath) *string { return p.SourceIp }),
	collect.Text("destination_ip", "destination address, if given", func(p types.NetworkInsightsPath) *string { return p.DestinationIp }),
	collect.Int("destination_port", "destination port, if given", func(p types.NetworkInsightsPath) *int32 { return p.DestinationPort }),
	collect.Enum("protocol", "tcp or udp", func(p types.NetworkInsightsPath) types.Protocol { return p.Protocol }),
}

func networkInsightsPaths(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNetworkInsightsPathsPaginator(client(t), &ec2.DescribeNetworkInsightsPathsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNetworkInsightsPathsOutput) {
		for _, p := range page.NetworkInsightsPaths {
			id := aws.ToString(p.NetworkInsightsPathId)
			t.Emit(&model.Resource{Key: t.Key("network-insights-path", id), ARN: firstOf(p.NetworkInsightsPathArn, aws.String(arn(t, nil, "network-insights-path/"+id))),
				Name: nameTag(p.Tags), CreatedAt: model.Time(p.CreatedDate), Tags: tags(p.Tags), Details: insightsPathFields.Details(p)})
		}
	})
}
