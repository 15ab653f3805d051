// Package kms collects customer-managed KMS keys, their aliases and custom
// key stores.
package kms

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awskms "github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the KMS collector.
var Service = &collect.Service{
	Name:        "kms",
	Description: "KMS customer-managed keys, aliases and custom key stores",
	Types: []collect.Type{
		{Name: "key", Description: "customer-managed KMS key (id = key id); AWS-managed keys are skipped", Fields: keyFields.Declared(), Tags: collect.TagsBulk, Collect: keys, DetailCalls: 2},
		{Name: "alias", Description: "KMS alias of a customer key (id = alias name, alias/...); aws/ aliases are skipped", Fields: aliasFields.Declared(), Tags: collect.NotTaggable, Collect: aliases},
		{Name: "custom-key-store", Description: "key store backed by a CloudHSM cluster or an external key manager (id = cks-...; no ARN)",
			Fields: customKeyStoreFields.Declared(), Tags: collect.NotTaggable, Collect: customKeyStores},
	},
	Calls: "ListAliases once for key and alias; key: ListKeys + per key DescribeKey, GetKeyRotationStatus; bulk tags (else per key ListResourceTags). custom-key-store: DescribeCustomKeyStores",
	Relations: []collect.Relation{
		{From: "custom-key-store", Kind: "uses", To: "cloudhsmv2/cluster"},
		{From: "alias", Kind: "alias-of", To: "kms/key"},
	},
}

func client(t *collect.Task) *awskms.Client { return awskms.NewFromConfig(t.Config) }

// key is a customer key: its metadata, the alias names pointing to it
// (sorted) and its rotation status, when GetKeyRotationStatus answered.
type key struct {
	m             *kmstypes.KeyMetadata
	aliases       []string
	rotating      bool
	rotationKnown bool
}

func hasRotation(k key) bool { return k.rotationKnown }

var keyFields = collect.Fields[key]{
	collect.Enum("key_state", "Enabled, Disabled, PendingDeletion, PendingImport, ...", func(k key) kmstypes.KeyState { return k.m.KeyState }),
	collect.Computed("enabled", model.Boolean, "the key can be used", func(k key) any { return k.m.Enabled }),
	collect.Enum("key_usage", "ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT", func(k key) kmstypes.KeyUsageType { return k.m.KeyUsage }),
	collect.Enum("key_spec", "SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256, ...", func(k key) kmstypes.KeySpec { return k.m.KeySpec }),
	collect.Enum("key_manager", "CUSTOMER (AWS-managed keys are not collected)", func(k key) kmstypes.KeyManagerType { return k.m.KeyManager }),
	collect.Enum("origin", "AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM or EXTERNAL_KEY_STORE", func(k key) kmstypes.OriginType { return k.m.Origin }),
	collect.Text("description", "key description", func(k key) *string { return k.m.Description }),
	collect.Bool("multi_region", "multi-Region key", func(k key) *bool { return k.m.MultiRegion }),
	collect.Timestamp("deletion_date", "scheduled deletion, when pending deletion", func(k key) *time.Time { return k.m.DeletionDate }),
	collect.When(hasRotation, collect.Computed("rotation_enabled", model.Boolean, "automatic key rotation is on (false for keys that cannot rotate)", func(k key) any {
		return k.rotating
	})),
	collect.Computed("aliases", model.JSON, "alias names pointing to the key", func(k key) any { return append([]string{}, k.aliases...) }),
}

func keys(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "kms:key")
	p := awskms.NewListKeysPaginator(api, &awskms.ListKeysInput{Limit: t.PageSize(1000)})
	// The aliases are listed once, after the first page of keys: an index
	// every page's keys look up.
	var (
		names  map[string][]string
		listed bool
	)
	return collect.EachPage(ctx, p, func(page *awskms.ListKeysOutput) error {
		if !listed {
			listed = true
			var err error
			if names, err = aliasesByKey(ctx, t, api); err != nil {
				t.Warn("ListAliases", err)
			}
		}
		collect.ForEach(ctx, page.Keys, func(ctx context.Context, k kmstypes.KeyListEntry) {
			id := aws.ToString(k.KeyId)
			describeKey(ctx, t, api, bulk, id, names[id])
		})
		return nil
	})
}

// aliasesByKey lists every alias once, so keys get their names without a
// call per key.
func aliasesByKey(ctx context.Context, t *collect.Task, api *awskms.Client) (map[string][]string, error) {
	out := map[string][]string{}
	err := eachAlias(ctx, t, api, func(a kmstypes.AliasListEntry) {
		out[aws.ToString(a.TargetKeyId)] = append(out[aws.ToString(a.TargetKeyId)], aws.ToString(a.AliasName))
	})
	return out, err
}

