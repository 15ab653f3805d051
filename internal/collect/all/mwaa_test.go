package all_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mwaa"
	"github.com/aws/aws-sdk-go-v2/service/mwaa/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mwaa"
)

var mwaaPaged = collecttest.Paged{Cap: 2}

// answers can MWAA, which moto lacks: five environments over three pages;
// air0 has a public web server, logs two components and uses a customer key.
func mwaaAnswers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListEnvironments": func(in any) (any, error) {
			i := in.(*mwaa.ListEnvironmentsInput)
			start, _ := strconv.Atoi(aws.ToString(i.NextToken))
			out := &mwaa.ListEnvironmentsOutput{}
			for n := start; n < min(start+int(aws.ToInt32(i.MaxResults)), 5); n++ {
				out.Environments = append(out.Environments, "air"+strconv.Itoa(n))
			}
			if next := start + int(aws.ToInt32(i.MaxResults)); next < 5 {
				out.NextToken = aws.String(strconv.Itoa(next))
			}
			return out, nil
		},
		"GetEnvironment": func(in any) (any, error) {
			name := aws.ToString(in.(*mwaa.GetEnvironmentInput).Name)
			e := &types.Environment{Name: aws.String(name), Status: types.EnvironmentStatusAvailable, AirflowVersion: aws.String("2.10.3"),
				WebserverAccessMode: types.WebserverAccessModePrivateOnly, EnvironmentClass: aws.String("mw1.small"), MinWorkers: aws.Int32(1), MaxWorkers: aws.Int32(5),
				ExecutionRoleArn: aws.String("arn:aws:iam::" + account + ":role/airflow"), SourceBucketArn: aws.String("arn:aws:s3:::dags-" + name),
				CreatedAt: aws.Time(time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)), Tags: map[string]string{"env": name},
				NetworkConfiguration: &types.NetworkConfiguration{SubnetIds: []string{"subnet-1", "subnet-2"}, SecurityGroupIds: []string{"sg-1"}}}
			if name == "air0" {
				e.WebserverAccessMode, e.KmsKey = types.WebserverAccessModePublicOnly, aws.String("arn:aws:kms:eu-west-1:"+account+":key/k-1")
				e.LoggingConfiguration = &types.LoggingConfiguration{
					TaskLogs:      &types.ModuleLoggingConfiguration{Enabled: aws.Bool(true), CloudWatchLogGroupArn: aws.String("arn:aws:logs:eu-west-1:" + account + ":log-group:airflow-air0-Task")},
					SchedulerLogs: &types.ModuleLoggingConfiguration{Enabled: aws.Bool(true), CloudWatchLogGroupArn: aws.String("arn:aws:logs:eu-west-1:" + account + ":log-group:airflow-air0-Scheduler")},
					WorkerLogs:    &types.ModuleLoggingConfiguration{Enabled: aws.Bool(false)}}
			}
			return &mwaa.GetEnvironmentOutput{Environment: e}, nil
		},
	}
}

func TestMwaaEnvironments(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(mwaaAnswers())})
	got := mwaaPaged.Run(t, cfg, collector.Service, "environment", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("environments: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	e := got.ByID()["air0"]
	if e.ARN != "arn:aws:airflow:eu-west-1:"+account+":environment/air0" || e.Tags["env"] != "air0" || e.CreatedAt != "2026-01-10T00:00:00Z" {
		t.Errorf("air0: %s %v %q", e.ARN, e.Tags, e.CreatedAt)
	}
	for k, v := range map[string]any{"webserver_access_mode": "PUBLIC_ONLY", "airflow_version": "2.10.3", "environment_class": "mw1.small", "max_workers": int64(5),
		"kms_key": "arn:aws:kms:eu-west-1:" + account + ":key/k-1", "status": "AVAILABLE"} {
		if e.Details[k] != v {
			t.Errorf("air0 details[%s] = %v, want %v", k, e.Details[k], v)
		}
	}
	if l, _ := e.Details["logging_enabled"].([]string); len(l) != 2 || l[0] != "scheduler" || l[1] != "task" {
		t.Errorf("logging_enabled %v", e.Details["logging_enabled"])
	}
	if d := got.ByID()["air3"].Details; d["webserver_access_mode"] != "PRIVATE_ONLY" || len(d["logging_enabled"].([]string)) != 0 {
		t.Errorf("air3: %v", d)
	}
	collecttest.HasEdges(t, got, "air0 -in-subnet-> ec2/subnet:subnet-2", "air0 -uses-security-group-> ec2/security-group:sg-1", "air0 -assumes-role-> iam/role:airflow",
		"air0 -encrypted-with-> kms/key:k-1", "air0 -reads-from-> s3/bucket:dags-air0", "air0 -logs-to-> logs/log-group:airflow-air0-Task")
}

func TestMwaaDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListEnvironments": collecttest.Denied("ListEnvironments")})})
	collecttest.AssertDenied(t, mwaaPaged.Run(t, cfg, collector.Service, "environment", region))
	denied := mwaaAnswers()
	denied["GetEnvironment"] = collecttest.Denied("GetEnvironment")
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	got := mwaaPaged.Run(t, cfg, collector.Service, "environment", region)
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 5 || len(got.ByID()["air0"].Details) != 0 {
		t.Fatalf("want environments without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
