package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iot"
	"github.com/aws/aws-sdk-go-v2/service/iot/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/iot"
)

var iotPaged = collecttest.Paged{Cap: 2}

var (
	iotRole = "arn:aws:iam::" + account + ":role/iot-rules"
)

// open is a policy allowing every IoT action on everything.
const open = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}`

const narrow = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect"],"Resource":["arn:aws:iot:eu-west-1:123456789012:client/${iot:ClientId}"]}]}`

// estate creates three of each type; certificates' ids are returned in
// creation order.
func iotEstate(t *testing.T, api *iot.Client) (certs []string) {
	t.Helper()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(api.CreateThingGroup(ctx, &iot.CreateThingGroupInput{ThingGroupName: aws.String("fleet"),
		ThingGroupProperties: &types.ThingGroupProperties{ThingGroupDescription: aws.String("all sensors")}}))
	for i := range 3 {
		n := fmt.Sprint(i)
		must(api.CreateThingType(ctx, &iot.CreateThingTypeInput{ThingTypeName: aws.String("sensor" + n),
			ThingTypeProperties: &types.ThingTypeProperties{ThingTypeDescription: aws.String("temperature")}}))
		must(api.CreateThing(ctx, &iot.CreateThingInput{ThingName: aws.String("dev" + n), ThingTypeName: aws.String("sensor" + n),
			AttributePayload: &types.AttributePayload{Attributes: map[string]string{"site": "plant" + n}}}))
		if i > 0 {
			must(api.CreateThingGroup(ctx, &iot.CreateThingGroupInput{ThingGroupName: aws.String("line" + n), ParentGroupName: aws.String("fleet")}))
		}
		doc := narrow
		if i == 0 {
			doc = open
		}
		must(api.CreatePolicy(ctx, &iot.CreatePolicyInput{PolicyName: aws.String("pol" + n), PolicyDocument: aws.String(doc)}))
		c, err := api.CreateKeysAndCertificate(ctx, &iot.CreateKeysAndCertificateInput{SetAsActive: i != 2})
		must(c, err)
		certs = append(certs, aws.ToString(c.CertificateId))
		must(api.CreateTopicRule(ctx, &iot.CreateTopicRuleInput{RuleName: aws.String("rule" + n), TopicRulePayload: &types.TopicRulePayload{
			Sql: aws.String("SELECT * FROM 'sensors/#'"), RuleDisabled: aws.Bool(i == 1), Description: aws.String("fan out"),
			Actions: []types.Action{
				{Lambda: &types.LambdaAction{FunctionArn: aws.String("arn:aws:lambda:eu-west-1:" + account + ":function:ingest")}},
				{Sqs: &types.SqsAction{QueueUrl: aws.String("https://sqs.eu-west-1.amazonaws.com/" + account + "/readings"), RoleArn: aws.String(iotRole)}},
			}}}))
		must(api.CreateRoleAlias(ctx, &iot.CreateRoleAliasInput{RoleAlias: aws.String("alias" + n), RoleArn: aws.String("arn:aws:iam::" + account + ":role/device"),
			CredentialDurationSeconds: aws.Int32(3600)}))
		must(api.CreateDomainConfiguration(ctx, &iot.CreateDomainConfigurationInput{DomainConfigurationName: aws.String("dom" + n),
			DomainName: aws.String("iot" + n + ".example.com"), ServiceType: types.ServiceTypeData,
			ServerCertificateArns: []string{"arn:aws:acm:eu-west-1:" + account + ":certificate/c" + n}}))
	}
	return certs
}

// moto does not serve IoT tags: canned, each resource tagged with its ARN.
var iotTagged = awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
	"ListTagsForResource": func(in any) (any, error) {
		return &iot.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*iot.ListTagsForResourceInput).ResourceArn}}}, nil
	},
})}

func TestIotTypes(t *testing.T) {
	collecttest.Setup(t)
	certs := iotEstate(t, iot.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, iotTagged)
	for _, c := range []struct {
		typ, id string
		count   int
		details map[string]any
		edges   []string
	}{
		{"thing", "dev1", 3, map[string]any{"thing_type": "sensor1"}, []string{"dev1 -of-type-> iot/thing-type:sensor1"}},
		{"thing-type", "sensor2", 3, map[string]any{"description": "temperature", "deprecated": false}, nil},
		{"thing-group", "line2", 3, map[string]any{"parent": "fleet", "dynamic": false}, []string{"line2 -in-group-> iot/thing-group:fleet"}},
		{"thing-group", "fleet", 3, map[string]any{"description": "all sensors", "parent": ""}, nil},
		{"policy", "pol0", 3, map[string]any{"allows_all": true, "document": open}, nil},
		{"policy", "pol1", 3, map[string]any{"allows_all": false}, nil},
		{"certificate", certs[0], 3, map[string]any{"status": "ACTIVE"}, nil},
		{"certificate", certs[2], 3, map[string]any{"status": "INACTIVE"}, nil},
		{"topic-rule", "rule1", 3, map[string]any{"disabled": true, "action_count": int64(2), "sql": "SELECT * FROM 'sensors/#'", "has_error_action": false},
			[]string{"rule1 -targets-> lambda/function:ingest", "rule1 -targets-> sqs/queue:readings", "rule1 -assumes-role-> iam/role:iot-rules"}},
		{"role-alias", "alias0", 3, map[string]any{"credential_duration": int64(3600), "role_arn": "arn:aws:iam::" + account + ":role/device"},
			[]string{"alias0 -assumes-role-> iam/role:device"}},
		{"domain-configuration", "dom2", 3, map[string]any{"domain_name": "iot2.example.com", "service_type": "DATA"}, nil},
	} {
		t.Run(c.typ+"/"+c.id, func(t *testing.T) {
			got := iotPaged.Run(t, cfg, collector.Service, c.typ, region)
			if got.Err != nil || len(got.Resources) != c.count {
				t.Fatalf("%v, %d resources", got.Err, len(got.Resources))
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()[c.id]
			if r == nil || r.ARN == "" {
				t.Fatalf("%s: %+v", c.id, r)
			}
			if taggable := c.typ != "thing" && c.typ != "certificate"; taggable != (r.Tags["arn"] == r.ARN) {
				t.Errorf("tags %v of %s", r.Tags, r.ARN)
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, c.edges...)
		})
	}
}

func TestIotDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"thing": "ListThings", "policy": "ListPolicies", "certificate": "ListCertificates", "topic-rule": "ListTopicRules"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, iotPaged.Run(t, cfg, collector.Service, typ, region))
	}
	iotEstate(t, iot.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetPolicy", "ListTagsForResource")})
	got := iotPaged.Run(t, cfg, collector.Service, "policy", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 6 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want policies without details and two warnings each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeCertificate")})
	got = iotPaged.Run(t, cfg, collector.Service, "certificate", region)
	c := got.Resources[0]
	if _, known := c.Details["not_after"]; got.Err != nil || len(got.Task.Warnings()) != 3 || known || c.Details["status"] == "" {
		t.Fatalf("want certificates with the listed status, no validity, and a warning each: %v %+v", got.Err, c)
	}
}
