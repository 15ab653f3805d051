package all_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/translate"
	"github.com/aws/aws-sdk-go-v2/service/translate/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/translate"
)

var translatePaged = collecttest.Paged{Cap: 2}

var (
	translateCreated = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	translateKey     = &types.EncryptionKey{Type: types.EncryptionKeyTypeKms, Id: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-tr")}
)

func translateArn(res string) *string {
	return aws.String("arn:aws:translate:" + region + ":" + account + ":" + res)
}

// canned answers Translate (moto has none of it): three terminologies and
// three parallel data over two pages, the first of each encrypted with a
// customer key; every tag set holds the resource's ARN.
func translateCanned(replace map[string]func(any) (any, error)) awsx.Options {
	answers := map[string]func(any) (any, error){
		"ListTerminologies": func(in any) (any, error) {
			var all []types.TerminologyProperties
			for i := range 3 {
				name := fmt.Sprint("brand", i)
				p := types.TerminologyProperties{Name: aws.String(name), Arn: translateArn("terminology/" + name + "/LATEST"), CreatedAt: &translateCreated, SourceLanguageCode: aws.String("en"),
					TargetLanguageCodes: []string{"fr", "de"}, Directionality: types.DirectionalityUni, Format: types.TerminologyDataFormatCsv, TermCount: aws.Int32(12)}
				if i == 0 {
					p.EncryptionKey = translateKey
				}
				all = append(all, p)
			}
			items, next := collecttest.Page(all, in.(*translate.ListTerminologiesInput).NextToken, 2)
			return &translate.ListTerminologiesOutput{TerminologyPropertiesList: items, NextToken: next}, nil
		},
		"ListParallelData": func(in any) (any, error) {
			var all []types.ParallelDataProperties
			for i := range 3 {
				name := fmt.Sprint("legal", i)
				p := types.ParallelDataProperties{Name: aws.String(name), Arn: translateArn("parallel-data/" + name), CreatedAt: &translateCreated, Status: types.ParallelDataStatusActive,
					SourceLanguageCode: aws.String("en"), TargetLanguageCodes: []string{"es"}, ImportedRecordCount: aws.Int64(5000),
					ParallelDataConfig: &types.ParallelDataConfig{Format: types.ParallelDataFormatTmx, S3Uri: aws.String("s3://corpora/legal/" + name + ".tmx")}}
				if i == 0 {
					p.EncryptionKey = translateKey
				}
				all = append(all, p)
			}
			items, next := collecttest.Page(all, in.(*translate.ListParallelDataInput).NextToken, 2)
			return &translate.ListParallelDataOutput{ParallelDataPropertiesList: items, NextToken: next}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &translate.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*translate.ListTagsForResourceInput).ResourceArn}}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestTranslateTerminologies(t *testing.T) {
	collecttest.Require(t)
	got := translatePaged.Run(t, collecttest.ConfigWith(t, region, translateCanned(nil)), collector.Service, "terminology", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("terminologies: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["brand0"]
	if r == nil || r.ARN != *translateArn("terminology/brand0/LATEST") || r.Tags["arn"] != r.ARN || r.CreatedAt != "2026-01-05T00:00:00Z" ||
		r.Details["directionality"] != "UNI" || r.Details["format"] != "CSV" || r.Details["terms"] != int64(12) ||
		fmt.Sprint(r.Details["target_languages"]) != "[fr de]" || r.Details["kms_key"] != *translateKey.Id {
		t.Fatalf("brand0: %+v", r)
	}
	if got.ByID()["brand1"].Details["kms_key"] != "" {
		t.Errorf("brand1 uses an AWS owned key: %v", got.ByID()["brand1"].Details)
	}
	collecttest.HasEdges(t, got, "brand0 -encrypted-with-> kms/key:k-tr")
}

func TestTranslateParallelData(t *testing.T) {
	collecttest.Require(t)
	got := translatePaged.Run(t, collecttest.ConfigWith(t, region, translateCanned(nil)), collector.Service, "parallel-data", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("parallel data: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["legal2"]
	if r == nil || r.ARN != *translateArn("parallel-data/legal2") || r.Tags["arn"] != r.ARN || r.Details["status"] != "ACTIVE" || r.Details["format"] != "TMX" ||
		r.Details["records"] != int64(5000) || r.Details["s3_uri"] != "s3://corpora/legal/legal2.tmx" || r.Details["kms_key"] != "" {
		t.Fatalf("legal2: %+v", r)
	}
	collecttest.HasEdges(t, got, "legal0 -encrypted-with-> kms/key:k-tr", "legal2 -reads-from-> s3/bucket:corpora")
}

func TestTranslateDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"terminology": "ListTerminologies", "parallel-data": "ListParallelData"} {
		cfg := collecttest.ConfigWith(t, region, translateCanned(map[string]func(any) (any, error){op: collecttest.Denied(op)}))
		collecttest.AssertDenied(t, translatePaged.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, translateCanned(map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource")}))
	got := translatePaged.Run(t, cfg, collector.Service, "terminology", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want terminologies and a tag warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
