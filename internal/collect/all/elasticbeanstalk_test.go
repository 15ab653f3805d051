package all_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	eb "github.com/aws/aws-sdk-go-v2/service/elasticbeanstalk"
	"github.com/aws/aws-sdk-go-v2/service/elasticbeanstalk/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/elasticbeanstalk"
)

var elasticbeanstalkPaged = collecttest.Paged{Cap: 2}

func elasticbeanstalkRun(t *testing.T, cfg aws.Config, typ string) collecttest.Result {
	t.Helper()
	got := elasticbeanstalkPaged.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func TestElasticbeanstalkApplicationsAndEnvironments(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := eb.NewFromConfig(cfg)
	for i := range 3 {
		// moto 5.2.1 keeps neither the description nor the tags of an
		// application (environment tags are checked below).
		_, err := api.CreateApplication(ctx, &eb.CreateApplicationInput{ApplicationName: aws.String(fmt.Sprint("shop", i))})
		check(t, err)
	}
	for i := range 3 {
		_, err := api.CreateEnvironment(ctx, &eb.CreateEnvironmentInput{ApplicationName: aws.String("shop0"), EnvironmentName: aws.String(fmt.Sprint("prod", i)),
			SolutionStackName: aws.String("64bit Amazon Linux 2023 v4.0.0 running Python 3.11"), Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}})
		check(t, err)
	}

	got := elasticbeanstalkRun(t, cfg, "application")
	a := got.ByID()["shop1"]
	if len(got.Resources) != 3 || a == nil {
		t.Fatalf("want 3 applications, got %d", len(got.Resources))
	}
	if a.ARN != "arn:aws:elasticbeanstalk:eu-west-1:"+collecttest.MotoAccount+":application/shop1" ||
		a.Details["version_lifecycle"] != false {
		t.Errorf("application: %+v", a)
	}

	got = elasticbeanstalkRun(t, cfg, "environment")
	e := got.ByID()["prod2"]
	if len(got.Resources) != 3 || e == nil {
		t.Fatalf("want 3 environments, got %d", len(got.Resources))
	}
	if e.Name != "prod2" || e.Details["application"] != "shop0" || e.Details["status"] != "Ready" || e.Details["tier"] != "WebServer" ||
		e.Tags["env"] != "prod" || e.ARN == "" {
		t.Errorf("environment: %+v", e)
	}
	collecttest.HasEdges(t, got, "prod2 -member-of-> elasticbeanstalk/application:shop0")
}

// versions cans DescribeApplicationVersions, which moto 5.2.1 lacks: five
// versions of shop, PageCap a page; ListTagsForResource is moto's (no tags).
func versions(t *testing.T) awsx.Responder {
	created := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	var all []types.ApplicationVersionDescription
	for i := range 5 {
		label := fmt.Sprint("v", i)
		all = append(all, types.ApplicationVersionDescription{ApplicationName: aws.String("shop"), VersionLabel: aws.String(label),
			ApplicationVersionArn: aws.String("arn:aws:elasticbeanstalk:eu-west-1:" + collecttest.MotoAccount + ":applicationversion/shop/" + label),
			Status:                types.ApplicationVersionStatusProcessed, DateCreated: &created,
			SourceBundle: &types.S3Location{S3Bucket: aws.String("eb-bundles"), S3Key: aws.String("shop/" + label + ".zip")}})
	}
	return collecttest.Canned(map[string]func(any) (any, error){
		"DescribeApplicationVersions": func(in any) (any, error) {
			i := in.(*eb.DescribeApplicationVersionsInput)
			start, _ := strconv.Atoi(aws.ToString(i.NextToken))
			end := min(start+int(aws.ToInt32(i.MaxRecords)), len(all))
			out := &eb.DescribeApplicationVersionsOutput{ApplicationVersions: all[start:end]}
			if end < len(all) {
				out.NextToken = aws.String(strconv.Itoa(end))
			}
			return out, nil
		},
	})
}

func TestElasticbeanstalkApplicationVersions(t *testing.T) {
	collecttest.Setup(t)
	got := elasticbeanstalkRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: versions(t)}), "application-version")
	v := got.ByID()["shop/v3"]
	if len(got.Resources) != 5 || v == nil {
		t.Fatalf("want 5 versions over pages, got %d", len(got.Resources))
	}
	if v.Details["status"] != "Processed" || v.Details["source_bucket"] != "eb-bundles" || v.Details["source_key"] != "shop/v3.zip" ||
		v.Name != "v3" || v.CreatedAt != "2026-10-01T00:00:00Z" {
		t.Errorf("version: %+v", v)
	}
	collecttest.HasEdges(t, got, "shop/v3 -member-of-> elasticbeanstalk/application:shop")
}

func TestElasticbeanstalkDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"application": "DescribeApplications", "environment": "DescribeEnvironments", "application-version": "DescribeApplicationVersions"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, elasticbeanstalkPaged.Run(t, cfg, collector.Service, typ, region))
	}
	// A denied tag read keeps the application, partial.
	_, err := eb.NewFromConfig(collecttest.Config(t, region, nil)).CreateApplication(context.Background(), &eb.CreateApplicationInput{ApplicationName: aws.String("app")})
	check(t, err)
	got := elasticbeanstalkPaged.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForResource")}), collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Errorf("want the application and a warning: %v %d %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
