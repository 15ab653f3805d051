package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glacier"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/glacier"
)

// details cans what moto lacks: Vault Lock (archive-0 locked, the others
// without one) and tags, and denies the operations in deny.
func details(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"GetVaultLock": func(in any) (any, error) {
			if aws.ToString(in.(*glacier.GetVaultLockInput).VaultName) == "archive-0" {
				return &glacier.GetVaultLockOutput{State: aws.String("Locked")}, nil
			}
			return nil, &smithy.GenericAPIError{Code: "ResourceNotFoundException", Message: "no vault lock"}
		},
		"ListTagsForVault": func(any) (any, error) {
			return &glacier.ListTagsForVaultOutput{Tags: map[string]string{"retention": "10y"}}, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

func createVaults(t *testing.T, api *glacier.Client) {
	t.Helper()
	for i := range 6 {
		if _, err := api.CreateVault(context.Background(), &glacier.CreateVaultInput{AccountId: aws.String("-"), VaultName: aws.String(fmt.Sprint("archive-", i))}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGlacierVaults(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: details()})
	createVaults(t, glacier.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "vault", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 vaults over several pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	v := got.ByID()["archive-0"]
	if v.Details["lock_state"] != "Locked" || got.ByID()["archive-3"].Details["lock_state"] != "" || v.Details["archives"] != int64(0) {
		t.Errorf("details: %v / %v", v.Details, got.ByID()["archive-3"].Details)
	}
	if v.ARN != "arn:aws:glacier:"+region+":"+collecttest.MotoAccount+":vaults/archive-0" || v.Tags["retention"] != "10y" || v.CreatedAt == "" {
		t.Errorf("archive-0: %s %v %s", v.ARN, v.Tags, v.CreatedAt)
	}
}

func TestGlacierDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: details("ListVaults")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "vault", region))

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: details("GetVaultLock")})
	createVaults(t, glacier.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "vault", region)
	if _, ok := got.ByID()["archive-0"].Details["lock_state"]; got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 || ok {
		t.Fatalf("want 6 vaults without lock state and 6 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
