package all_test

import (
	"context"
	"fmt"
	"path"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datasync"
	"github.com/aws/aws-sdk-go-v2/service/datasync/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/datasync"
)

// tagsAnswer cans ListTagsForResource, which moto lacks.
var datasyncTagsAnswer = map[string]func(any) (any, error){
	"ListTagsForResource": func(any) (any, error) {
		return &datasync.ListTagsForResourceOutput{Tags: []types.TagListEntry{{Key: aws.String("team"), Value: aws.String("data")}}}, nil
	},
}

// seed makes an SMB and six S3 locations, and a task from the SMB share
// to each bucket.
func datasyncSeed(t *testing.T, api *datasync.Client) (smb string, s3 []string) {
	t.Helper()
	ctx := context.Background()
	share, err := api.CreateLocationSmb(ctx, &datasync.CreateLocationSmbInput{ServerHostname: aws.String("files.corp"), Subdirectory: aws.String("/share"),
		User: aws.String("svc"), Password: aws.String("not-stored"), AgentArns: []string{"arn:aws:datasync:" + region + ":" + collecttest.MotoAccount + ":agent/agent-1"}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		loc, err := api.CreateLocationS3(ctx, &datasync.CreateLocationS3Input{S3BucketArn: aws.String(fmt.Sprintf("arn:aws:s3:::archive-%d", i)),
			S3Config: &types.S3Config{BucketAccessRoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/datasync")}})
		if err != nil {
			t.Fatal(err)
		}
		s3 = append(s3, aws.ToString(loc.LocationArn))
		if _, err := api.CreateTask(ctx, &datasync.CreateTaskInput{SourceLocationArn: share.LocationArn, DestinationLocationArn: loc.LocationArn,
			Name: aws.String(fmt.Sprint("archive-", i)), CloudWatchLogGroupArn: aws.String("arn:aws:logs:" + region + ":" + collecttest.MotoAccount + ":log-group:/datasync:*")}); err != nil {
			t.Fatal(err)
		}
	}
	return aws.ToString(share.LocationArn), s3
}

func TestDatasyncTasksAndLocations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(datasyncTagsAnswer)})
	smb, s3 := datasyncSeed(t, datasync.NewFromConfig(cfg))
	smbID, s3ID := path.Base(smb), path.Base(s3[2])

	got := collecttest.Run(t, cfg, collector.Service, "location", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("want 7 locations over several pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	wantDetails(t, byID[smbID], map[string]any{"location_type": "smb"})
	wantDetails(t, byID[s3ID], map[string]any{"location_type": "s3"})
	if l := byID[s3ID]; l.ARN != s3[2] || l.Tags["team"] != "data" {
		t.Errorf("s3 location: %s %v", l.ARN, l.Tags)
	}
	collecttest.HasEdges(t, got, s3ID+" -stored-in-> s3/bucket:archive-2")

	got = collecttest.Run(t, cfg, collector.Service, "task", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 tasks, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, tk := range got.Resources {
		if tk.Name == "archive-2" {
			wantDetails(t, tk, map[string]any{"source_location": smbID, "destination_location": s3ID, "status": "AVAILABLE"})
			collecttest.HasEdges(t, got, tk.ID+" -reads-from-> datasync/location:"+smbID, tk.ID+" -writes-to-> datasync/location:"+s3ID,
				tk.ID+" -logs-to-> logs/log-group:/datasync")
		}
	}
}

// TestAgents: moto has no agents; the SDK's answer is canned.
func TestDatasyncAgents(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListAgents": func(any) (any, error) {
			return &datasync.ListAgentsOutput{Agents: []types.AgentListEntry{{AgentArn: aws.String("arn:aws:datasync:" + region + ":" + collecttest.MotoAccount + ":agent/agent-0abc"),
				Name: aws.String("dc1"), Status: types.AgentStatusOffline, Platform: &types.Platform{Version: aws.String("2")}}}}, nil
		},
		"ListTagsForResource": datasyncTagsAnswer["ListTagsForResource"],
	})})
	got := collecttest.Run(t, cfg, collector.Service, "agent", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("agents: %v %d", got.Err, len(got.Resources))
	}
	a := got.ByID()["agent-0abc"]
	wantDetails(t, a, map[string]any{"status": "OFFLINE", "version": "2"})
	if a.Name != "dc1" || a.Tags["team"] != "data" {
		t.Errorf("agent: %s %v", a.Name, a.Tags)
	}
}

func TestDatasyncDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"task": "ListTasks", "location": "ListLocations", "agent": "ListAgents"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	datasyncSeed(t, datasync.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeTask", "ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "task", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 12 {
		t.Fatalf("want 6 tasks and two warnings each, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, ok := got.Resources[0].Details["source_location"]; ok {
		t.Errorf("source_location without DescribeTask: %v", got.Resources[0].Details)
	}
}
