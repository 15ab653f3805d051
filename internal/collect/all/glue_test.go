package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/glue"
)

func TestGlueCatalog(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := glue.NewFromConfig(cfg)
	fatalOnError(t)(api.CreateDatabase(ctx, &glue.CreateDatabaseInput{DatabaseInput: &types.DatabaseInput{Name: aws.String("sales"),
		Description: aws.String("sales data"), LocationUri: aws.String("s3://lake/sales")}, Tags: map[string]string{"team": "bi"}}))
	fatalOnError(t)(api.CreateDatabase(ctx, &glue.CreateDatabaseInput{DatabaseInput: &types.DatabaseInput{Name: aws.String("logs")}}))
	// Seven tables in sales: more than a page (the page cap is 5).
	for i := range 7 {
		fatalOnError(t)(api.CreateTable(ctx, &glue.CreateTableInput{DatabaseName: aws.String("sales"), TableInput: &types.TableInput{
			Name: aws.String(fmt.Sprintf("orders%d", i)), TableType: aws.String("EXTERNAL_TABLE"),
			Parameters:        map[string]string{"classification": "parquet"},
			PartitionKeys:     []types.Column{{Name: aws.String("day"), Type: aws.String("string")}},
			StorageDescriptor: &types.StorageDescriptor{Location: aws.String(fmt.Sprintf("s3://lake/sales/orders%d/", i))}}}))
	}
	fatalOnError(t)(api.CreateTable(ctx, &glue.CreateTableInput{DatabaseName: aws.String("logs"), TableInput: &types.TableInput{Name: aws.String("alb")}}))

	dbs := collecttest.Run(t, cfg, collector.Service, "database", region)
	if dbs.Err != nil || len(dbs.Resources) != 2 {
		t.Fatalf("databases: %v, %d", dbs.Err, len(dbs.Resources))
	}
	collecttest.AssertNoWarnings(t, dbs)
	sales := dbs.ByID()["sales"]
	wantDetails(t, sales, map[string]any{"description": "sales data", "location_uri": "s3://lake/sales"})
	if sales.ARN != "arn:aws:glue:eu-west-1:"+account+":database/sales" || sales.Tags["team"] != "bi" {
		t.Errorf("sales: %s %v", sales.ARN, sales.Tags)
	}

	tables := collecttest.Run(t, cfg, collector.Service, "table", region)
	if tables.Err != nil || len(tables.Resources) != 8 {
		t.Fatalf("tables: %v, %d", tables.Err, len(tables.Resources))
	}
	collecttest.AssertNoWarnings(t, tables)
	wantDetails(t, tables.ByID()["sales/orders3"], map[string]any{"database": "sales", "table_type": "EXTERNAL_TABLE",
		"location": "s3://lake/sales/orders3/", "classification": "parquet", "partition_keys": 1})
	if r := tables.ByID()["logs/alb"]; r == nil || r.ARN != "arn:aws:glue:eu-west-1:"+account+":table/logs/alb" {
		t.Errorf("logs/alb: %+v", r)
	}
	collecttest.HasEdges(t, tables, "sales/orders6 -in-database-> glue/database:sales", "logs/alb -in-database-> glue/database:logs")
}

