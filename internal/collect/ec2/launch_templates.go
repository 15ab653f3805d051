package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var launchTemplateFields = collect.Fields[types.LaunchTemplate]{
	collect.Text("name", "template name", func(lt types.LaunchTemplate) *string { return lt.LaunchTemplateName }),
	collect.Int("default_version", "version launched when none is given", func(lt types.LaunchTemplate) *int64 { return lt.DefaultVersionNumber }),
	collect.Int("latest_version", "newest version number", func(lt types.LaunchTemplate) *int64 { return lt.LatestVersionNumber }),
	collect.Text("created_by", "ARN of the principal that created it", func(lt types.LaunchTemplate) *string { return lt.CreatedBy }),
	collect.Timestamp("create_time", "when it was created", func(lt types.LaunchTemplate) *time.Time { return lt.CreateTime }),
}

func launchTemplates(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeLaunchTemplatesPaginator(client(t), &ec2.DescribeLaunchTemplatesInput{MaxResults: t.PageSize(200)})
	return eachPage(ctx, p, func(page *ec2.DescribeLaunchTemplatesOutput) {
		for _, lt := range page.LaunchTemplates {
			id := aws.ToString(lt.LaunchTemplateId)
			name := aws.ToString(lt.LaunchTemplateName)
			t.Emit(&model.Resource{
				Key: t.Key("launch-template", id), ARN: arn(t, nil, "launch-template/"+id), Name: name,
				CreatedAt: model.Time(lt.CreateTime), Tags: tags(lt.Tags),
				Details: launchTemplateFields.Details(lt),
			})
		}
	})
}