// eachAlias calls fn for every alias of a customer key; the aliases are
// listed once for the key and alias types.
func eachAlias(ctx context.Context, t *collect.Task, api *awskms.Client, fn func(kmstypes.AliasListEntry)) error {
	p := awskms.NewListAliasesPaginator(api, &awskms.ListAliasesInput{Limit: t.PageSize(100)})
	list, err := collect.ReuseItems(ctx, t, "ListAliases", p, func(page *awskms.ListAliasesOutput) []kmstypes.AliasListEntry { return page.Aliases })
	for _, a := range list {
		if a.TargetKeyId != nil && !strings.HasPrefix(aws.ToString(a.AliasName), "alias/aws/") {
			fn(a)
		}
	}
	return err
}

func describeKey(ctx context.Context, t *collect.Task, api *awskms.Client, bulk *collect.BulkTags, id string, aliasNames []string) {
	out, err := api.DescribeKey(ctx, &awskms.DescribeKeyInput{KeyId: &id})
	if err != nil {
		// Without the metadata AWS-managed keys cannot be told apart: skip.
		t.Warn("DescribeKey", err)
		return
	}
	m := out.KeyMetadata
	if m == nil || m.KeyManager != kmstypes.KeyManagerTypeCustomer {
		return
	}
	sort.Strings(aliasNames)
	k := key{m: m, aliases: aliasNames}
	if rotating, err := rotation(ctx, api, m); err == nil {
		k.rotating, k.rotationKnown = rotating, true
	} else {
		t.Warn("GetKeyRotationStatus", err)
	}
	tags := bulk.Of(ctx, aws.ToString(m.Arn), "ListResourceTags", func(ctx context.Context) (map[string]string, error) {
		return keyTags(ctx, t, api, id)
	})
	name := id
	if len(aliasNames) > 0 {
		name = aliasNames[0]
	}
	t.Emit(&model.Resource{
		Key: t.Key("key", id), ARN: aws.ToString(m.Arn), Name: name,
		CreatedAt: model.Time(m.CreationDate), Tags: tags, Details: keyFields.Details(k),
	})
}

// rotation asks for the rotation status only of keys that can rotate
// (symmetric, KMS-generated, not being deleted): others answer with errors.
func rotation(ctx context.Context, api *awskms.Client, m *kmstypes.KeyMetadata) (bool, error) {
	if m.KeySpec != kmstypes.KeySpecSymmetricDefault || m.Origin != kmstypes.OriginTypeAwsKms ||
		m.KeyState == kmstypes.KeyStatePendingDeletion {
		return false, nil
	}
	out, err := api.GetKeyRotationStatus(ctx, &awskms.GetKeyRotationStatusInput{KeyId: m.KeyId})
	if err != nil {
		return false, err
	}
	return out.KeyRotationEnabled, nil
}

func keyTags(ctx context.Context, t *collect.Task, api *awskms.Client, id string) (map[string]string, error) {
	tags := map[string]string{}
	p := awskms.NewListResourceTagsPaginator(api, &awskms.ListResourceTagsInput{KeyId: &id, Limit: t.PageSize(50)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return tags, err
		}
		for k, v := range collect.TagMap(page.Tags, func(t kmstypes.Tag) (*string, *string) { return t.TagKey, t.TagValue }) {
			tags[k] = v
		}
	}
	return tags, nil
}

var aliasFields = collect.Fields[kmstypes.AliasListEntry]{
	collect.Text("target_key_id", "id of the key the alias points to", func(a kmstypes.AliasListEntry) *string { return a.TargetKeyId }),
	collect.Timestamp("last_updated", "last time the alias was pointed to a key", func(a kmstypes.AliasListEntry) *time.Time { return a.LastUpdatedDate }),
}

func aliases(ctx context.Context, t *collect.Task) error {
	return eachAlias(ctx, t, client(t), func(a kmstypes.AliasListEntry) {
		name, target := aws.ToString(a.AliasName), aws.ToString(a.TargetKeyId)
		key := t.Key("alias", name)
		t.Emit(&model.Resource{
			Key: key, ARN: aws.ToString(a.AliasArn), Name: name, CreatedAt: model.Time(a.CreationDate),
			Details: aliasFields.Details(a),
		})
		t.Relate(key, "alias-of", t.Key("key", target))
	})
}
