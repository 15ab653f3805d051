package codebuild

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func reportExport(g types.ReportGroup) types.S3ReportExportConfig {
	if g.ExportConfig == nil || g.ExportConfig.S3Destination == nil {
		return types.S3ReportExportConfig{}
	}
	return *g.ExportConfig.S3Destination
}

var reportGroupFields = collect.Fields[types.ReportGroup]{
	collect.Enum("report_type", "TEST or CODE_COVERAGE", func(g types.ReportGroup) types.ReportType { return g.Type }),
	collect.Enum("status", "ACTIVE or DELETING", func(g types.ReportGroup) types.ReportGroupStatusType { return g.Status }),
	collect.Computed("export_type", model.Text, "S3 (raw results exported) or NO_EXPORT", func(g types.ReportGroup) any {
		if g.ExportConfig == nil {
			return ""
		}
		return string(g.ExportConfig.ExportConfigType)
	}),
	collect.Computed("export_bucket", model.Text, "bucket results are exported to", func(g types.ReportGroup) any { return aws.ToString(reportExport(g).Bucket) }),
	collect.Computed("export_encrypted", model.Boolean, "exported results are encrypted", func(g types.ReportGroup) any {
		return g.ExportConfig != nil && g.ExportConfig.S3Destination != nil && !aws.ToBool(reportExport(g).EncryptionDisabled)
	}),
	collect.Computed("export_kms_key", model.Text, "KMS key of exported results", func(g types.ReportGroup) any { return aws.ToString(reportExport(g).EncryptionKey) }),
	collect.Timestamp("last_modified", "last change", func(g types.ReportGroup) *time.Time { return g.LastModified }),
}

// reportGroups lists report group ARNs and reads them 100 at a time (the
// batch read returns the tags).
func reportGroups(ctx context.Context, t *collect.Task) error {
	api := codebuild.NewFromConfig(t.Config)
	p := codebuild.NewListReportGroupsPaginator(api, &codebuild.ListReportGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *codebuild.ListReportGroupsOutput) error {
		return inBatches(page.ReportGroups, func(batch []string) error {
			out, err := api.BatchGetReportGroups(ctx, &codebuild.BatchGetReportGroupsInput{ReportGroupArns: batch})
			if err != nil {
				return err
			}
			for _, g := range out.ReportGroups {
				name := aws.ToString(g.Name)
				key := t.Key("report-group", name)
				t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(g.Arn), CreatedAt: model.Time(g.Created),
					Tags: collect.TagMap(g.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), Details: reportGroupFields.Details(g)})
				t.RelateByName(key, "exports-to", "s3", "bucket", aws.ToString(reportExport(g).Bucket), t.Region)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(reportExport(g).EncryptionKey)))
			}
			return nil
		})
	})
}

var sourceCredentialFields = collect.Fields[types.SourceCredentialsInfo]{
	collect.Enum("server_type", "GITHUB, GITHUB_ENTERPRISE, BITBUCKET or GITLAB...", func(c types.SourceCredentialsInfo) types.ServerType { return c.ServerType }),
	collect.Enum("auth_type", "OAUTH, BASIC_AUTH, PERSONAL_ACCESS_TOKEN, CODECONNECTIONS or SECRETS_MANAGER", func(c types.SourceCredentialsInfo) types.AuthType { return c.AuthType }),
	collect.Text("resource", "connection or secret ARN holding the credential (CODECONNECTIONS, SECRETS_MANAGER)", func(c types.SourceCredentialsInfo) *string { return c.Resource }),
}

// sourceCredentials lists the credentials CodeBuild holds for source
// providers: their kind only, AWS never returns the token.
func sourceCredentials(ctx context.Context, t *collect.Task) error {
	out, err := codebuild.NewFromConfig(t.Config).ListSourceCredentials(ctx, &codebuild.ListSourceCredentialsInput{})
	if err != nil {
		return err
	}
	for _, c := range out.SourceCredentialsInfos {
		arn := aws.ToString(c.Arn)
		// One credential per server type: the ARN ends with its server type.
		t.Emit(&model.Resource{Key: t.Key("source-credential", collect.ARNResourceName(arn)), Name: string(c.ServerType), ARN: arn,
			Details: sourceCredentialFields.Details(c)})
	}
	return nil
}
