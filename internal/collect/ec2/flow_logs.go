package ec2

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var flowLogFields = collect.Fields[types.FlowLog]{
	collect.Text("resource_id", "VPC, subnet or network interface logged", func(f types.FlowLog) *string { return f.ResourceId }),
	collect.Enum("traffic_type", "ACCEPT, REJECT or ALL", func(f types.FlowLog) types.TrafficType { return f.TrafficType }),
	collect.Enum("log_destination_type", "cloud-watch-logs, s3 or kinesis-data-firehose", func(f types.FlowLog) types.LogDestinationType { return f.LogDestinationType }),
	collect.Text("log_destination", "ARN of the destination (log group, bucket[/prefix], stream)", func(f types.FlowLog) *string { return f.LogDestination }),
	collect.Text("deliver_status", "SUCCESS or FAILED delivery", func(f types.FlowLog) *string { return f.DeliverLogsStatus }),
}

func flowLogs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeFlowLogsPaginator(client(t), &ec2.DescribeFlowLogsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeFlowLogsOutput) {
		for _, f := range page.FlowLogs {
			id := aws.ToString(f.FlowLogId)
			key := t.Key("flow-log", id)
			dest := aws.ToString(f.LogDestination)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, nil, "vpc-flow-log/"+id), Name: nameTag(f.Tags),
				CreatedAt: model.Time(f.CreationTime), Tags: tags(f.Tags),
				Details: flowLogFields.Details(f),
			})
			switch f.LogDestinationType {
			case types.LogDestinationTypeCloudWatchLogs:
				t.Relate(key, "logs-to", t.Ref("logs", "log-group", logGroupName(f)))
			case types.LogDestinationTypeS3:
				// The bucket may live elsewhere (see RelateByName).
				t.RelateByName(key, "logs-to", "s3", "bucket", s3Bucket(dest), t.Region)
			}
		}
	})
}

// logGroupName is the flow log's group, from its name or its destination
// ARN (arn:aws:logs:r:a:log-group:NAME[:*]).
func logGroupName(f types.FlowLog) string {
	if name := aws.ToString(f.LogGroupName); name != "" {
		return name
	}
	return collect.LogGroupName(aws.ToString(f.LogDestination))
}

// s3Bucket is the bucket of an S3 destination ARN arn:aws:s3:::bucket/prefix.
func s3Bucket(dest string) string {
	_, rest, ok := strings.Cut(dest, ":::")
	if !ok {
		return ""
	}
	bucket, _, _ := strings.Cut(rest, "/")
	return bucket
}