func TestGlueConnections(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := glue.NewFromConfig(cfg)
	net := testvpc.New(t, cfg, "10.8.0.0/16", "glue", testvpc.Subnet{CIDR: "10.8.1.0/24"})
	fatalOnError(t)(api.CreateConnection(ctx, &glue.CreateConnectionInput{ConnectionInput: &types.ConnectionInput{
		Name: aws.String("warehouse"), ConnectionType: types.ConnectionTypeJdbc,
		ConnectionProperties: map[string]string{"JDBC_CONNECTION_URL": "jdbc:postgresql://db:5432/dw", "USERNAME": "etl", "PASSWORD": "hunter2"},
		PhysicalConnectionRequirements: &types.PhysicalConnectionRequirements{SubnetId: aws.String(net.Subnets[0]),
			SecurityGroupIdList: []string{net.SG}}}, Tags: map[string]string{"env": "prod"}}))
	fatalOnError(t)(api.CreateConnection(ctx, &glue.CreateConnectionInput{ConnectionInput: &types.ConnectionInput{
		Name: aws.String("vaulted"), ConnectionType: types.ConnectionTypeJdbc,
		ConnectionProperties: map[string]string{"JDBC_CONNECTION_URL": "jdbc:mysql://db:3306/x", "SECRET_ID": "dw-creds", "JDBC_ENFORCE_SSL": "true"}}}))

	got := collecttest.Run(t, cfg, collector.Service, "connection", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("connections: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	wh := got.ByID()["warehouse"]
	// moto 5.2.1 leaves ConnectionType out of GetConnections' answer.
	wantDetails(t, wh, map[string]any{"plaintext_password": true, "uses_secret": false,
		"jdbc_enforce_ssl": false, "subnet_id": net.Subnets[0]})
	wantDetails(t, got.ByID()["vaulted"], map[string]any{"plaintext_password": false, "uses_secret": true, "jdbc_enforce_ssl": true})
	if wh.Tags["env"] != "prod" {
		t.Errorf("tags %v", wh.Tags)
	}
	// The password itself is stored nowhere.
	for _, r := range got.Resources {
		if s := fmt.Sprint(r.Details, r.Tags, r.Name); strings.Contains(s, "hunter2") {
			t.Errorf("%s stores the password: %s", r.ID, s)
		}
	}
	collecttest.HasEdges(t, got, "warehouse -in-subnet-> ec2/subnet:"+net.Subnets[0], "warehouse -uses-security-group-> ec2/security-group:"+net.SG)
}

func TestGlueETL(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := glue.NewFromConfig(cfg)
	role := "arn:aws:iam::" + account + ":role/glue-etl"
	for i := range 6 {
		fatalOnError(t)(api.CreateJob(ctx, &glue.CreateJobInput{Name: aws.String(fmt.Sprintf("load%d", i)), Role: aws.String(role),
			Command:     &types.JobCommand{Name: aws.String("glueetl"), ScriptLocation: aws.String("s3://code/load.py")},
			GlueVersion: aws.String("4.0"), WorkerType: types.WorkerTypeG1x, NumberOfWorkers: aws.Int32(10), Timeout: aws.Int32(60),
			Connections: &types.ConnectionsList{Connections: []string{"warehouse"}}, Tags: map[string]string{"n": fmt.Sprint(i)}}))
	}
	fatalOnError(t)(api.CreateCrawler(ctx, &glue.CreateCrawlerInput{Name: aws.String("nightly"), Role: aws.String("glue-crawl"),
		DatabaseName: aws.String("sales"), Schedule: aws.String("cron(0 2 * * ? *)"),
		Targets: &types.CrawlerTargets{S3Targets: []types.S3Target{{Path: aws.String("s3://lake/sales/")}}}}))
	fatalOnError(t)(api.CreateWorkflow(ctx, &glue.CreateWorkflowInput{Name: aws.String("daily"), MaxConcurrentRuns: aws.Int32(1),
		Tags: map[string]string{"owner": "bi"}}))
	fatalOnError(t)(api.CreateTrigger(ctx, &glue.CreateTriggerInput{Name: aws.String("start"), Type: types.TriggerTypeScheduled,
		Schedule: aws.String("cron(0 3 * * ? *)"), WorkflowName: aws.String("daily"),
		Actions: []types.Action{{JobName: aws.String("load1")}, {CrawlerName: aws.String("nightly")}}}))

	jobs := collecttest.Run(t, cfg, collector.Service, "job", region)
	if jobs.Err != nil || len(jobs.Resources) != 6 {
		t.Fatalf("jobs: %v, %d", jobs.Err, len(jobs.Resources))
	}
	collecttest.AssertNoWarnings(t, jobs)
	load := jobs.ByID()["load4"]
	wantDetails(t, load, map[string]any{"role": role, "command": "glueetl", "glue_version": "4.0", "worker_type": "G.1X",
		"number_of_workers": 10, "timeout_minutes": 60})
	if load.Tags["n"] != "4" || load.ARN != "arn:aws:glue:eu-west-1:"+account+":job/load4" {
		t.Errorf("load4: %s %v", load.ARN, load.Tags)
	}
	collecttest.HasEdges(t, jobs, "load4 -assumes-role-> iam/role:glue-etl", "load4 -uses-connection-> glue/connection:warehouse")

	crawlers := collecttest.Run(t, cfg, collector.Service, "crawler", region)
	if crawlers.Err != nil || len(crawlers.Resources) != 1 {
		t.Fatalf("crawlers: %v, %d", crawlers.Err, len(crawlers.Resources))
	}
	wantDetails(t, crawlers.ByID()["nightly"], map[string]any{"database": "sales", "state": "READY",
		"schedule": "cron(0 2 * * ? *)", "s3_targets": []string{"s3://lake/sales/"}})
	collecttest.HasEdges(t, crawlers, "nightly -assumes-role-> iam/role:glue-crawl", "nightly -writes-to-> glue/database:sales")

	triggers := collecttest.Run(t, cfg, collector.Service, "trigger", region)
	if triggers.Err != nil || len(triggers.Resources) != 1 {
		t.Fatalf("triggers: %v, %d", triggers.Err, len(triggers.Resources))
	}
	wantDetails(t, triggers.ByID()["start"], map[string]any{"trigger_type": "SCHEDULED", "workflow": "daily",
		"actions": []map[string]string{{"job": "load1"}, {"crawler": "nightly"}}})
	collecttest.HasEdges(t, triggers, "start -starts-> glue/job:load1", "start -starts-> glue/crawler:nightly", "start -member-of-> glue/workflow:daily")

	flows := collecttest.Run(t, cfg, collector.Service, "workflow", region)
	if flows.Err != nil || len(flows.Resources) != 1 {
		t.Fatalf("workflows: %v, %d", flows.Err, len(flows.Resources))
	}
	daily := flows.ByID()["daily"]
	wantDetails(t, daily, map[string]any{"max_concurrent_runs": 1})
	// moto 5.2.1 keeps a workflow's tags out of GetTags: they are not asserted.
	if daily.ARN != "arn:aws:glue:eu-west-1:"+account+":workflow/daily" || daily.CreatedAt == "" {
		t.Errorf("daily: %+v", daily)
	}
}

// TestDenied: a denied listing fails the collection; a denied tag read
// keeps the resource but marks the collection partial.
func TestGlueDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"database": "GetDatabases", "table": "GetDatabases", "connection": "GetConnections",
		"job": "GetJobs", "crawler": "GetCrawlers", "trigger": "GetTriggers", "workflow": "ListWorkflows"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.Config(t, region, nil)
	fatalOnError(t)(glue.NewFromConfig(cfg).CreateJob(context.Background(), &glue.CreateJobInput{Name: aws.String("j"), Role: aws.String("r"),
		Command: &types.JobCommand{Name: aws.String("pythonshell")}}))
	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetTags")})
	got := collecttest.Run(t, denied, collector.Service, "job", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("want the job and a GetTags warning, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
