package rds

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// proxyAuth is one entry of a proxy's auth field: how clients log in as
// one database user (the secret's ARN, never its value).
type proxyAuth struct {
	AuthScheme string `json:"auth_scheme"`
	IAMAuth    string `json:"iam_auth"`
	SecretARN  string `json:"secret_arn"`
	UserName   string `json:"user_name,omitempty"`
}

var proxyFields = collect.Fields[types.DBProxy]{
	collect.Text("engine_family", "MYSQL, POSTGRESQL or SQLSERVER", func(p types.DBProxy) *string { return p.EngineFamily }),
	collect.Enum("status", "available, creating, modifying, incompatible-network, ...", func(p types.DBProxy) types.DBProxyStatus { return p.Status }),
	collect.Bool("require_tls", "connections must use TLS", func(p types.DBProxy) *bool { return p.RequireTLS }),
	collect.Bool("debug_logging", "SQL statements are logged (may contain sensitive data)", func(p types.DBProxy) *bool { return p.DebugLogging }),
	collect.Int("idle_client_timeout_seconds", "idle client connections are closed after this many seconds", func(p types.DBProxy) *int32 { return p.IdleClientTimeout }),
	collect.Text("endpoint", "DNS name of the proxy", func(p types.DBProxy) *string { return p.Endpoint }),
	collect.Text("vpc_id", "VPC of the proxy", func(p types.DBProxy) *string { return p.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the proxy", func(p types.DBProxy) any { return append([]string{}, p.VpcSubnetIds...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the proxy", func(p types.DBProxy) any { return append([]string{}, p.VpcSecurityGroupIds...) }),
	collect.Text("role_arn", "IAM role that reads the secrets", func(p types.DBProxy) *string { return p.RoleArn }),
	collect.Computed("auth", model.JSON, "login methods: [{auth_scheme, iam_auth, secret_arn, user_name}]", func(p types.DBProxy) any {
		out := []proxyAuth{}
		for _, a := range p.Auth {
			out = append(out, proxyAuth{AuthScheme: string(a.AuthScheme), IAMAuth: string(a.IAMAuth), SecretARN: aws.ToString(a.SecretArn), UserName: aws.ToString(a.UserName)})
		}
		return out
	}),
}

func proxies(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeDBProxiesPaginator(api, &rds.DescribeDBProxiesInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:db-proxy", p, func(page *rds.DescribeDBProxiesOutput) []types.DBProxy { return page.DBProxies },
		func(p types.DBProxy) *string { return p.DBProxyArn },
		func(p types.DBProxy, tags map[string]string) {
			name := aws.ToString(p.DBProxyName)
			key := t.Key("db-proxy", name)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(p.DBProxyArn), Name: name, CreatedAt: model.Time(p.CreatedDate),
				Tags: tags, Details: proxyFields.Details(p)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(p.VpcId)))
			for _, s := range p.VpcSubnetIds {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			for _, sg := range p.VpcSecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
			}
			t.Relate(key, "uses-role", t.Role(aws.ToString(p.RoleArn)))
			for _, a := range p.Auth {
				t.Relate(key, "uses-secret", t.Ref("secretsmanager", "secret", secretName(aws.ToString(a.SecretArn))))
			}
		})
}

var subscriptionFields = collect.Fields[types.EventSubscription]{
	collect.Text("sns_topic_arn", "SNS topic the events are sent to", func(s types.EventSubscription) *string { return s.SnsTopicArn }),
	collect.Text("source_type", "db-instance, db-cluster, db-snapshot, ...; empty for all sources", func(s types.EventSubscription) *string { return s.SourceType }),
	collect.Computed("source_ids", model.JSON, "sources watched; empty for all of the source type", func(s types.EventSubscription) any { return append([]string{}, s.SourceIdsList...) }),
	collect.Computed("event_categories", model.JSON, "event categories sent; empty for all", func(s types.EventSubscription) any { return append([]string{}, s.EventCategoriesList...) }),
	collect.Bool("enabled", "the subscription is active", func(s types.EventSubscription) *bool { return s.Enabled }),
	collect.Text("status", "active, creating, no-permission, topic-not-exist, ...", func(s types.EventSubscription) *string { return s.Status }),
}

