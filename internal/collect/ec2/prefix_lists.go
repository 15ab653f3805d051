package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// awsOwner is the owner id of the AWS-managed prefix lists (S3, DynamoDB,
// CloudFront...) every region has.
const awsOwner = "AWS"

var prefixListFields = collect.Fields[types.ManagedPrefixList]{
	collect.Text("address_family", "IPv4 or IPv6", func(p types.ManagedPrefixList) *string { return p.AddressFamily }),
	collect.Enum("state", "create-complete, modify-in-progress, ...", func(p types.ManagedPrefixList) types.PrefixListState { return p.State }),
	collect.Int("max_entries", "maximum number of entries (each counts against the rule quotas of the groups and tables using the list)", func(p types.ManagedPrefixList) *int32 { return p.MaxEntries }),
	collect.Int("version", "current version of the list", func(p types.ManagedPrefixList) *int64 { return p.Version }),
	collect.Text("owner_id", "owning account (another account when shared through RAM)", func(p types.ManagedPrefixList) *string { return p.OwnerId }),
}

// managedPrefixLists: the customer-managed lists; the AWS-managed ones
// (owner "AWS") are the same in every account and skipped.
func managedPrefixLists(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeManagedPrefixListsPaginator(client(t), &ec2.DescribeManagedPrefixListsInput{MaxResults: t.PageSize(100)})
	return eachPage(ctx, p, func(page *ec2.DescribeManagedPrefixListsOutput) {
		for _, l := range page.PrefixLists {
			if aws.ToString(l.OwnerId) == awsOwner {
				continue
			}
			id := aws.ToString(l.PrefixListId)
			t.Emit(&model.Resource{
				Key: t.Key("managed-prefix-list", id), ARN: firstOf(l.PrefixListArn, aws.String(arn(t, l.OwnerId, "prefix-list/"+id))),
				Name: aws.ToString(l.PrefixListName), Tags: tags(l.Tags), Details: prefixListFields.Details(l),
			})
		}
	})
}
