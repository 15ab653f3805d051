package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var launchTemplateFields = []model.Field{
	{Name: "name", Type: "text", Description: "template name"},
	{Name: "default_version", Type: "integer", Description: "version launched when none is given"},
	{Name: "latest_version", Type: "integer", Description: "newest version number"},
	{Name: "created_by", Type: "text", Description: "ARN of the principal that created it"},
	{Name: "create_time", Type: "timestamp", Description: "when it was created"},
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
				Details: map[string]any{
					"name":            name,
					"default_version": aws.ToInt64(lt.DefaultVersionNumber),
					"latest_version":  aws.ToInt64(lt.LatestVersionNumber),
					"created_by":      aws.ToString(lt.CreatedBy),
					"create_time":     model.Time(lt.CreateTime),
				},
			})
		}
	})
}
