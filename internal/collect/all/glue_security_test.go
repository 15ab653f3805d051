package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/glue"
)

func TestGlueSecurityConfigurationsAndDevEndpoints(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := glue.NewFromConfig(cfg)
	key := "arn:aws:kms:eu-west-1:" + account + ":key/k-1"
	for i := range 6 {
		in := &glue.CreateSecurityConfigurationInput{Name: aws.String(fmt.Sprintf("sec%d", i)), EncryptionConfiguration: &types.EncryptionConfiguration{
			S3Encryption: []types.S3Encryption{{S3EncryptionMode: types.S3EncryptionModeDisabled}}}}
		if i == 0 {
			in.EncryptionConfiguration = &types.EncryptionConfiguration{S3Encryption: []types.S3Encryption{{S3EncryptionMode: types.S3EncryptionModeSsekms, KmsKeyArn: aws.String(key)}},
				CloudWatchEncryption:   &types.CloudWatchEncryption{CloudWatchEncryptionMode: types.CloudWatchEncryptionModeSsekms, KmsKeyArn: aws.String(key)},
				JobBookmarksEncryption: &types.JobBookmarksEncryption{JobBookmarksEncryptionMode: types.JobBookmarksEncryptionModeCsekms, KmsKeyArn: aws.String(key)}}
		}
		fatalOnError(t)(api.CreateSecurityConfiguration(ctx, in))
	}
	got := collecttest.Run(t, cfg, collector.Service, "security-configuration", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("security configurations: %v, %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.ByID()["sec0"], map[string]any{"s3_encryption": "SSE-KMS", "cloudwatch_encryption": "SSE-KMS", "job_bookmarks_encryption": "CSE-KMS"})
	wantDetails(t, got.ByID()["sec4"], map[string]any{"s3_encryption": "DISABLED", "cloudwatch_encryption": ""})
	// moto gives no creation time.
	if s := got.ByID()["sec0"]; s.ARN != "arn:aws:glue:eu-west-1:"+account+":securityConfiguration/sec0" {
		t.Errorf("sec0: %s", s.ARN)
	}
	collecttest.HasEdges(t, got, "sec0 -encrypted-with-> kms/key:k-1")

	net := testvpc.New(t, cfg, "10.2.0.0/16", "glue", testvpc.Subnet{CIDR: "10.2.1.0/24"})
	for i := range 2 {
		in := &glue.CreateDevEndpointInput{EndpointName: aws.String(fmt.Sprintf("dev%d", i)), RoleArn: aws.String("arn:aws:iam::" + account + ":role/glue-dev"),
			GlueVersion: aws.String("1.0"), WorkerType: types.WorkerTypeG1x, NumberOfWorkers: aws.Int32(2)}
		if i == 1 {
			in.SubnetId, in.SecurityGroupIds, in.SecurityConfiguration = aws.String(net.Subnets[0]), []string{net.SG}, aws.String("sec0")
		}
		fatalOnError(t)(api.CreateDevEndpoint(ctx, in))
		// moto keeps a create's tags where GetTags does not read them: tag afterwards.
		fatalOnError(t)(api.TagResource(ctx, &glue.TagResourceInput{ResourceArn: aws.String("arn:aws:glue:eu-west-1:" + account + ":devEndpoint/" + *in.EndpointName),
			TagsToAdd: map[string]string{"n": fmt.Sprint(i)}}))
	}
	de := collecttest.Run(t, cfg, collector.Service, "dev-endpoint", region)
	if de.Err != nil || len(de.Resources) != 2 {
		t.Fatalf("dev endpoints: %v, %d", de.Err, len(de.Resources))
	}
	collecttest.AssertNoWarnings(t, de)
	d := de.ByID()["dev1"]
	wantDetails(t, d, map[string]any{"role_arn": "arn:aws:iam::" + account + ":role/glue-dev", "glue_version": "1.0", "worker_type": "G.1X",
		"number_of_workers": 2, "security_configuration": "sec0"})
	if d.Tags["n"] != "1" || d.ARN != "arn:aws:glue:eu-west-1:"+account+":devEndpoint/dev1" {
		t.Errorf("dev1: %s %v", d.ARN, d.Tags)
	}
	collecttest.HasEdges(t, de, "dev1 -in-subnet-> ec2/subnet:"+net.Subnets[0], "dev1 -uses-security-group-> ec2/security-group:"+net.SG,
		"dev1 -assumes-role-> iam/role:glue-dev", "dev1 -uses-security-configuration-> glue/security-configuration:sec0")
}

// listSchemas answers ListSchemas, which moto lacks, with the schemas
// moto holds (it serves GetSchema and the tags).
func listSchemas(arns map[string]string) func(any) (any, error) {
	return func(any) (any, error) {
		out := &glue.ListSchemasOutput{}
		for name, arn := range arns {
			out.Schemas = append(out.Schemas, types.SchemaListItem{RegistryName: aws.String("events"), SchemaName: aws.String(name), SchemaArn: aws.String(arn),
				CreatedTime: aws.String("2026-03-01T10:00:00Z")})
		}
		return out, nil
	}
}

func TestGlueRegistriesAndSchemas(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := glue.NewFromConfig(cfg)
	for i := range 6 {
		out, err := api.CreateRegistry(ctx, &glue.CreateRegistryInput{RegistryName: aws.String(fmt.Sprintf("reg%d", i)), Description: aws.String("events")})
		if err != nil {
			t.Fatal(err)
		}
		// moto keeps a create's tags where GetTags does not read them: tag afterwards.
		fatalOnError(t)(api.TagResource(ctx, &glue.TagResourceInput{ResourceArn: out.RegistryArn, TagsToAdd: map[string]string{"n": fmt.Sprint(i)}}))
	}
	fatalOnError(t)(api.CreateRegistry(ctx, &glue.CreateRegistryInput{RegistryName: aws.String("events")}))
	arns := map[string]string{}
	for _, name := range []string{"order", "click"} {
		out, err := api.CreateSchema(ctx, &glue.CreateSchemaInput{RegistryId: &types.RegistryId{RegistryName: aws.String("events")}, SchemaName: aws.String(name),
			DataFormat: types.DataFormatAvro, Compatibility: types.CompatibilityBackward, Tags: map[string]string{"schema": name},
			SchemaDefinition: aws.String(`{"type":"record","name":"` + name + `","fields":[{"name":"id","type":"string"}]}`)})
		if err != nil {
			t.Fatal(err)
		}
		arns[name] = aws.ToString(out.SchemaArn)
	}
	rg := collecttest.Run(t, cfg, collector.Service, "registry", region)
	if rg.Err != nil || len(rg.Resources) != 7 {
		t.Fatalf("registries: %v, %d", rg.Err, len(rg.Resources))
	}
	collecttest.AssertNoWarnings(t, rg)
	r := rg.ByID()["reg5"]
	// moto lists registries without their status and times.
	wantDetails(t, r, map[string]any{"description": "events"})
	if r.Tags["n"] != "5" || r.ARN != "arn:aws:glue:eu-west-1:"+account+":registry/reg5" {
		t.Errorf("reg5: %s %v", r.ARN, r.Tags)
	}

	scfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListSchemas": listSchemas(arns)})})
	sc := collecttest.Run(t, scfg, collector.Service, "schema", region)
	if sc.Err != nil || len(sc.Resources) != 2 {
		t.Fatalf("schemas: %v, %d", sc.Err, len(sc.Resources))
	}
	collecttest.AssertNoWarnings(t, sc)
	o := sc.ByID()["events/order"]
	wantDetails(t, o, map[string]any{"data_format": "AVRO", "compatibility": "BACKWARD", "latest_version": 1})
	if o.Name != "order" || o.Tags["schema"] != "order" || o.ARN != arns["order"] || o.CreatedAt != "2026-03-01T10:00:00Z" {
		t.Errorf("order: %s %s %v %q", o.Name, o.ARN, o.Tags, o.CreatedAt)
	}
	collecttest.HasEdges(t, sc, "events/order -in-registry-> glue/registry:events")

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListSchemas": listSchemas(arns), "GetSchema": collecttest.Denied("GetSchema")})})
	sc = collecttest.Run(t, denied, collector.Service, "schema", region)
	if sc.Err != nil || len(sc.Resources) != 2 || len(sc.Task.Warnings()) != 2 || len(sc.ByID()["events/click"].Details) != 0 {
		t.Fatalf("want schemas without details and a warning each, got %v, %d, %d", sc.Err, len(sc.Resources), len(sc.Task.Warnings()))
	}
	for typ, op := range map[string]string{"registry": "ListRegistries", "security-configuration": "GetSecurityConfigurations", "dev-endpoint": "GetDevEndpoints"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
