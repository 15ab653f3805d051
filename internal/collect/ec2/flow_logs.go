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

var flowLogFields = []model.Field{
	{Name: "resource_id", Type: "text", Description: "VPC, subnet or network interface logged"},
	{Name: "traffic_type", Type: "text", Description: "ACCEPT, REJECT or ALL"},
	{Name: "log_destination_type", Type: "text", Description: "cloud-watch-logs, s3 or kinesis-data-firehose"},
	{Name: "log_destination", Type: "text", Description: "ARN of the destination (log group, bucket[/prefix], stream)"},
	{Name: "deliver_status", Type: "text", Description: "SUCCESS or FAILED delivery"},
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
				Details: map[string]any{
					"resource_id":          aws.ToString(f.ResourceId),
					"traffic_type":         string(f.TrafficType),
					"log_destination_type": string(f.LogDestinationType),
					"log_destination":      dest,
					"deliver_status":       aws.ToString(f.DeliverLogsStatus),
				},
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
