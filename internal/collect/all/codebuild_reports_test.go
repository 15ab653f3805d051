package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codebuild"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func reportGroupARN(name string) string {
	return "arn:aws:codebuild:" + region + ":" + collecttest.MotoAccount + ":report-group/" + name
}

// reportsCanned answers what moto lacks: report groups (six ARNs over two
// pages, read in batches) and source credentials.
var reportsCanned = map[string]func(any) (any, error){
	"ListReportGroups": func(in any) (any, error) {
		var all []string
		for i := range 6 {
			all = append(all, reportGroupARN(fmt.Sprint("tests", i)))
		}
		page, next := collecttest.Page(all, in.(*codebuild.ListReportGroupsInput).NextToken, 4)
		return &codebuild.ListReportGroupsOutput{ReportGroups: page, NextToken: next}, nil
	},
	"BatchGetReportGroups": func(in any) (any, error) {
		created := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
		out := &codebuild.BatchGetReportGroupsOutput{}
		for _, arn := range in.(*codebuild.BatchGetReportGroupsInput).ReportGroupArns {
			name := arn[len(reportGroupARN("")):]
			g := types.ReportGroup{Arn: aws.String(arn), Name: aws.String(name), Type: types.ReportTypeTest, Status: types.ReportGroupStatusTypeActive, Created: &created,
				ExportConfig: &types.ReportExportConfig{ExportConfigType: types.ReportExportConfigTypeNoExport},
				Tags:         []types.Tag{{Key: aws.String("name"), Value: aws.String(name)}}}
			if name == "tests0" {
				g.ExportConfig = &types.ReportExportConfig{ExportConfigType: types.ReportExportConfigTypeS3, S3Destination: &types.S3ReportExportConfig{
					Bucket: aws.String("test-results"), EncryptionKey: aws.String("arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1")}}
			}
			out.ReportGroups = append(out.ReportGroups, g)
		}
		return out, nil
	},
	"ListSourceCredentials": func(any) (any, error) {
		return &codebuild.ListSourceCredentialsOutput{SourceCredentialsInfos: []types.SourceCredentialsInfo{
			{Arn: aws.String("arn:aws:codebuild:" + region + ":" + collecttest.MotoAccount + ":token/github"), ServerType: types.ServerTypeGithub,
				AuthType: types.AuthTypePersonalAccessToken},
			{Arn: aws.String("arn:aws:codebuild:" + region + ":" + collecttest.MotoAccount + ":token/bitbucket"), ServerType: types.ServerTypeBitbucket,
				AuthType: types.AuthTypeCodeconnections, Resource: aws.String("arn:aws:codeconnections:" + region + ":" + collecttest.MotoAccount + ":connection/c-1")},
		}}, nil
	},
}

func TestCodebuildReportGroupsAndCredentials(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(reportsCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "report-group", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("report groups: %v, %d", got.Err, len(got.Resources))
	}
	g := got.ByID()["tests0"]
	if g.ARN != reportGroupARN("tests0") || g.Tags["name"] != "tests0" || g.CreatedAt != "2026-03-03T00:00:00Z" || g.Details["report_type"] != "TEST" ||
		g.Details["export_type"] != "S3" || g.Details["export_bucket"] != "test-results" || g.Details["export_encrypted"] != true {
		t.Errorf("tests0: %+v", g)
	}
	if d := got.ByID()["tests3"].Details; d["export_type"] != "NO_EXPORT" || d["export_encrypted"] != false {
		t.Errorf("tests3: %v", d)
	}
	collecttest.HasEdges(t, got, "tests0 -exports-to-> s3/bucket:test-results", "tests0 -encrypted-with-> kms/key:k-1")

	got = collecttest.Run(t, cfg, collector.Service, "source-credential", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("credentials: %v, %d", got.Err, len(got.Resources))
	}
	c := got.ByID()["bitbucket"]
	if c.Name != "BITBUCKET" || c.Details["auth_type"] != "CODECONNECTIONS" || c.Details["resource"] == "" {
		t.Errorf("credential: %+v", c)
	}
}

func TestCodebuildReportGroupsDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, ops := range map[string][]string{"report-group": {"ListReportGroups", "BatchGetReportGroups"}, "source-credential": {"ListSourceCredentials"}} {
		for _, op := range ops {
			answers := map[string]func(any) (any, error){}
			for k, v := range reportsCanned {
				answers[k] = v
			}
			answers[op] = collecttest.Denied(op)
			cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)})
			collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
		}
	}
}
