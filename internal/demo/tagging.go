package demo

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	tagtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"
)

// --- Resource Groups Tagging API: GetResources answers the resource type
// filters awsmap's collectors send, 100 resources a page, and like AWS
// leaves out resources that never had tags.

func init() {
	register("Resource Groups Tagging API", map[string]handler{"GetResources": taggedResources})
}

// taggable is a kind GetResources serves, with the ARN of its item i.
// Account-wide kinds (S3 buckets) are stored under the global region:
// GetResources answers for the items located in the region called.
type taggable struct {
	kind    string
	arn     func(c *call, i int) string
	located func(c *call, i int) string // account-wide kinds: the item's region
}

// region is where the kind's items are stored in the estate.
func (k taggable) region(c *call) string {
	if k.located != nil {
		return global
	}
	return c.region
}

// taggableByFilter maps a GetResources type filter to the kinds it selects.
var taggableByFilter = map[string][]taggable{
	"lambda:function": {{kind: "lambda.function", arn: func(c *call, i int) string { return c.arn("lambda", "function:"+c.fnName(i)) }}},
	"ssm:parameter":   {{kind: "ssm.parameter", arn: func(c *call, i int) string { return c.arn("ssm", "parameter"+c.paramName(i)) }}},
	"sqs":             {{kind: "sqs.queue", arn: func(c *call, i int) string { return c.arn("sqs", c.queueName(i)) }}},
	"dynamodb:table":  {{kind: "dynamodb.table", arn: func(c *call, i int) string { return c.arn("dynamodb", "table/"+c.tableName(i)) }}},
	"sns":             {{kind: "sns.topic", arn: (*call).topicARN}},
	"kms:key":         {{kind: "kms.key", arn: func(c *call, i int) string { return c.arn("kms", "key/"+c.uuid("kms.key", i)) }}},
	"acm":             {{kind: "acm.certificate", arn: (*call).certARN}},
	"ecr:repository":  {{kind: "ecr.repository", arn: (*call).repoARN}},
	"s3": {{kind: "s3.bucket", arn: func(c *call, i int) string { return "arn:aws:s3:::" + c.bucket(i).name },
		located: func(c *call, i int) string { return c.bucket(i).region }}},
	"logs":             {{kind: "logs.log-group", arn: func(c *call, i int) string { return c.arn("logs", "log-group:"+c.logGroupName(i)) }}},
	"cloudwatch:alarm": {{kind: "cloudwatch.alarm", arn: func(c *call, i int) string { return c.arn("cloudwatch", "alarm:"+c.alarmName(i)) }}},
	"events:event-bus": {{kind: "events.bus", arn: func(c *call, b int) string { return c.arn("events", "event-bus/"+c.busName(b)) }}},
	"events:rule":      {{kind: "events.rule", arn: (*call).ruleARN}},
	"rds:subgrp":       {{kind: "rds.db-subnet-group", arn: func(c *call, g int) string { return c.arn("rds", "subgrp:"+c.dbSubnetGroupName(g)) }}},
	"elasticache": {
		{kind: "elasticache.cluster", arn: func(c *call, i int) string { return c.arn("elasticache", "cluster:"+c.cacheClusterName(i)) }},
		{kind: "elasticache.replication-group", arn: func(c *call, g int) string { return c.arn("elasticache", "replicationgroup:"+c.rgName(g)) }},
		{kind: "elasticache.subnet-group", arn: func(c *call, j int) string { return c.arn("elasticache", "subnetgroup:"+c.cacheSubnetGroup(j)) }},
	},
}

// taggedResources pages through the kinds of the filters in order; the
// token is "demo-<kind number>-<item>".
func taggedResources(c *call) (any, error) {
	in := c.in.(*tagging.GetResourcesInput)
	var sel []taggable
	for _, f := range in.ResourceTypeFilters {
		ks, ok := taggableByFilter[f]
		if !ok {
			return nil, notFound("InvalidParameterException", fmt.Sprintf("the demo estate does not serve resource type %q", f))
		}
		sel = append(sel, ks...)
	}
	k, i := 0, 0
	if tok := aws.ToString(in.PaginationToken); tok != "" {
		parts := strings.Split(strings.TrimPrefix(tok, "demo-"), "-")
		if len(parts) == 2 {
			k, _ = strconv.Atoi(parts[0])
			i, _ = strconv.Atoi(parts[1])
		}
	}
	size := c.pageSize(100, in.ResourcesPerPage)
	out := &tagging.GetResourcesOutput{}
	for ; k < len(sel); k, i = k+1, 0 {
		stop := false
		region := sel[k].region(c)
		c.v.each(c.acct, region, sel[k].kind, i, func(j int) bool {
			if sel[k].located != nil && sel[k].located(c, j) != c.region {
				return true
			}
			if len(out.ResourceTagMappingList) == size {
				out.PaginationToken = aws.String(fmt.Sprintf("demo-%d-%d", k, j))
				stop = true
				return false
			}
			tags := c.v.tagsOf(c.acct, region, sel[k].kind, j, "")
			if len(tags) == 0 {
				return true
			}
			m := tagtypes.ResourceTagMapping{ResourceARN: aws.String(sel[k].arn(c, j))}
			for _, t := range tags {
				m.Tags = append(m.Tags, tagtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
			}
			out.ResourceTagMappingList = append(out.ResourceTagMappingList, m)
			return true
		})
		if stop {
			break
		}
	}
	return out, nil
}

// The per-resource tag calls of the kinds above whose names may not end in
// their index: the "default" event bus and DB subnet group are item 0.

func (c *call) tagsOfARN(kind, arn, code string) (map[string]string, error) {
	i, err := c.index(kind, arn, code)
	if err != nil && (strings.HasSuffix(arn, "/default") || strings.HasSuffix(arn, ":default")) && c.alive(kind, 0) {
		i, err = 0, nil
	}
	if err != nil {
		return nil, err
	}
	return c.tagMap(kind, i, ""), nil
}

func ebTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*eventbridge.ListTagsForResourceInput).ResourceARN)
	kind := "events.rule"
	if strings.Contains(arn, ":event-bus/") {
		kind = "events.bus"
	}
	tags, err := c.tagsOfARN(kind, arn, "ResourceNotFoundException")
	return &eventbridge.ListTagsForResourceOutput{Tags: tagList(tags, func(k, v *string) ebtypes.Tag { return ebtypes.Tag{Key: k, Value: v} })}, err
}

func rdsTags(c *call) (any, error) {
	tags, err := c.tagsOfARN("rds.db-subnet-group", aws.ToString(c.in.(*rds.ListTagsForResourceInput).ResourceName), "DBSubnetGroupNotFoundFault")
	return &rds.ListTagsForResourceOutput{TagList: tagList(tags, func(k, v *string) rdstypes.Tag { return rdstypes.Tag{Key: k, Value: v} })}, err
}

// tagList turns tags into a service's tag list, in key order.
func tagList[T any](tags map[string]string, tag func(k, v *string) T) []T {
	var out []T
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		out = append(out, tag(aws.String(k), aws.String(tags[k])))
	}
	return out
}
