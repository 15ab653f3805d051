package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	athtypes "github.com/aws/aws-sdk-go-v2/service/athena/types"
)

// Athena: workgroup 0 of a region is AWS's "primary", left as created:
// results unencrypted and settings not enforced (athena-results-unencrypted
// finds it, and about a third of the teams' workgroups). Results go to a
// bucket of the account. A few federated catalogs besides AwsDataCatalog.
func init() {
	kinds = append(kinds,
		&kind{name: "athena.workgroup", weight: 0.1, min: 1, stable: true},
		&kind{name: "athena.data-catalog", weight: 0.03, max: 4},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Athena", map[string]handler{"ListWorkGroups": athWorkgroups, "GetWorkGroup": athWorkgroup, "ListDataCatalogs": athCatalogs,
		"ListTagsForResource": athTags})
}

func (c *call) athWorkgroupName(i int) string {
	if i == 0 {
		return "primary"
	}
	return fmt.Sprintf("%s-analysts-%04d", c.rng("athena.workgroup", i).pick(teams), i)
}

func (c *call) athCatalogName(i int) string {
	return fmt.Sprintf("%s_%s_%04d", []string{"dynamodb", "mysql", "hive", "partner_glue"}[i%4], Accounts[c.acct].Env, i)
}

// athWorkgroupIndex is the workgroup a name or ARN names ("primary" is 0).
func (c *call) athWorkgroupIndex(s string) (int, error) {
	if s == "primary" || strings.HasSuffix(s, "/primary") {
		return 0, nil
	}
	return c.index("athena.workgroup", s, "InvalidRequestException")
}

func athWorkgroups(c *call) (any, error) {
	in := c.in.(*athena.ListWorkGroupsInput)
	items, next := c.list("athena.workgroup", in.NextToken, in.MaxResults, 50)
	out := &athena.ListWorkGroupsOutput{NextToken: next}
	for _, i := range items {
		out.WorkGroups = append(out.WorkGroups, athtypes.WorkGroupSummary{Name: aws.String(c.athWorkgroupName(i)), State: athtypes.WorkGroupStateEnabled,
			CreationTime: c.created("athena.workgroup", i)})
	}
	return out, nil
}

func athWorkgroup(c *call) (any, error) {
	i, err := c.athWorkgroupIndex(aws.ToString(c.in.(*athena.GetWorkGroupInput).WorkGroup))
	if err != nil {
		return nil, err
	}
	r, m := c.rng("athena.workgroup", i), c.mut("athena.workgroup", i)
	name := c.athWorkgroupName(i)
	conf := &athtypes.WorkGroupConfiguration{EnforceWorkGroupConfiguration: aws.Bool(i != 0 && !m.chance(0.2)), PublishCloudWatchMetricsEnabled: aws.Bool(r.chance(0.6)),
		ResultConfiguration: &athtypes.ResultConfiguration{OutputLocation: aws.String("s3://" + c.liveBucket(i) + "/athena-results/" + name + "/")}}
	switch {
	case i == 0 || m.chance(0.15):
	case r.chance(0.5):
		conf.ResultConfiguration.EncryptionConfiguration = &athtypes.EncryptionConfiguration{EncryptionOption: athtypes.EncryptionOptionSseKms, KmsKey: aws.String(c.kmsARN())}
	default:
		conf.ResultConfiguration.EncryptionConfiguration = &athtypes.EncryptionConfiguration{EncryptionOption: athtypes.EncryptionOptionSseS3}
	}
	if i > 0 && r.chance(0.5) {
		conf.BytesScannedCutoffPerQuery = aws.Int64(int64(10+r.intn(990)) << 30)
	}
	wg := &athtypes.WorkGroup{Name: aws.String(name), State: athtypes.WorkGroupStateEnabled, CreationTime: c.created("athena.workgroup", i), Configuration: conf}
	if i > 0 {
		wg.Description = aws.String("ad-hoc queries of the " + strings.Split(name, "-")[0] + " team")
	}
	return &athena.GetWorkGroupOutput{WorkGroup: wg}, nil
}

// athCatalogs lists AwsDataCatalog first, as Athena does.
func athCatalogs(c *call) (any, error) {
	in := c.in.(*athena.ListDataCatalogsInput)
	items, next := c.list("athena.data-catalog", in.NextToken, in.MaxResults, 50)
	out := &athena.ListDataCatalogsOutput{NextToken: next}
	if in.NextToken == nil {
		out.DataCatalogsSummary = append(out.DataCatalogsSummary, athtypes.DataCatalogSummary{CatalogName: aws.String("AwsDataCatalog"), Type: athtypes.DataCatalogTypeGlue})
	}
	for _, i := range items {
		out.DataCatalogsSummary = append(out.DataCatalogsSummary, athtypes.DataCatalogSummary{CatalogName: aws.String(c.athCatalogName(i)),
			Type: []athtypes.DataCatalogType{athtypes.DataCatalogTypeLambda, athtypes.DataCatalogTypeLambda, athtypes.DataCatalogTypeHive, athtypes.DataCatalogTypeGlue}[i%4]})
	}
	return out, nil
}

func athTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*athena.ListTagsForResourceInput).ResourceARN)
	kind, i, err := "athena.data-catalog", 0, error(nil)
	if strings.Contains(arn, ":workgroup/") {
		kind = "athena.workgroup"
		i, err = c.athWorkgroupIndex(arn)
	} else {
		i, err = c.index(kind, arn, "InvalidRequestException")
	}
	if err != nil {
		return nil, err
	}
	return &athena.ListTagsForResourceOutput{Tags: tagList(c.tagMap(kind, i, ""), func(k, v *string) athtypes.Tag { return athtypes.Tag{Key: k, Value: v} })}, nil
}
