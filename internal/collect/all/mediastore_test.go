package all_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediastore"
	"github.com/aws/aws-sdk-go-v2/service/mediastore/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mediastore"
)

var mediastorePaged = collecttest.Paged{Cap: 2}

const mediastoreRegion = "us-east-1"

const mediastorePublic = `{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":["mediastore:GetObject"],"Resource":"*"}]}`

const private = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"mediastore:*","Resource":"*"}]}`

var policies = []string{mediastorePublic, private, ""}

// moto writes containers' times in a form the SDK cannot read: canned.
// Three containers over two pages: media0 has a public policy, media1 an
// account-only one, media2 none (PolicyNotFound).
func mediastoreCanned(replace map[string]func(any) (any, error)) awsx.Options {
	container := func(i int) types.Container {
		name := fmt.Sprint("media", i)
		return types.Container{Name: aws.String(name), ARN: aws.String("arn:aws:mediastore:us-east-1:" + collecttest.MotoAccount + ":container/" + name),
			Endpoint: aws.String("https://" + name + ".data.mediastore.us-east-1.amazonaws.com"), Status: types.ContainerStatusActive, AccessLoggingEnabled: aws.Bool(i == 0),
			CreationTime: aws.Time(time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC))}
	}
	answers := map[string]func(any) (any, error){
		"ListContainers": func(in any) (any, error) {
			if aws.ToString(in.(*mediastore.ListContainersInput).NextToken) == "" {
				return &mediastore.ListContainersOutput{NextToken: aws.String("2"), Containers: []types.Container{container(0), container(1)}}, nil
			}
			return &mediastore.ListContainersOutput{Containers: []types.Container{container(2)}}, nil
		},
		"GetContainerPolicy": func(in any) (any, error) {
			name := aws.ToString(in.(*mediastore.GetContainerPolicyInput).ContainerName)
			if p := policies[name[5]-'0']; p != "" {
				return &mediastore.GetContainerPolicyOutput{Policy: aws.String(p)}, nil
			}
			return nil, &types.PolicyNotFoundException{Message: aws.String("no policy")}
		},
		"ListTagsForResource": func(in any) (any, error) {
			arn := aws.ToString(in.(*mediastore.ListTagsForResourceInput).Resource)
			return &mediastore.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(arn[len(arn)-1:])}}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestMediastoreContainers(t *testing.T) {
	collecttest.Setup(t)
	got := mediastorePaged.Run(t, collecttest.ConfigWith(t, mediastoreRegion, mediastoreCanned(nil)), collector.Service, "container", mediastoreRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("containers: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for name, want := range map[string]map[string]any{
		"media0": {"public": true, "policy": mediastorePublic, "access_logging": true, "status": "ACTIVE"},
		"media1": {"public": false},
		"media2": {"public": false, "policy": ""},
	} {
		r := got.ByID()[name]
		if r == nil || r.ARN != "arn:aws:mediastore:us-east-1:"+collecttest.MotoAccount+":container/"+name || r.Tags["n"] != name[5:] || r.Details["endpoint"] == "" {
			t.Fatalf("%s: %+v", name, r)
		}
		for k, v := range want {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %#v, want %#v", name, k, r.Details[k], v)
			}
		}
	}
}

func TestMediastoreDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, mediastoreRegion, mediastoreCanned(map[string]func(any) (any, error){"ListContainers": collecttest.Denied("ListContainers")}))
	collecttest.AssertDenied(t, mediastorePaged.Run(t, cfg, collector.Service, "container", mediastoreRegion))
	cfg = collecttest.ConfigWith(t, mediastoreRegion, mediastoreCanned(map[string]func(any) (any, error){"GetContainerPolicy": collecttest.Denied("GetContainerPolicy")}))
	got := mediastorePaged.Run(t, cfg, collector.Service, "container", mediastoreRegion)
	_, known := got.ByID()["media0"].Details["public"]
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || known {
		t.Fatalf("want containers with public unknown and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
