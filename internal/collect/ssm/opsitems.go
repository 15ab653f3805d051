package ssm

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var opsItemFields = collect.Fields[ssmtypes.OpsItemSummary]{
	collect.Enum("status", "Open or InProgress (resolved items are not collected)", func(o ssmtypes.OpsItemSummary) ssmtypes.OpsItemStatus { return o.Status }),
	collect.Text("severity", "1 (critical) to 4 (low)", func(o ssmtypes.OpsItemSummary) *string { return o.Severity }),
	collect.Int("priority", "1 (highest) to 5", func(o ssmtypes.OpsItemSummary) *int32 { return o.Priority }),
	collect.Text("category", "Availability, Cost, Performance, Recovery or Security", func(o ssmtypes.OpsItemSummary) *string { return o.Category }),
	collect.Text("source", "what raised it, e.g. EC2, CloudWatch alarm, Security Hub", func(o ssmtypes.OpsItemSummary) *string { return o.Source }),
	collect.Text("ops_item_type", "/aws/issue, /aws/changerequest, /aws/insight, ...", func(o ssmtypes.OpsItemSummary) *string { return o.OpsItemType }),
	collect.Timestamp("last_modified", "last change", func(o ssmtypes.OpsItemSummary) *time.Time { return o.LastModifiedTime }),
}

// opsItems lists the open and in-progress OpsItems: the operational issues
// still to handle. Their operational data is not stored.
func opsItems(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awsssm.NewDescribeOpsItemsPaginator(api, &awsssm.DescribeOpsItemsInput{MaxResults: t.PageSize(50),
		OpsItemFilters: []ssmtypes.OpsItemFilter{{Key: ssmtypes.OpsItemFilterKeyStatus, Operator: ssmtypes.OpsItemFilterOperatorEqual,
			Values: []string{string(ssmtypes.OpsItemStatusOpen), string(ssmtypes.OpsItemStatusInProgress)}}}})
	return collect.EachItem(ctx, p, func(page *awsssm.DescribeOpsItemsOutput) []ssmtypes.OpsItemSummary { return page.OpsItemSummaries },
		func(ctx context.Context, o ssmtypes.OpsItemSummary) {
			id := aws.ToString(o.OpsItemId)
			emitTagged(ctx, t, api, ssmtypes.ResourceTypeForTaggingOpsItem, o.OpsItemId, &model.Resource{Key: t.Key("ops-item", id), Name: aws.ToString(o.Title),
				ARN: collect.ARN(t, "ssm", "", "opsitem/"+id), CreatedAt: model.Time(o.CreatedTime), Details: opsItemFields.Details(o)})
		})
}
