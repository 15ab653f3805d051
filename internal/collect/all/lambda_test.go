package all_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/lambda"
)

func codeZip(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.Create("index.py")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, "def handler(event, context):\n    return event\n")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func createRole(t *testing.T, cfg aws.Config) string {
	t.Helper()
	out, err := iam.NewFromConfig(cfg).CreateRole(context.Background(), &iam.CreateRoleInput{
		RoleName: aws.String("fn-role"), Path: aws.String("/service/"),
		AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.Role.Arn)
}

func createFunction(t *testing.T, api *lambda.Client, in *lambda.CreateFunctionInput) {
	t.Helper()
	if in.Runtime == "" {
		in.Runtime = types.RuntimePython312
	}
	in.Handler = aws.String("index.handler")
	in.Code = &types.FunctionCode{ZipFile: codeZip(t)}
	if _, err := api.CreateFunction(context.Background(), in); err != nil {
		t.Fatal(err)
	}
}

func TestLambdaFunctions(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	role := createRole(t, cfg)
	n := testvpc.New(t, cfg, "10.3.0.0/16", "fn", testvpc.Subnet{CIDR: "10.3.1.0/24"})
	subnetID, sgID := n.Subnets[0], n.SG
	api := lambda.NewFromConfig(cfg)
	createFunction(t, api, &lambda.CreateFunctionInput{
		FunctionName: aws.String("api"), Role: aws.String(role), MemorySize: aws.Int32(512), Timeout: aws.Int32(30),
		Architectures: []types.Architecture{types.ArchitectureArm64},
		Environment:   &types.Environment{Variables: map[string]string{"DB_PASSWORD": "hunter2", "STAGE": "prod"}},
		VpcConfig:     &types.VpcConfig{SubnetIds: []string{subnetID}, SecurityGroupIds: []string{sgID}},
		TracingConfig: &types.TracingConfig{Mode: types.TracingModeActive},
		Tags:          map[string]string{"Team": "payments"},
	})
	for i := range 5 {
		createFunction(t, api, &lambda.CreateFunctionInput{FunctionName: aws.String(fmt.Sprintf("worker-%d", i)), Role: aws.String(role)})
	}
	if _, err := api.PutFunctionConcurrency(ctx, &lambda.PutFunctionConcurrencyInput{FunctionName: aws.String("api"), ReservedConcurrentExecutions: aws.Int32(25)}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "function", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 functions over several pages, got %d", len(byID))
	}
	fn := byID["api"]
	checks := map[string]any{
		"runtime": "python3.12", "memory_mb": int32(512), "timeout_seconds": int32(30), "role": role,
		"handler": "index.handler", "package_type": "Zip", "tracing_mode": "Active",
	}
	for k, want := range checks {
		if fn.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, fn.Details[k], fn.Details[k], want)
		}
	}
	// moto answers a fixed VpcId (vpc-123abc) whatever the subnets' VPC.
	if fn.Details["vpc_id"] == "" {
		t.Errorf("vpc_id empty")
	}
	if fn.Details["reserved_concurrency"] != int32(25) {
		t.Errorf("reserved_concurrency = %v", fn.Details["reserved_concurrency"])
	}
	if rc, ok := byID["worker-0"].Details["reserved_concurrency"]; !ok || rc != nil {
		t.Errorf("unreserved function: reserved_concurrency = %v (present %v), want null", rc, ok)
	}
	if names := fmt.Sprint(fn.Details["environment_variable_names"]); names != "[DB_PASSWORD STAGE]" {
		t.Errorf("environment_variable_names = %s", names)
	}
	if strings.Contains(fmt.Sprint(fn.Details), "hunter2") {
		t.Errorf("environment value leaked into details: %v", fn.Details)
	}
	if fmt.Sprint(fn.Details["architectures"]) != "[arm64]" || fn.Details["last_modified"] == "" {
		t.Errorf("architectures %v last_modified %v", fn.Details["architectures"], fn.Details["last_modified"])
	}
	if fn.Tags["Team"] != "payments" || fn.ARN != "arn:aws:lambda:"+region+":"+collecttest.MotoAccount+":function:api" {
		t.Errorf("tags %v arn %q", fn.Tags, fn.ARN)
	}
	collecttest.HasEdges(t, got,
		"api -assumes-role-> iam/role:fn-role",
		"api -in-subnet-> ec2/subnet:"+subnetID,
		"api -uses-security-group-> ec2/security-group:"+sgID,
	)
}

