package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	logs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	tagtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
)

// The done-when check of issue 13 (tags): on a moto estate with tagged log
// groups, alarms, rules, policies, subnet groups, event-source mappings and
// Lambda functions, `awsmap tags -R Owner` reports exactly the seeded
// compliance. Each type has one resource with Owner and one without (tagged
// Team instead where the type's tags come in bulk: the check of an empty
// GetResources answer reads whichever resource comes first).

const taggedRegion = "eu-west-1"

// taggedEstate seeds moto and returns the ids of the compliant and the
// non-compliant resources, by service.
func taggedEstate(t *testing.T) (compliant, noncompliant map[string][]string) {
	t.Helper()
	ctx := context.Background()
	cfg := moto.Config(t, taggedRegion, nil)
	compliant, noncompliant = map[string][]string{}, map[string][]string{}
	add := func(service, id string, ok bool) {
		if ok {
			compliant[service] = append(compliant[service], id)
		} else {
			noncompliant[service] = append(noncompliant[service], id)
		}
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	owner := func(ok bool) (string, string) {
		if ok {
			return "Owner", "carol"
		}
		return "Team", "core"
	}

	for _, ok := range []bool{true, false} {
		k, v := owner(ok)
		name := fmt.Sprint("/app/owned-", ok)
		must(logs.NewFromConfig(cfg).CreateLogGroup(ctx, &logs.CreateLogGroupInput{LogGroupName: aws.String(name), Tags: map[string]string{k: v}}))
		add("logs", name, ok)

		eb := eventbridge.NewFromConfig(cfg)
		rule := fmt.Sprint("rule-owned-", ok)
		must(eb.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String(rule), ScheduleExpression: aws.String("rate(1 hour)"),
			Tags: []ebtypes.Tag{{Key: aws.String(k), Value: aws.String(v)}}}))
		add("events", rule, ok)
		bus := fmt.Sprint("bus-owned-", ok)
		busIn := &eventbridge.CreateEventBusInput{Name: aws.String(bus)}
		if ok { // an untagged bus: GetResources answers for the tagged one
			busIn.Tags = []ebtypes.Tag{{Key: aws.String(k), Value: aws.String(v)}}
		}
		must(eb.CreateEventBus(ctx, busIn))
		add("events", bus, ok)

		policy := fmt.Sprint("policy-owned-", ok)
		policyIn := &iam.CreatePolicyInput{PolicyName: aws.String(policy), PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`)}
		if ok {
			policyIn.Tags = []iamtypes.Tag{{Key: aws.String(k), Value: aws.String(v)}}
		}
		must(iam.NewFromConfig(cfg).CreatePolicy(ctx, policyIn))
		add("iam", policy, ok)
	}

	// RDS subnet groups.
	n := testvpc.New(t, cfg, "10.9.0.0/16", "", testvpc.Subnet{CIDR: "10.9.1.0/24", AZ: taggedRegion + "a"},
		testvpc.Subnet{CIDR: "10.9.2.0/24", AZ: taggedRegion + "b"})
	for _, ok := range []bool{true, false} {
		k, v := owner(ok)
		name := fmt.Sprint("subnets-owned-", ok)
		must(rds.NewFromConfig(cfg).CreateDBSubnetGroup(ctx, &rds.CreateDBSubnetGroupInput{DBSubnetGroupName: aws.String(name),
			DBSubnetGroupDescription: aws.String("db"), SubnetIds: n.Subnets, Tags: []rdstypes.Tag{{Key: aws.String(k), Value: aws.String(v)}}}))
		add("rds", name, ok)
	}

	// Lambda: a role (tagged), two functions, two event-source mappings.
	role, err := iam.NewFromConfig(cfg).CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("fn-role"), AssumeRolePolicyDocument: aws.String(trustLambda),
		Tags: []iamtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("ops")}}})
	must(role, err)
	add("iam", "fn-role", true)
	fns := lambda.NewFromConfig(cfg)
	for _, ok := range []bool{true, false} {
		k, v := owner(ok)
		name := fmt.Sprint("fn-owned-", ok)
		in := &lambda.CreateFunctionInput{FunctionName: aws.String(name), Role: role.Role.Arn, Runtime: "python3.12", Handler: aws.String("index.handler"),
			Code: &lambdatypes.FunctionCode{ZipFile: lambdaZip()}}
		if ok {
			in.Tags = map[string]string{k: v}
		}
		must(fns.CreateFunction(ctx, in))
		add("lambda", name, ok)
		q, err := sqs.NewFromConfig(cfg).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(fmt.Sprint("jobs-", ok))})
		must(q, err)
		queueARN := "arn:aws:sqs:" + taggedRegion + ":" + collecttest.MotoAccount + ":" + fmt.Sprint("jobs-", ok)
		m, err := fns.CreateEventSourceMapping(ctx, &lambda.CreateEventSourceMappingInput{FunctionName: aws.String(name),
			EventSourceArn: aws.String(queueARN), Tags: map[string]string{k: v}})
		must(m, err)
		add("lambda", aws.ToString(m.UUID), ok)
	}
	// Alarms: moto cannot answer the CloudWatch SDK (CBOR), see alarmsAsAWS.
	add("cloudwatch", "cpu-owned-true", true)
	add("cloudwatch", "cpu-owned-false", false)
	return compliant, noncompliant
}

// alarmsAsAWS answers for CloudWatch, which moto 5.2.1 cannot speak to this
// SDK (Smithy RPCv2 CBOR), as AWS would: two alarms, one with Owner, both
// with tags in GetResources, and nothing else (its other reads answer empty).
// Every other call passes through to moto.
func alarmsAsAWS(calls *atomic.Int64) awsx.Responder {
	alarmARN := func(name string) string {
		return "arn:aws:cloudwatch:" + taggedRegion + ":" + collecttest.MotoAccount + ":alarm:" + name
	}
	names := []string{"cpu-owned-true", "cpu-owned-false"}
	return awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		switch {
		case req.Service == "CloudWatch" && req.Operation == "DescribeAlarms":
			out := &cloudwatch.DescribeAlarmsOutput{}
			for _, n := range names {
				out.MetricAlarms = append(out.MetricAlarms, cwtypes.MetricAlarm{AlarmName: aws.String(n), AlarmArn: aws.String(alarmARN(n)),
					StateValue: cwtypes.StateValueOk, MetricName: aws.String("CPUUtilization"), Namespace: aws.String("AWS/EC2")})
			}
			return out, nil
		case req.Operation == "GetResources" && slices.Contains(req.Input.(*tagging.GetResourcesInput).ResourceTypeFilters, "cloudwatch:alarm"):
			calls.Add(1)
			return &tagging.GetResourcesOutput{ResourceTagMappingList: []tagtypes.ResourceTagMapping{
				{ResourceARN: aws.String(alarmARN(names[0])), Tags: []tagtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("dana")}}},
				{ResourceARN: aws.String(alarmARN(names[1])), Tags: []tagtypes.Tag{{Key: aws.String("Team"), Value: aws.String("core")}}},
			}}, nil
		case req.Service == "CloudWatch":
			return nil, awsx.ErrEmptyAnswer
		}
		return nil, awsx.ErrPassThrough
	})
}

func TestTagsReportTheSeededCompliance(t *testing.T) {
	// Not parallel: t.Setenv (no flag names the config file).
	useMoto(t)
	t.Setenv("AWSMAP_CONFIG", filepath.Join(t.TempDir(), "config"))
	resetMoto(t)
	compliant, noncompliant := taggedEstate(t)

	var filled, alarmTags atomic.Int64
	responder := chain(alarmsAsAWS(&alarmTags), fillPolicyNames(t, &filled))
	db := filepath.Join(t.TempDir(), "tagged.db")
	code, _, errs := awsmapWith(t, responder, "--endpoint-url", moto.URL, "-r", taggedRegion, "--include-global",
		"-s", "logs,cloudwatch,events,iam,rds,lambda", "--db", db, "-q")
	if code != ExitOK && code != ExitPartial {
		t.Fatalf("scan exit %d: %s", code, errs)
	}
	if alarmTags.Load() == 0 {
		t.Errorf("alarm tags were not read through GetResources")
	}

	code, out, errs := awsmap(t, "tags", "--db", db, "-R", "Owner", "-f", "json")
	if code != ExitOK {
		t.Fatalf("tags exit %d: %s", code, errs)
	}
	var rep struct {
		Overall   struct{ Compliant, Total int }
		ByService []struct {
			Service          string
			Compliant, Total int
		} `json:"by_service"`
		Resources  []struct{ Service, Type, ID string }
		Complete   bool
		Incomplete []gap
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	wantCompliant, wantTotal := 0, 0
	for svc := range noncompliant {
		wantCompliant += len(compliant[svc])
		wantTotal += len(compliant[svc]) + len(noncompliant[svc])
	}
	if rep.Overall.Compliant != wantCompliant || rep.Overall.Total != wantTotal {
		t.Errorf("overall %d / %d, want %d / %d", rep.Overall.Compliant, rep.Overall.Total, wantCompliant, wantTotal)
	}
	for _, s := range rep.ByService {
		if c, n := len(compliant[s.Service]), len(noncompliant[s.Service]); s.Compliant != c || s.Total != c+n {
			t.Errorf("%s: %d / %d, want %d / %d", s.Service, s.Compliant, s.Total, c, c+n)
		}
	}
	var listed, want []string
	for _, r := range rep.Resources {
		listed = append(listed, r.Service+":"+r.ID)
	}
	for svc, ids := range noncompliant {
		for _, id := range ids {
			want = append(want, svc+":"+id)
		}
	}
	sort.Strings(listed)
	sort.Strings(want)
	if !slices.Equal(listed, want) {
		t.Errorf("non-compliant resources\n got %v\nwant %v", listed, want)
	}

	// Where moto's GetResources misses a type's tags, the check falls back to
	// the per-resource call (the tags above are right) and marks the
	// collection partial: the report is then UNKNOWN there, and says so.
	partial := queryRows[gap](t, db, `SELECT region, service, type, outcome, coalesce(operation, '') AS operation, '' AS error_code
		FROM coverage WHERE scan_id = (SELECT max(id) FROM scans) AND outcome NOT IN ('ok', 'not_found')
		AND service || '/' || type NOT IN ('organizations/organization')`)
	for _, p := range partial {
		if p.Outcome != "partial" || p.Operation != "GetResources" {
			t.Errorf("collection %s/%s %s by %q: only the GetResources check may fail here", p.Service, p.Type, p.Outcome, p.Operation)
		}
	}
	if rep.Complete != (len(partial) == 0) || len(rep.Incomplete) != len(partial) {
		t.Errorf("complete %v with gaps %+v; collections not ok: %+v", rep.Complete, rep.Incomplete, partial)
	}
	t.Logf("fell back per resource (moto's GetResources misses them): %+v", partial)
	code, _, errs = awsmap(t, "tags", "--db", db, "-R", "Owner", "--fail-on", "incomplete")
	if wantCode := map[bool]int{true: ExitOK, false: ExitIncomplete}[rep.Complete]; code != wantCode {
		t.Errorf("--fail-on incomplete: exit %d, want %d (%s)", code, wantCode, errs)
	}
	if !rep.Complete && !strings.Contains(errs, "UNKNOWN for "+collecttest.MotoAccount) {
		t.Errorf("no UNKNOWN line on stderr: %s", errs)
	}
	_, out, _ = awsmap(t, "tags", "--db", db, "-R", "Owner", "--summary")
	for _, p := range partial {
		if !regexp.MustCompile(`(?m)^` + p.Service + ` .*UNKNOWN in places`).MatchString(out) {
			t.Errorf("the by-service table does not mark %s UNKNOWN:\n%s", p.Service, out)
		}
	}
}
