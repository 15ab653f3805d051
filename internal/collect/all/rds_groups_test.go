package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	taggingtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/rds"
)

func rdsTag(k, v string) []types.Tag { return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}} }

// TestConfigurationGroups: parameter and cluster parameter groups,
// six of each over several pages, with tags read in bulk (moto's
// GetResources knows none of them: the per-group call is the fallback).
func TestRdsConfigurationGroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := rds.NewFromConfig(cfg)
	for i := range 6 {
		name := fmt.Sprintf("app-%d", i)
		if _, err := api.CreateDBParameterGroup(ctx, &rds.CreateDBParameterGroupInput{DBParameterGroupName: aws.String(name),
			DBParameterGroupFamily: aws.String("postgres16"), Description: aws.String("app params"), Tags: rdsTag("team", name)}); err != nil {
			t.Fatal(err)
		}
		if _, err := api.CreateDBClusterParameterGroup(ctx, &rds.CreateDBClusterParameterGroupInput{DBClusterParameterGroupName: aws.String(name),
			DBParameterGroupFamily: aws.String("aurora-mysql8.0"), Description: aws.String("cluster params"), Tags: rdsTag("team", name)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		typ, arn string
		want     map[string]any
	}{
		{"db-parameter-group", "pg:app-2", map[string]any{"family": "postgres16", "description": "app params"}},
		{"db-cluster-parameter-group", "cluster-pg:app-2", map[string]any{"family": "aurora-mysql8.0", "description": "cluster params"}},
	} {
		got := collecttest.Run(t, cfg, collector.Service, c.typ, region)
		if got.Err != nil {
			t.Fatalf("%s: %v", c.typ, got.Err)
		}
		byID := got.ByID()
		if len(byID) < 6 {
			t.Errorf("%s: want the 6 groups over several pages, got %d", c.typ, len(byID))
		}
		g := byID["app-2"]
		wantDetails(t, g, c.want)
		if g.ARN != "arn:aws:rds:"+region+":"+collecttest.MotoAccount+":"+c.arn || g.Tags["team"] != "app-2" || g.IsDefault {
			t.Errorf("%s app-2: arn %s tags %v default %v", c.typ, g.ARN, g.Tags, g.IsDefault)
		}
		for id, r := range byID {
			if r.IsDefault != (strings.HasPrefix(id, "default.") || strings.HasPrefix(id, "default:")) {
				t.Errorf("%s %s: is_default %v", c.typ, id, r.IsDefault)
			}
		}
	}
}

// TestOptionGroups: moto answers a DescribeOptionGroups without a group
// name with HTTP 500; the SDK's answer is canned, over two pages.
func TestRdsOptionGroups(t *testing.T) {
	collecttest.Setup(t)
	group := func(name string) types.OptionGroup {
		return types.OptionGroup{OptionGroupName: aws.String(name), OptionGroupArn: aws.String("arn:aws:rds:" + region + ":" + collecttest.MotoAccount + ":og:" + name),
			EngineName: aws.String("sqlserver-se"), MajorEngineVersion: aws.String("15.00"), OptionGroupDescription: aws.String("backups"),
			Options: []types.Option{{OptionName: aws.String("SQLSERVER_BACKUP_RESTORE")}, {OptionName: aws.String("TDE")}}}
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeOptionGroups": func(in any) (any, error) {
			if in.(*rds.DescribeOptionGroupsInput).Marker == nil {
				return &rds.DescribeOptionGroupsOutput{OptionGroupsList: []types.OptionGroup{group("default:sqlserver-se-15-00"), group("mssql")}, Marker: aws.String("p2")}, nil
			}
			return &rds.DescribeOptionGroupsOutput{OptionGroupsList: []types.OptionGroup{group("mssql-dev")}}, nil
		},
		"GetResources": func(any) (any, error) {
			return &tagging.GetResourcesOutput{ResourceTagMappingList: []taggingtypes.ResourceTagMapping{{ResourceARN: group("mssql").OptionGroupArn,
				Tags: []taggingtypes.Tag{{Key: aws.String("team"), Value: aws.String("dba")}}}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "option-group", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want the groups of both pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	g := byID["mssql"]
	wantDetails(t, g, map[string]any{"engine": "sqlserver-se", "major_engine_version": "15.00", "description": "backups", "options": "[SQLSERVER_BACKUP_RESTORE TDE]"})
	if g.Tags["team"] != "dba" || g.IsDefault || !byID["default:sqlserver-se-15-00"].IsDefault || g.ARN != aws.ToString(group("mssql").OptionGroupArn) {
		t.Errorf("mssql: %v %v %s", g.Tags, g.IsDefault, g.ARN)
	}
}

func TestRdsGroupsDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"db-parameter-group": "DescribeDBParameterGroups", "db-cluster-parameter-group": "DescribeDBClusterParameterGroups",
		"option-group": "DescribeOptionGroups", "db-proxy": "DescribeDBProxies", "event-subscription": "DescribeEventSubscriptions",
		"reserved-db-instance": "DescribeReservedDBInstances", "db-cluster-snapshot": "DescribeDBClusterSnapshots",
		"db-instance-automated-backup": "DescribeDBInstanceAutomatedBackups", "db-cluster": "DescribeDBClusters"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	// Tags denied both ways: the groups are still stored, the collection partial.
	cfg := collecttest.Config(t, region, nil)
	if _, err := rds.NewFromConfig(cfg).CreateDBParameterGroup(context.Background(), &rds.CreateDBParameterGroupInput{DBParameterGroupName: aws.String("app"),
		DBParameterGroupFamily: aws.String("postgres16"), Description: aws.String("app"), Tags: rdsTag("team", "a")}); err != nil {
		t.Fatal(err)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetResources", "ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "db-parameter-group", region)
	if got.Err != nil || got.ByID()["app"] == nil || len(got.Task.Warnings()) == 0 {
		t.Fatalf("want the group and a warning, got %v %v %v", got.Err, got.ByID(), got.Task.Warnings())
	}
}
