package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var dhcpOptionsFields = collect.Fields[types.DhcpOptions]{
	collect.Computed("configurations", model.JSON, `option name -> values, e.g. {"domain-name-servers": ["AmazonProvidedDNS"]}`, func(o types.DhcpOptions) any {
		conf := make(map[string][]string, len(o.DhcpConfigurations))
		for _, c := range o.DhcpConfigurations {
			conf[aws.ToString(c.Key)] = collect.IDs(c.Values, func(v types.AttributeValue) *string { return v.Value })
		}
		return conf
	}),
}

func dhcpOptions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	inDefaultVPC := map[string]bool{}
	for _, v := range defaultVPCs(ctx, t, api) {
		inDefaultVPC[aws.ToString(v.DhcpOptionsId)] = true
	}
	p := ec2.NewDescribeDhcpOptionsPaginator(api, &ec2.DescribeDhcpOptionsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeDhcpOptionsOutput) {
		for _, o := range page.DhcpOptions {
			id := aws.ToString(o.DhcpOptionsId)
			t.Emit(&model.Resource{
				Key: t.Key("dhcp-options", id), ARN: arn(t, o.OwnerId, "dhcp-options/"+id), Name: nameTag(o.Tags),
				IsDefault: inDefaultVPC[id], Tags: tags(o.Tags), Details: dhcpOptionsFields.Details(o),
			})
		}
	})
}
