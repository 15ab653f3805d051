package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emrcontainers"
	"github.com/aws/aws-sdk-go-v2/service/emrcontainers/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/emrcontainers"
)

var emrcontainersPaged = collecttest.Paged{Cap: 2}

func TestEmrcontainersVirtualClusters(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := emrcontainers.NewFromConfig(cfg)
	ids := map[string]string{}
	for i := range 5 {
		name := fmt.Sprintf("team%d", i)
		out, err := api.CreateVirtualCluster(context.Background(), &emrcontainers.CreateVirtualClusterInput{Name: aws.String(name),
			ContainerProvider: &types.ContainerProvider{Id: aws.String("data-eks"), Type: types.ContainerProviderTypeEks,
				Info: &types.ContainerInfoMemberEksInfo{Value: types.EksInfo{Namespace: aws.String(name)}}},
			Tags: map[string]string{"n": fmt.Sprint(i)}})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.Id)
	}
	got := emrcontainersPaged.Run(t, cfg, collector.Service, "virtual-cluster", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("virtual clusters: %v, %d", got.Err, len(got.Resources))
	}
	v := got.ByID()[ids["team3"]]
	if v.Name != "team3" || v.Tags["n"] != "3" || v.CreatedAt == "" || v.ARN == "" {
		t.Errorf("team3: %s %s %v %q", v.Name, v.ARN, v.Tags, v.CreatedAt)
	}
	for k, want := range map[string]any{"state": "RUNNING", "eks_cluster": "data-eks", "namespace": "team3"} {
		if v.Details[k] != want {
			t.Errorf("team3 details[%s] = %v, want %v", k, v.Details[k], want)
		}
	}
	collecttest.HasEdges(t, got, ids["team3"]+" -runs-on-> eks/cluster:data-eks")

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListVirtualClusters")})
	collecttest.AssertDenied(t, emrcontainersPaged.Run(t, denied, collector.Service, "virtual-cluster", region))
}
