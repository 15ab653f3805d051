package awsx

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/computeoptimizer"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// TestEmptyAnswerInEveryProtocol: a responder's ErrEmptyAnswer gives the
// operation's own empty output through the SDK's deserializer, in each wire
// protocol the collectors meet, and the ledger sees an ok call of an empty page.
func TestEmptyAnswerInEveryProtocol(t *testing.T) {
	var calls []Call
	obs := observerFunc(func(c Call) { calls = append(calls, c) })
	cfg, err := LoadConfig(context.Background(), Options{Region: "eu-west-1", Observer: obs,
		Responder: ResponderFunc(func(context.Context, Request) (any, error) { return nil, ErrEmptyAnswer })})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		protocol string
		call     func() (int, error)
	}{
		{"ec2query", func() (int, error) {
			out, err := ec2.NewFromConfig(cfg).DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
			return lenOr(out, func() int { return len(out.Vpcs) }), err
		}},
		{"awsquery", func() (int, error) {
			out, err := iam.NewFromConfig(cfg).ListRoles(ctx, &iam.ListRolesInput{})
			return lenOr(out, func() int { return len(out.Roles) }), err
		}},
		{"restxml", func() (int, error) {
			out, err := s3.NewFromConfig(cfg).ListBuckets(ctx, &s3.ListBucketsInput{})
			return lenOr(out, func() int { return len(out.Buckets) }), err
		}},
		{"restxml (route53)", func() (int, error) {
			out, err := route53.NewFromConfig(cfg).ListHostedZones(ctx, &route53.ListHostedZonesInput{})
			return lenOr(out, func() int { return len(out.HostedZones) }), err
		}},
		{"restjson", func() (int, error) {
			out, err := lambda.NewFromConfig(cfg).ListFunctions(ctx, &lambda.ListFunctionsInput{})
			return lenOr(out, func() int { return len(out.Functions) }), err
		}},
		{"awsjson1.0", func() (int, error) {
			out, err := dynamodb.NewFromConfig(cfg).ListTables(ctx, &dynamodb.ListTablesInput{})
			return lenOr(out, func() int { return len(out.TableNames) }), err
		}},
		{"awsjson1.1", func() (int, error) {
			out, err := kms.NewFromConfig(cfg).ListKeys(ctx, &kms.ListKeysInput{})
			return lenOr(out, func() int { return len(out.Keys) }), err
		}},
		{"rpc-v2-cbor", func() (int, error) {
			out, err := computeoptimizer.NewFromConfig(cfg).GetEnrollmentStatusesForOrganization(ctx, &computeoptimizer.GetEnrollmentStatusesForOrganizationInput{})
			return lenOr(out, func() int { return len(out.AccountEnrollmentStatuses) }), err
		}},
		{"cloudwatch", func() (int, error) {
			out, err := cloudwatch.NewFromConfig(cfg).DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{})
			return lenOr(out, func() int { return len(out.MetricAlarms) }), err
		}},
	} {
		n, err := c.call()
		if err != nil || n != 0 {
			t.Errorf("%s: %d items, %v; want an empty answer", c.protocol, n, err)
		}
	}
	for _, c := range calls {
		if c.Err != nil || c.Attempts != 1 || c.Items != 0 {
			t.Errorf("ledger: %s %s: attempts %d, items %d, %v", c.Service, c.Operation, c.Attempts, c.Items, c.Err)
		}
	}
	if len(calls) != 9 {
		t.Errorf("ledger saw %d calls, want 9", len(calls))
	}
}

func lenOr[T any](out *T, n func() int) int {
	if out == nil {
		return -1
	}
	return n()
}

type observerFunc func(Call)

func (observerFunc) Wait(context.Context, Endpoint) error { return nil }
func (observerFunc) Attempt(Endpoint, bool)               {}
func (f observerFunc) Done(c Call)                        { f(c) }
