package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	logs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

// CloudWatch Logs: log groups, the metric filters on them (filter i reads
// group i mod nGroups while it lives) and, in a few regions, destinations
// other accounts subscribe to, delivering to a Kinesis stream.
func init() {
	kinds = append(kinds,
		&kind{name: "logs.log-group", weight: 7},
		&kind{name: "logs.metric-filter", weight: 0.3},
		&kind{name: "logs.destination", weight: 0.01, max: 2},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("CloudWatch Logs", map[string]handler{"DescribeLogGroups": logGroups, "DescribeMetricFilters": logMetricFilters,
		"DescribeDestinations": logDestinations, "ListTagsForResource": logTags})
}

// --- CloudWatch Logs: the first log groups belong to the functions; about
// 45% have no retention (kept forever).

// logGroupName: group i of the first ones holds function i's logs.
func (c *call) logGroupName(i int) string {
	r := c.rng("logs.log-group", i)
	switch {
	case i < c.n("lambda.function"):
		return "/aws/lambda/" + c.fnName(i)
	case i%5 == 0:
		return fmt.Sprintf("/app/%s/%s-%04d", Accounts[c.acct].Env, r.pick(apps), i)
	}
	return fmt.Sprintf("/aws/ecs/%s-%04d", r.pick(apps), i)
}

func logGroups(c *call) (any, error) {
	in := c.in.(*logs.DescribeLogGroupsInput)
	items, next := c.list("logs.log-group", in.NextToken, in.Limit, 50)
	out := &logs.DescribeLogGroupsOutput{NextToken: next}
	for _, i := range items {
		r, m := c.rng("logs.log-group", i), c.mut("logs.log-group", i)
		name := c.logGroupName(i)
		g := logstypes.LogGroup{LogGroupName: aws.String(name), Arn: aws.String(c.arn("logs", "log-group:"+name+":*")),
			LogGroupArn: aws.String(c.arn("logs", "log-group:"+name)), CreationTime: aws.Int64(c.created("logs.log-group", i).UnixMilli()),
			StoredBytes: aws.Int64(int64(r.intn(1 << 30))), MetricFilterCount: aws.Int32(int32(c.metricFilters(i))), LogGroupClass: logstypes.LogGroupClassStandard}
		if !m.chance(0.45) {
			g.RetentionInDays = aws.Int32(int32([]int{7, 14, 30, 90, 365}[m.intn(5)]))
		}
		if r.chance(0.2) {
			g.KmsKeyId = aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))
		}
		out.LogGroups = append(out.LogGroups, g)
	}
	return out, nil
}

// metricFilterGroup is the log group metric filter i reads.
func (c *call) metricFilterGroup(i int) int { return i % max(c.n("logs.log-group"), 1) }

// metricFilters counts the live filters of log group g.
func (c *call) metricFilters(g int) int {
	n := 0
	_, limit := c.v.limit(c.acct, c.region, "logs.metric-filter")
	for i := g; i < limit; i += max(c.n("logs.log-group"), 1) {
		if c.alive("logs.metric-filter", i) {
			n++
		}
	}
	return n
}

var metricFilterPatterns = []struct{ name, pattern, metric string }{
	{"errors", `?ERROR ?Exception`, "ErrorCount"},
	{"http-5xx", `[ip, id, user, timestamp, request, status_code=5*, size]`, "Http5xxCount"},
	{"timeouts", `"Task timed out"`, "TimeoutCount"},
	{"unauthorized-api-calls", `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`, "UnauthorizedAPICalls"},
	{"root-usage", `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }`, "RootAccountUsage"},
}

func logMetricFilters(c *call) (any, error) {
	in := c.in.(*logs.DescribeMetricFiltersInput)
	group := aws.ToString(in.LogGroupName)
	items, next := c.filtered(c.region, "logs.metric-filter", in.NextToken, c.pageSize(50, in.Limit), func(i int) bool {
		g := c.metricFilterGroup(i)
		return c.alive("logs.log-group", g) && (group == "" || c.logGroupName(g) == group)
	})
	out := &logs.DescribeMetricFiltersOutput{NextToken: next}
	for _, i := range items {
		p := metricFilterPatterns[i%len(metricFilterPatterns)]
		out.MetricFilters = append(out.MetricFilters, logstypes.MetricFilter{FilterName: aws.String(fmt.Sprintf("%s-%04d", p.name, i)),
			LogGroupName: aws.String(c.logGroupName(c.metricFilterGroup(i))), FilterPattern: aws.String(p.pattern),
			CreationTime: aws.Int64(c.created("logs.metric-filter", i).UnixMilli()),
			MetricTransformations: []logstypes.MetricTransformation{{MetricName: aws.String(p.metric), MetricNamespace: aws.String("Acme/" + Accounts[c.acct].Env),
				MetricValue: aws.String("1"), DefaultValue: aws.Float64(0)}}})
	}
	return out, nil
}

func (c *call) logDestinationName(i int) string {
	return fmt.Sprintf("%s-central-logs-%02d", Accounts[c.acct].Env, i)
}

func logDestinations(c *call) (any, error) {
	in := c.in.(*logs.DescribeDestinationsInput)
	items, next := c.list("logs.destination", in.NextToken, in.Limit, 50)
	out := &logs.DescribeDestinationsOutput{NextToken: next}
	for _, i := range items {
		name := c.logDestinationName(i)
		arn := c.arn("logs", "destination:"+name)
		d := logstypes.Destination{DestinationName: aws.String(name), Arn: aws.String(arn), RoleArn: aws.String(c.roleOf(9, i)),
			CreationTime: aws.Int64(c.created("logs.destination", i).UnixMilli()),
			TargetArn:    aws.String(c.liveARN("kinesis.stream", i, c.kinARN))}
		if i%3 != 2 {
			var others []string
			for a := range Accounts {
				if a != c.acct {
					others = append(others, `"`+Accounts[a].ID+`"`)
				}
			}
			d.AccessPolicy = aws.String(fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[%s]},"Action":"logs:PutSubscriptionFilter","Resource":"%s"}]}`,
				strings.Join(others, ","), arn))
		}
		out.Destinations = append(out.Destinations, d)
	}
	return out, nil
}

// logTags answers for log groups and destinations.
func logTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*logs.ListTagsForResourceInput).ResourceArn)
	kind := "logs.log-group"
	if strings.Contains(arn, ":destination:") {
		kind = "logs.destination"
	}
	tags, err := c.tagsOfARN(kind, arn, "ResourceNotFoundException")
	if err != nil {
		return nil, err
	}
	return &logs.ListTagsForResourceOutput{Tags: tags}, nil
}
