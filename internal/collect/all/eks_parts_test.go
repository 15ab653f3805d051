package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/eks"
)

func TestEksFargateProfiles(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := eks.NewFromConfig(cfg)
	eksCreateClusters(t, api, 2)
	for i := range 6 {
		if _, err := api.CreateFargateProfile(ctx, &eks.CreateFargateProfileInput{ClusterName: aws.String("k0"), FargateProfileName: aws.String(fmt.Sprint("fp", i)),
			PodExecutionRoleArn: aws.String(roleARN + "pods"), Subnets: []string{"subnet-a"},
			Selectors: []types.FargateProfileSelector{{Namespace: aws.String("batch")}}, Tags: map[string]string{"team": "data"}}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "fargate-profile", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	f := got.ByID()["k0/fp3"]
	if len(got.Resources) != 6 || f == nil {
		t.Fatalf("want 6 profiles, got %d", len(got.Resources))
	}
	if f.Details["cluster"] != "k0" || f.Details["pod_execution_role_arn"] != roleARN+"pods" || fmt.Sprint(f.Details["namespaces"]) != "[batch]" ||
		f.Tags["team"] != "data" || f.Name != "fp3" || f.ARN == "" || f.CreatedAt == "" {
		t.Errorf("profile: %+v", f)
	}
	collecttest.HasEdges(t, got, "k0/fp3 -member-of-> eks/cluster:k0", "k0/fp3 -assumes-role-> iam/role:pods", "k0/fp3 -in-subnet-> ec2/subnet:subnet-a")
}

// partsOfK0 cans the add-on, access entry and Pod Identity APIs moto 5.2.1
// lacks: cluster k0 has them, k1 has none; pages of at most PageCap.
func partsOfK0(t *testing.T, failDescribe string) awsx.Responder {
	created := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	names := func(cluster *string, n int, name func(int) string) []string {
		out := []string{}
		if aws.ToString(cluster) == "k0" {
			for i := range n {
				out = append(out, name(i))
			}
		}
		return out
	}
	pageOf := func(items []string, token *string) ([]string, *string) {
		start := 0
		if token != nil {
			fmt.Sscan(*token, &start)
		}
		end := min(start+int(collecttest.PageCap), len(items))
		if end < len(items) {
			return items[start:end], aws.String(fmt.Sprint(end))
		}
		return items[start:end], nil
	}
	answers := map[string]func(any) (any, error){
		"ListAddons": func(in any) (any, error) {
			i := in.(*eks.ListAddonsInput)
			page, next := pageOf(names(i.ClusterName, 6, func(n int) string { return fmt.Sprint("addon", n) }), i.NextToken)
			return &eks.ListAddonsOutput{Addons: page, NextToken: next}, nil
		},
		"DescribeAddon": func(in any) (any, error) {
			i := in.(*eks.DescribeAddonInput)
			return &eks.DescribeAddonOutput{Addon: &types.Addon{AddonName: i.AddonName, ClusterName: i.ClusterName, AddonVersion: aws.String("v1.19.0-eksbuild.1"),
				Status: types.AddonStatusDegraded, ServiceAccountRoleArn: aws.String(roleARN + "vpc-cni"), CreatedAt: &created,
				AddonArn: aws.String("arn:aws:eks:eu-west-1:" + collecttest.MotoAccount + ":addon/k0/" + aws.ToString(i.AddonName) + "/x"),
				Health:   &types.AddonHealth{Issues: []types.AddonIssue{{Code: types.AddonIssueCodeInsufficientNumberOfReplicas}}}, Tags: map[string]string{"team": "platform"}}}, nil
		},
		"ListAccessEntries": func(in any) (any, error) {
			i := in.(*eks.ListAccessEntriesInput)
			page, next := pageOf(names(i.ClusterName, 3, func(n int) string { return fmt.Sprint(roleARN, "admin", n) }), i.NextToken)
			return &eks.ListAccessEntriesOutput{AccessEntries: page, NextToken: next}, nil
		},
		"DescribeAccessEntry": func(in any) (any, error) {
			i := in.(*eks.DescribeAccessEntryInput)
			return &eks.DescribeAccessEntryOutput{AccessEntry: &types.AccessEntry{PrincipalArn: i.PrincipalArn, ClusterName: i.ClusterName, Type: aws.String("STANDARD"),
				KubernetesGroups: []string{"system:masters"}, Username: aws.String("admin"), CreatedAt: &created}}, nil
		},
		"ListPodIdentityAssociations": func(in any) (any, error) {
			i := in.(*eks.ListPodIdentityAssociationsInput)
			page, next := pageOf(names(i.ClusterName, 3, func(n int) string { return fmt.Sprint("a-", n) }), i.NextToken)
			out := &eks.ListPodIdentityAssociationsOutput{NextToken: next}
			for _, id := range page {
				out.Associations = append(out.Associations, types.PodIdentityAssociationSummary{AssociationId: aws.String(id), ClusterName: i.ClusterName})
			}
			return out, nil
		},
		"DescribePodIdentityAssociation": func(in any) (any, error) {
			i := in.(*eks.DescribePodIdentityAssociationInput)
			return &eks.DescribePodIdentityAssociationOutput{Association: &types.PodIdentityAssociation{AssociationId: i.AssociationId, ClusterName: i.ClusterName,
				Namespace: aws.String("shop"), ServiceAccount: aws.String("orders"), RoleArn: aws.String(roleARN + "orders"), CreatedAt: &created}}, nil
		},
	}
	if failDescribe != "" {
		answers[failDescribe] = collecttest.Denied(failDescribe)
	}
	return collecttest.Canned(answers)
}

func TestEksCannedParts(t *testing.T) {
	collecttest.Setup(t)
	eksCreateClusters(t, eks.NewFromConfig(collecttest.Config(t, region, nil)), 2)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: partsOfK0(t, "")})
	run := func(typ string, n int) collecttest.Result {
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil {
			t.Fatal(got.Err)
		}
		collecttest.AssertNoWarnings(t, got)
		if len(got.Resources) != n {
			t.Fatalf("%s: want %d over pages, got %d", typ, n, len(got.Resources))
		}
		return got
	}

	got := run("addon", 6)
	a := got.ByID()["k0/addon4"]
	if a.Details["addon_version"] != "v1.19.0-eksbuild.1" || a.Details["status"] != "DEGRADED" || a.Details["health_issues"] != int64(1) ||
		a.Details["cluster"] != "k0" || a.Tags["team"] != "platform" || a.CreatedAt != "2026-03-01T00:00:00Z" || a.ARN == "" {
		t.Errorf("addon: %+v", a)
	}
	collecttest.HasEdges(t, got, "k0/addon4 -member-of-> eks/cluster:k0", "k0/addon4 -assumes-role-> iam/role:vpc-cni")

	got = run("access-entry", 3)
	id := "k0/" + roleARN + "admin1"
	e := got.ByID()[id]
	if e.Details["principal_arn"] != roleARN+"admin1" || fmt.Sprint(e.Details["kubernetes_groups"]) != "[system:masters]" ||
		e.Details["entry_type"] != "STANDARD" || e.Name != "admin1" {
		t.Errorf("access entry: %+v", e)
	}
	collecttest.HasEdges(t, got, id+" -grants-access-to-> iam/role:admin1", id+" -member-of-> eks/cluster:k0")

	got = run("pod-identity-association", 3)
	p := got.ByID()["k0/a-2"]
	if p.Details["namespace"] != "shop" || p.Details["service_account"] != "orders" || p.Name != "shop/orders" {
		t.Errorf("pod identity: %+v", p)
	}
	collecttest.HasEdges(t, got, "k0/a-2 -assumes-role-> iam/role:orders")
}

func TestEksPartsDenied(t *testing.T) {
	collecttest.Setup(t)
	eksCreateClusters(t, eks.NewFromConfig(collecttest.Config(t, region, nil)), 1)
	for typ, ops := range map[string][2]string{"addon": {"ListAddons", "DescribeAddon"}, "access-entry": {"ListAccessEntries", "DescribeAccessEntry"},
		"pod-identity-association": {"ListPodIdentityAssociations", "DescribePodIdentityAssociation"}, "fargate-profile": {"ListFargateProfiles", ""}} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(ops[0]), partsOfK0(t, ""))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
		if ops[1] == "" {
			continue
		}
		// A denied detail call keeps the listed part, without details.
		got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: partsOfK0(t, ops[1])}), collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) == 0 || len(got.Task.Warnings()) == 0 || got.Resources[0].Details["cluster"] != "k0" {
			t.Errorf("%s: want the parts kept with warnings: %v %d %v", typ, got.Err, len(got.Resources), got.Task.Warnings())
		}
	}
}
