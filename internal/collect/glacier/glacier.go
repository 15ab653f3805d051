// Package glacier collects S3 Glacier vaults (the original Glacier API,
// not the S3 Glacier storage classes of buckets).
package glacier

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glacier"
	"github.com/aws/aws-sdk-go-v2/service/glacier/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the S3 Glacier collector.
var Service = &collect.Service{
	Name:        "glacier",
	Description: "S3 Glacier vaults",
	Types: []collect.Type{
		{Name: "vault", Description: "Glacier vault (id = name): archives, size, Vault Lock", Fields: vaultFields.Declared(),
			Tags: collect.TagsPerResource, Collect: vaults, DetailCalls: 2},
	},
	Calls: "vault: ListVaults + per vault ListTagsForVault, GetVaultLock",
}

// ownAccount is the AccountId Glacier reads as the caller's account.
const ownAccount = "-"

// vault is a listed vault with its Vault Lock state: "" for none, nil when
// it could not be read.
type vault struct {
	types.DescribeVaultOutput
	lock *string
}

func hasLock(v vault) bool { return v.lock != nil }

var vaultFields = collect.Fields[vault]{
	collect.Computed("archives", model.Integer, "archives at the last inventory", func(v vault) any { return v.NumberOfArchives }),
	collect.Computed("size_bytes", model.Integer, "size at the last inventory", func(v vault) any { return v.SizeInBytes }),
	collect.Computed("last_inventory", model.Timestamp, "last inventory (daily when the vault changed)", func(v vault) any { return collect.TimeText(v.LastInventoryDate) }),
	collect.When(hasLock, collect.Text("lock_state", "Vault Lock: Locked (policy immutable), InProgress, or empty for none", func(v vault) *string { return v.lock })),
}

func vaults(ctx context.Context, t *collect.Task) error {
	api := glacier.NewFromConfig(t.Config)
	p := glacier.NewListVaultsPaginator(api, &glacier.ListVaultsInput{AccountId: aws.String(ownAccount), Limit: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *glacier.ListVaultsOutput) []types.DescribeVaultOutput { return page.VaultList },
		func(ctx context.Context, d types.DescribeVaultOutput) {
			v := vault{DescribeVaultOutput: d}
			lock, err := api.GetVaultLock(ctx, &glacier.GetVaultLockInput{AccountId: aws.String(ownAccount), VaultName: d.VaultName})
			switch {
			case err == nil:
				v.lock = lock.State
			case awsx.IsNotFound(err): // no Vault Lock
				v.lock = aws.String("")
			default:
				t.Warn("GetVaultLock", err)
			}
			name := aws.ToString(d.VaultName)
			r := &model.Resource{Key: t.Key("vault", name), ARN: aws.ToString(d.VaultARN), Name: name, CreatedAt: collect.TimeText(d.CreationDate),
				Details: vaultFields.Details(v)}
			tags, err := api.ListTagsForVault(ctx, &glacier.ListTagsForVaultInput{AccountId: aws.String(ownAccount), VaultName: d.VaultName})
			t.Warn("ListTagsForVault", err)
			if err == nil {
				r.Tags = tags.Tags
			}
			t.Emit(r)
		})
}
