package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/athena/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/athena"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// createWorkgroups makes six workgroups; bi0 enforces KMS-encrypted
// results, bi3 lets clients override its settings.
func createWorkgroups(t *testing.T, api *athena.Client) {
	t.Helper()
	for i := range 6 {
		in := &athena.CreateWorkGroupInput{Name: aws.String(fmt.Sprintf("bi%d", i)), Description: aws.String("analysts"),
			Configuration: &types.WorkGroupConfiguration{ResultConfiguration: &types.ResultConfiguration{OutputLocation: aws.String("s3://athena-results/bi/")}},
			Tags:          []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}}
		if i == 3 {
			in.Configuration.EnforceWorkGroupConfiguration = aws.Bool(false)
		}
		if i == 0 {
			in.Configuration.EnforceWorkGroupConfiguration = aws.Bool(true)
			in.Configuration.BytesScannedCutoffPerQuery = aws.Int64(10 << 30)
			in.Configuration.ResultConfiguration.EncryptionConfiguration = &types.EncryptionConfiguration{EncryptionOption: types.EncryptionOptionSseKms,
				KmsKey: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1")}
		}
		if _, err := api.CreateWorkGroup(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAthenaWorkgroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	createWorkgroups(t, athena.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "workgroup", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if byID["bi5"] == nil || byID["bi0"] == nil {
		t.Fatalf("workgroups %v", byID)
	}
	for id, want := range map[string]map[string]any{
		"bi0": {"state": "ENABLED", "output_location": "s3://athena-results/bi/", "results_encryption": "SSE_KMS",
			"results_kms_key": "arn:aws:kms:eu-west-1:" + account + ":key/k-1", "enforce_configuration": true, "bytes_scanned_cutoff": int64(10 << 30)},
		"bi3": {"results_encryption": "", "enforce_configuration": false, "description": "analysts"},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	b := byID["bi3"]
	if b.Tags["n"] != "3" || b.ARN != "arn:aws:athena:eu-west-1:"+account+":workgroup/bi3" {
		t.Errorf("bi3: %s %v", b.ARN, b.Tags)
	}
	collecttest.HasEdges(t, got, "bi0 -encrypted-with-> kms/key:k-1", "bi2 -results-in-> s3/bucket:athena-results")
}

func TestAthenaDataCatalogs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := athena.NewFromConfig(cfg)
	for i := range 6 {
		_, err := api.CreateDataCatalog(context.Background(), &athena.CreateDataCatalogInput{Name: aws.String(fmt.Sprintf("hive%d", i)),
			Type: types.DataCatalogTypeHive, Parameters: map[string]string{"metadata-function": "arn:aws:lambda:eu-west-1:" + account + ":function:hms"},
			Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "data-catalog", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("data catalogs: %v, %d", got.Err, len(got.Resources))
	}
	h := got.ByID()["hive4"]
	if h.Details["catalog_type"] != "HIVE" || h.Tags["n"] != "4" || h.ARN != "arn:aws:athena:eu-west-1:"+account+":datacatalog/hive4" {
		t.Errorf("hive4: %s %v %v", h.ARN, h.Tags, h.Details)
	}
}

func TestAthenaDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"workgroup": "ListWorkGroups", "data-catalog": "ListDataCatalogs"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	createWorkgroups(t, athena.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetWorkGroup")})
	got := collecttest.Run(t, cfg, collector.Service, "workgroup", region)
	if got.Err != nil || len(got.Task.Warnings()) != len(got.Resources) || len(got.ByID()["bi0"].Details) != 0 {
		t.Fatalf("want workgroups without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
