package all_test

import (
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fis"
	"github.com/aws/aws-sdk-go-v2/service/fis/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/fis"
)

var fisPaged = collecttest.Paged{Cap: 2}

// moto does not serve experiment templates: canned, three over two pages;
// EXT1 stops on an alarm and logs to CloudWatch Logs and S3.
func fisCanned(replace map[string]func(any) (any, error)) awsx.Options {
	summary := func(id, name string) types.ExperimentTemplateSummary {
		return types.ExperimentTemplateSummary{Id: aws.String(id), Arn: aws.String("arn:aws:fis:eu-west-1:" + account + ":experiment-template/" + id),
			Description: aws.String("kill " + name), Tags: map[string]string{"Name": name}, CreationTime: aws.Time(time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC))}
	}
	answers := map[string]func(any) (any, error){
		"ListExperimentTemplates": func(in any) (any, error) {
			if aws.ToString(in.(*fis.ListExperimentTemplatesInput).NextToken) == "" {
				return &fis.ListExperimentTemplatesOutput{NextToken: aws.String("2"), ExperimentTemplates: []types.ExperimentTemplateSummary{summary("EXT1", "az-outage"), summary("EXT2", "cpu")}}, nil
			}
			return &fis.ListExperimentTemplatesOutput{ExperimentTemplates: []types.ExperimentTemplateSummary{summary("EXT3", "")}}, nil
		},
		"GetExperimentTemplate": func(in any) (any, error) {
			x := &types.ExperimentTemplate{Id: in.(*fis.GetExperimentTemplateInput).Id, RoleArn: aws.String("arn:aws:iam::" + account + ":role/fis"),
				Actions:        map[string]types.ExperimentTemplateAction{"stop": {ActionId: aws.String("aws:ec2:stop-instances")}},
				Targets:        map[string]types.ExperimentTemplateTarget{"web": {ResourceType: aws.String("aws:ec2:instance")}},
				StopConditions: []types.ExperimentTemplateStopCondition{{Source: aws.String("none")}}}
			if aws.ToString(x.Id) == "EXT1" {
				x.StopConditions = []types.ExperimentTemplateStopCondition{{Source: aws.String("aws:cloudwatch:alarm"), Value: aws.String("arn:aws:cloudwatch:eu-west-1:" + account + ":alarm:5xx")}}
				x.LogConfiguration = &types.ExperimentTemplateLogConfiguration{
					CloudWatchLogsConfiguration: &types.ExperimentTemplateCloudWatchLogsLogConfiguration{LogGroupArn: aws.String("arn:aws:logs:eu-west-1:" + account + ":log-group:fis:*")},
					S3Configuration:             &types.ExperimentTemplateS3LogConfiguration{BucketName: aws.String("fis-logs")}}
			}
			return &fis.GetExperimentTemplateOutput{ExperimentTemplate: x}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestFisTemplates(t *testing.T) {
	collecttest.Setup(t)
	got := fisPaged.Run(t, collecttest.ConfigWith(t, region, fisCanned(nil)), collector.Service, "experiment-template", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("templates: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	x, y := got.ByID()["EXT1"], got.ByID()["EXT3"]
	if x.Name != "az-outage" || x.Tags["Name"] != "az-outage" || x.CreatedAt != "2026-08-01T00:00:00Z" || x.Details["stop_alarms"] != int64(1) ||
		x.Details["log_group"] != "fis" || x.Details["log_bucket"] != "fis-logs" || x.Details["action_count"] != int64(1) {
		t.Errorf("EXT1 %+v", x)
	}
	if y.Name != "kill " || y.Details["stop_alarms"] != int64(0) || y.Details["log_group"] != "" {
		t.Errorf("EXT3 %+v", y)
	}
	collecttest.HasEdges(t, got, "EXT1 -assumes-role-> iam/role:fis", "EXT1 -logs-to-> logs/log-group:fis", "EXT1 -logs-to-> s3/bucket:fis-logs")
}

func TestFisDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, fisCanned(map[string]func(any) (any, error){"ListExperimentTemplates": collecttest.Denied("ListExperimentTemplates")}))
	collecttest.AssertDenied(t, fisPaged.Run(t, cfg, collector.Service, "experiment-template", region))
	cfg = collecttest.ConfigWith(t, region, fisCanned(map[string]func(any) (any, error){"GetExperimentTemplate": collecttest.Denied("GetExperimentTemplate")}))
	got := fisPaged.Run(t, cfg, collector.Service, "experiment-template", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want templates without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