func TestLambdaLayers(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := lambda.NewFromConfig(cfg)
	for i := range 6 {
		for range 2 { // two versions: the latest is reported
			if _, err := api.PublishLayerVersion(ctx, &lambda.PublishLayerVersionInput{
				LayerName: aws.String(fmt.Sprintf("deps-%d", i)), Content: &types.LayerVersionContentInput{ZipFile: codeZip(t)},
				CompatibleRuntimes: []types.Runtime{types.RuntimePython312},
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "layer", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 layers over several pages, got %d", len(byID))
	}
	l := byID["deps-0"]
	if l.Details["latest_version"] != int64(2) || fmt.Sprint(l.Details["compatible_runtimes"]) != "[python3.12]" {
		t.Errorf("details = %v", l.Details)
	}
	if l.CreatedAt == "" || l.ARN != "arn:aws:lambda:"+region+":"+collecttest.MotoAccount+":layer:deps-0" {
		t.Errorf("created %q arn %q", l.CreatedAt, l.ARN)
	}
}

func TestLambdaEventSourceMappings(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := lambda.NewFromConfig(cfg)
	createFunction(t, api, &lambda.CreateFunctionInput{FunctionName: aws.String("consumer"), Role: aws.String(createRole(t, cfg))})
	var uuids []string
	for i := range 6 {
		q, err := sqs.NewFromConfig(cfg).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(fmt.Sprintf("jobs-%d", i))})
		if err != nil {
			t.Fatal(err)
		}
		attrs, err := sqs.NewFromConfig(cfg).GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl, AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn}})
		if err != nil {
			t.Fatal(err)
		}
		m, err := api.CreateEventSourceMapping(ctx, &lambda.CreateEventSourceMappingInput{
			FunctionName: aws.String("consumer"), EventSourceArn: aws.String(attrs.Attributes["QueueArn"]), BatchSize: aws.Int32(7),
			Tags: map[string]string{"Owner": fmt.Sprint("team-", i)},
		})
		if err != nil {
			t.Fatal(err)
		}
		uuids = append(uuids, aws.ToString(m.UUID))
	}
	got := collecttest.Run(t, cfg, collector.Service, "event-source-mapping", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	// Compare with the API's own listing: under load the SDK may retry a
	// create whose first attempt moto had already applied.
	listed, err := api.ListEventSourceMappings(ctx, &lambda.ListEventSourceMappingsInput{})
	if err != nil {
		t.Fatal(err)
	}
	byID := got.ByID()
	if len(byID) != len(listed.EventSourceMappings) || len(byID) < 6 {
		t.Fatalf("want the %d mappings moto lists (at least 6), got %d", len(listed.EventSourceMappings), len(byID))
	}
	m := byID[uuids[0]]
	if m.Details["batch_size"] != int32(7) || m.Details["event_source_arn"] != "arn:aws:sqs:"+region+":"+collecttest.MotoAccount+":jobs-0" || m.Details["state"] == "" {
		t.Errorf("details = %v", m.Details)
	}
	for i, id := range uuids {
		if byID[id].Tags["Owner"] != fmt.Sprint("team-", i) {
			t.Errorf("mapping %d tags %v", i, byID[id].Tags)
		}
	}
	collecttest.AssertNoWarnings(t, got)
	collecttest.HasEdges(t, got, uuids[0]+" -triggers-> lambda/function:consumer")
}

func TestLambdaPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListFunctions")})
	got := collecttest.Run(t, cfg, collector.Service, "function", region)
	collecttest.AssertDenied(t, got)

	plain := collecttest.Config(t, region, nil)
	createFunction(t, lambda.NewFromConfig(plain), &lambda.CreateFunctionInput{FunctionName: aws.String("api"), Role: aws.String(createRole(t, plain))})
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetFunctionConcurrency")})
	got = collecttest.Run(t, cfg, collector.Service, "function", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want the function despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	if _, ok := got.Resources[0].Details["reserved_concurrency"]; ok || len(got.Task.Warnings()) == 0 {
		t.Errorf("want reserved_concurrency absent and a warning, got %v / %v", got.Resources[0].Details, got.Task.Warnings())
	}
}