func eventSubscriptions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeEventSubscriptionsPaginator(api, &rds.DescribeEventSubscriptionsInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:es", p, func(page *rds.DescribeEventSubscriptionsOutput) []types.EventSubscription {
		return page.EventSubscriptionsList
	},
		func(s types.EventSubscription) *string { return s.EventSubscriptionArn },
		func(s types.EventSubscription, tags map[string]string) {
			name := aws.ToString(s.CustSubscriptionId)
			key := t.Key("event-subscription", name)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.EventSubscriptionArn), Name: name, Tags: tags, Details: subscriptionFields.Details(s)})
			if k, ok := collect.TargetKey(aws.ToString(s.SnsTopicArn)); ok {
				t.Relate(key, "notifies", k)
			}
		})
}

var reservedFields = collect.Fields[types.ReservedDBInstance]{
	collect.Text("instance_class", "instance class reserved", func(r types.ReservedDBInstance) *string { return r.DBInstanceClass }),
	collect.Int("instance_count", "number of instances reserved", func(r types.ReservedDBInstance) *int32 { return r.DBInstanceCount }),
	collect.Text("product_description", "engine the reservation applies to, e.g. postgresql", func(r types.ReservedDBInstance) *string { return r.ProductDescription }),
	collect.Bool("multi_az", "the reservation is for Multi-AZ instances", func(r types.ReservedDBInstance) *bool { return r.MultiAZ }),
	collect.Text("offering_type", "No Upfront, Partial Upfront or All Upfront", func(r types.ReservedDBInstance) *string { return r.OfferingType }),
	collect.Int("duration_seconds", "term of the reservation in seconds", func(r types.ReservedDBInstance) *int32 { return r.Duration }),
	collect.Timestamp("start_time", "when the reservation started", func(r types.ReservedDBInstance) *time.Time { return r.StartTime }),
	collect.Computed("end_time", model.Timestamp, "when the reservation ends (start + duration)", func(r types.ReservedDBInstance) any {
		if r.StartTime == nil || r.Duration == nil {
			return nil
		}
		end := r.StartTime.Add(time.Duration(*r.Duration) * time.Second)
		return model.Time(&end)
	}),
	withValues(collect.Text("state", "payment-pending, active or retired", func(r types.ReservedDBInstance) *string { return r.State }),
		[]string{"payment-pending", "active", "retired"}),
	collect.Computed("fixed_price", model.Real, "upfront price", func(r types.ReservedDBInstance) any { return aws.ToFloat64(r.FixedPrice) }),
	collect.Text("lease_id", "lease id on the bill", func(r types.ReservedDBInstance) *string { return r.LeaseId }),
}

// reservedInstances: reservations, current and retired.
func reservedInstances(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := rds.NewDescribeReservedDBInstancesPaginator(api, &rds.DescribeReservedDBInstancesInput{MaxRecords: t.PageSize(maxRecords)})
	return bulkTagged(ctx, t, api, "rds:ri", p, func(page *rds.DescribeReservedDBInstancesOutput) []types.ReservedDBInstance {
		return page.ReservedDBInstances
	},
		func(r types.ReservedDBInstance) *string { return r.ReservedDBInstanceArn },
		func(r types.ReservedDBInstance, tags map[string]string) {
			id := aws.ToString(r.ReservedDBInstanceId)
			t.Emit(&model.Resource{Key: t.Key("reserved-db-instance", id), ARN: aws.ToString(r.ReservedDBInstanceArn), Name: id,
				CreatedAt: model.Time(r.StartTime), Tags: tags, Details: reservedFields.Details(r)})
		})
}

// secretName is the name of the Secrets Manager secret an ARN names
// (arn:...:secret:NAME-AbCdEf: AWS appends six random characters).
func secretName(arn string) string {
	_, name, ok := strings.Cut(arn, ":secret:")
	if !ok || len(name) < 8 || name[len(name)-7] != '-' {
		return ""
	}
	return name[:len(name)-7]
}
