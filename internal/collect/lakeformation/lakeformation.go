// Package lakeformation collects Lake Formation data lake settings,
// registered S3 locations and LF-tags.
package lakeformation

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lakeformation"
	"github.com/aws/aws-sdk-go-v2/service/lakeformation/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Lake Formation collector.
var Service = &collect.Service{
	Name:        "lakeformation",
	Description: "Lake Formation data lake settings, registered locations and LF-tags",
	Types: []collect.Type{
		{Name: "data-lake-settings", Description: "Lake Formation settings of the account's catalog in a region (id = account id; one per region): admins, default permissions",
			Fields: settingsFields.Declared(), Tags: collect.NotTaggable, Collect: settings},
		{Name: "registered-resource", Description: "S3 location registered with Lake Formation (id = its ARN), and the role that reads it",
			Fields: resourceFields.Declared(), Tags: collect.NotTaggable, Collect: resources},
		{Name: "lf-tag", Description: "LF-tag used for tag-based access control (id = tag key)", Fields: lfTagFields.Declared(), Tags: collect.NotTaggable, Collect: lfTags},
	},
	Calls: "data-lake-settings: GetDataLakeSettings. registered-resource: ListResources. lf-tag: ListLFTags",
	Relations: []collect.Relation{
		{From: "registered-resource", Kind: "registers", To: "s3/bucket"},
		{From: "registered-resource", Kind: "assumes-role", To: "iam/role"},
	},
}

// iamAllowedPrincipals is the group whose default grants leave access to
// IAM policies alone, as before Lake Formation.
const iamAllowedPrincipals = "IAM_ALLOWED_PRINCIPALS"

func principals(ps []types.DataLakePrincipal) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, aws.ToString(p.DataLakePrincipalIdentifier))
	}
	return out
}

func grantsIAMAllowed(ps []types.PrincipalPermissions) bool {
	return slices.ContainsFunc(ps, func(p types.PrincipalPermissions) bool {
		return p.Principal != nil && aws.ToString(p.Principal.DataLakePrincipalIdentifier) == iamAllowedPrincipals
	})
}

var settingsFields = collect.Fields[*types.DataLakeSettings]{
	collect.Computed("admins", model.JSON, "data lake administrators (IAM ARNs)", func(s *types.DataLakeSettings) any { return principals(s.DataLakeAdmins) }),
	collect.Computed("read_only_admins", model.JSON, "read-only administrators", func(s *types.DataLakeSettings) any { return principals(s.ReadOnlyAdmins) }),
	collect.Computed("iam_only_new_databases", model.Boolean, "new databases grant ALL to IAM_ALLOWED_PRINCIPALS: IAM policies alone control them, Lake Formation does not",
		func(s *types.DataLakeSettings) any { return grantsIAMAllowed(s.CreateDatabaseDefaultPermissions) }),
	collect.Computed("iam_only_new_tables", model.Boolean, "new tables grant ALL to IAM_ALLOWED_PRINCIPALS", func(s *types.DataLakeSettings) any {
		return grantsIAMAllowed(s.CreateTableDefaultPermissions)
	}),
	collect.Computed("trusted_resource_owners", model.JSON, "accounts whose resources may be shared in", func(s *types.DataLakeSettings) any {
		return append([]string{}, s.TrustedResourceOwners...)
	}),
	collect.Bool("external_data_filtering", "third-party engines may filter data", func(s *types.DataLakeSettings) *bool { return s.AllowExternalDataFiltering }),
}

func settings(ctx context.Context, t *collect.Task) error {
	out, err := lakeformation.NewFromConfig(t.Config).GetDataLakeSettings(ctx, &lakeformation.GetDataLakeSettingsInput{})
	if err != nil {
		return err
	}
	if out.DataLakeSettings == nil {
		return nil
	}
	t.Emit(&model.Resource{Key: t.Key("data-lake-settings", t.Account), Name: "data lake settings", ARN: collect.ARN(t, "glue", "", "catalog"),
		Details: settingsFields.Details(out.DataLakeSettings)})
	return nil
}

var resourceFields = collect.Fields[types.ResourceInfo]{
	collect.Text("role_arn", "IAM role Lake Formation uses to read the location (empty: the service-linked role)", func(r types.ResourceInfo) *string { return r.RoleArn }),
	collect.Bool("hybrid_access", "IAM and Lake Formation permissions both apply", func(r types.ResourceInfo) *bool { return r.HybridAccessEnabled }),
	collect.Bool("with_federation", "registered for federation", func(r types.ResourceInfo) *bool { return r.WithFederation }),
	collect.Enum("verification_status", "VERIFIED, NOT_VERIFIED or VERIFICATION_FAILED", func(r types.ResourceInfo) types.VerificationStatus { return r.VerificationStatus }),
	collect.Timestamp("last_modified", "last change of the registration", func(r types.ResourceInfo) *time.Time { return r.LastModified }),
}

func resources(ctx context.Context, t *collect.Task) error {
	p := lakeformation.NewListResourcesPaginator(lakeformation.NewFromConfig(t.Config), &lakeformation.ListResourcesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *lakeformation.ListResourcesOutput) error {
		for _, r := range page.ResourceInfoList {
			arn := aws.ToString(r.ResourceArn)
			res := &model.Resource{Key: t.Key("registered-resource", arn), Name: strings.TrimPrefix(arn, "arn:"+t.Partition()+":s3:::"), ARN: arn,
				Details: resourceFields.Details(r)}
			if rest, ok := strings.CutPrefix(arn, "arn:"+t.Partition()+":s3:::"); ok {
				bucket, _, _ := strings.Cut(rest, "/")
				t.RelateByName(res.Key, "registers", "s3", "bucket", bucket, t.Region)
			}
			t.Relate(res.Key, "assumes-role", t.Role(aws.ToString(r.RoleArn)))
			t.Emit(res)
		}
		return nil
	})
}

var lfTagFields = collect.Fields[types.LFTagPair]{
	collect.Computed("values", model.JSON, "values the tag may take", func(p types.LFTagPair) any { return append([]string{}, p.TagValues...) }),
	collect.Text("catalog_id", "catalog (account) the tag belongs to", func(p types.LFTagPair) *string { return p.CatalogId }),
}

func lfTags(ctx context.Context, t *collect.Task) error {
	p := lakeformation.NewListLFTagsPaginator(lakeformation.NewFromConfig(t.Config), &lakeformation.ListLFTagsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *lakeformation.ListLFTagsOutput) error {
		for _, tg := range page.LFTags {
			k := aws.ToString(tg.TagKey)
			t.Emit(&model.Resource{Key: t.Key("lf-tag", k), Name: k, Details: lfTagFields.Details(tg)})
		}
		return nil
	})
}
