package all_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/textract"
	"github.com/aws/aws-sdk-go-v2/service/textract/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/textract"
)

var textractPaged = collecttest.Paged{Cap: 2}

var (
	textractCreated = time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
)

// answers is Textract as AWS answers it (moto lacks adapters): three
// adapters over two pages, each with versions 1 and 2 over two pages;
// adapter a1's detail call fails when failing is set.
func textractAnswers(failing string) map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListAdapters": func(in any) (any, error) {
			var all []types.AdapterOverview
			for i := range 3 {
				all = append(all, types.AdapterOverview{AdapterId: aws.String(fmt.Sprint("a", i)), AdapterName: aws.String(fmt.Sprint("invoices", i)),
					CreationTime: &textractCreated, FeatureTypes: []types.FeatureType{types.FeatureTypeQueries}})
			}
			page, next := collecttest.Page(all, in.(*textract.ListAdaptersInput).NextToken, 2)
			return &textract.ListAdaptersOutput{Adapters: page, NextToken: next}, nil
		},
		"GetAdapter": func(in any) (any, error) {
			id := aws.ToString(in.(*textract.GetAdapterInput).AdapterId)
			if id == failing {
				return nil, errors.New("boom")
			}
			return &textract.GetAdapterOutput{AdapterId: aws.String(id), AdapterName: aws.String("invoices-" + id), CreationTime: &textractCreated,
				AutoUpdate: types.AutoUpdateEnabled, Description: aws.String("supplier invoices"),
				FeatureTypes: []types.FeatureType{types.FeatureTypeQueries, types.FeatureTypeTables}, Tags: map[string]string{"team": id}}, nil
		},
		"ListAdapterVersions": func(in any) (any, error) {
			var all []types.AdapterVersionOverview
			for i := range 3 {
				for _, v := range []string{"1", "2"} {
					all = append(all, types.AdapterVersionOverview{AdapterId: aws.String(fmt.Sprint("a", i)), AdapterVersion: aws.String(v),
						CreationTime: &textractCreated, Status: types.AdapterVersionStatusActive})
				}
			}
			page, next := collecttest.Page(all, in.(*textract.ListAdapterVersionsInput).NextToken, 4)
			return &textract.ListAdapterVersionsOutput{AdapterVersions: page, NextToken: next}, nil
		},
		"GetAdapterVersion": func(in any) (any, error) {
			v := in.(*textract.GetAdapterVersionInput)
			if aws.ToString(v.AdapterId) == failing {
				return nil, errors.New("boom")
			}
			return &textract.GetAdapterVersionOutput{AdapterId: v.AdapterId, AdapterVersion: v.AdapterVersion, CreationTime: &textractCreated,
				Status: types.AdapterVersionStatusAtRisk, StatusMessage: aws.String("retrain"), KMSKeyId: aws.String("k-tx"),
				OutputConfig: &types.OutputConfig{S3Bucket: aws.String("textract-out"), S3Prefix: aws.String("runs/")},
				Tags:         map[string]string{"version": aws.ToString(v.AdapterVersion)}}, nil
		},
	}
}

func textractRun(t *testing.T, typ, failing string) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(textractAnswers(failing))})
	got := textractPaged.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) == 0 {
		t.Fatalf("%s: %v, %d resources", typ, got.Err, len(got.Resources))
	}
	return got
}

func TestTextractAdapters(t *testing.T) {
	collecttest.Require(t)
	got := textractRun(t, "adapter", "")
	collecttest.AssertNoWarnings(t, got)
	if len(got.Resources) != 3 {
		t.Fatalf("adapters: %d, want 3 over two pages", len(got.Resources))
	}
	a := got.ByID()["a2"]
	if a == nil || a.Name != "invoices-a2" || a.ARN != "arn:aws:textract:"+region+":"+account+":/adapters/a2" || a.Tags["team"] != "a2" ||
		a.CreatedAt != "2026-03-09T00:00:00Z" || a.Details["auto_update"] != "ENABLED" || fmt.Sprint(a.Details["feature_types"]) != "[QUERIES TABLES]" {
		t.Fatalf("adapter: %+v", a)
	}

	got = textractRun(t, "adapter", "a1")
	if len(got.Resources) != 3 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("a failed GetAdapter keeps the adapter and warns: %d resources, %d warnings", len(got.Resources), len(got.Task.Warnings()))
	}
	if a := got.ByID()["a1"]; a.Name != "invoices1" || len(a.Tags) != 0 || fmt.Sprint(a.Details["feature_types"]) != "[QUERIES]" {
		t.Errorf("adapter from its listing: %+v", a)
	}
}

func TestTextractAdapterVersions(t *testing.T) {
	collecttest.Require(t)
	got := textractRun(t, "adapter-version", "")
	collecttest.AssertNoWarnings(t, got)
	if len(got.Resources) != 6 {
		t.Fatalf("versions: %d, want 6 over two pages", len(got.Resources))
	}
	v := got.ByID()["a0/2"]
	if v == nil || v.Name != "2" || v.ARN != "arn:aws:textract:"+region+":"+account+":/adapters/a0/versions/2" || v.Tags["version"] != "2" ||
		v.Details["status"] != "AT_RISK" || v.Details["kms_key"] != "k-tx" || v.Details["output_bucket"] != "textract-out" {
		t.Fatalf("version: %+v", v)
	}
	collecttest.HasEdges(t, got, "a0/2 -in-> textract/adapter:a0", "a0/2 -encrypted-with-> kms/key:k-tx", "a0/2 -writes-to-> s3/bucket:textract-out")

	got = textractRun(t, "adapter-version", "a1")
	if len(got.Resources) != 6 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("failed GetAdapterVersion calls keep the versions and warn: %d resources, %d warnings", len(got.Resources), len(got.Task.Warnings()))
	}
	if v := got.ByID()["a1/1"]; v.Details["status"] != "ACTIVE" || v.Details["kms_key"] != "" {
		t.Errorf("version from its listing: %+v", v)
	}
}

func TestTextractDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"adapter": "ListAdapters", "adapter-version": "ListAdapterVersions"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, textractPaged.Run(t, cfg, collector.Service, typ, region))
	}
}
