package cloudwatch

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var dashboardFields = collect.Fields[types.DashboardEntry]{
	collect.Timestamp("last_modified", "last change of the dashboard", func(d types.DashboardEntry) *time.Time { return d.LastModified }),
	collect.Int("size_bytes", "size of the dashboard body", func(d types.DashboardEntry) *int64 { return d.Size }),
}

func dashboards(ctx context.Context, t *collect.Task) error {
	p := cloudwatch.NewListDashboardsPaginator(cloudwatch.NewFromConfig(t.Config), &cloudwatch.ListDashboardsInput{})
	return collect.EachPage(ctx, p, func(page *cloudwatch.ListDashboardsOutput) error {
		for _, d := range page.DashboardEntries {
			name := aws.ToString(d.DashboardName)
			t.Emit(&model.Resource{Key: t.Key("dashboard", name), ARN: aws.ToString(d.DashboardArn), Name: name, Details: dashboardFields.Details(d)})
		}
		return nil
	})
}
