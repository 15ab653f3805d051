package ssm

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var windowFields = collect.Fields[ssmtypes.MaintenanceWindowIdentity]{
	collect.Computed("enabled", model.Boolean, "the window runs its tasks", func(w ssmtypes.MaintenanceWindowIdentity) any { return w.Enabled }),
	collect.Text("schedule", "cron or rate expression", func(w ssmtypes.MaintenanceWindowIdentity) *string { return w.Schedule }),
	collect.Text("schedule_timezone", "IANA time zone of the schedule", func(w ssmtypes.MaintenanceWindowIdentity) *string { return w.ScheduleTimezone }),
	collect.Int("duration_hours", "length of the window", func(w ssmtypes.MaintenanceWindowIdentity) *int32 { return w.Duration }),
	collect.Computed("cutoff_hours", model.Integer, "hours before the end when no new task starts", func(w ssmtypes.MaintenanceWindowIdentity) any { return int64(w.Cutoff) }),
	collect.Text("next_execution", "next scheduled run", func(w ssmtypes.MaintenanceWindowIdentity) *string { return w.NextExecutionTime }),
	collect.Text("description", "window description", func(w ssmtypes.MaintenanceWindowIdentity) *string { return w.Description }),
}

func maintenanceWindows(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awsssm.NewDescribeMaintenanceWindowsPaginator(api, &awsssm.DescribeMaintenanceWindowsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *awsssm.DescribeMaintenanceWindowsOutput) []ssmtypes.MaintenanceWindowIdentity {
		return page.WindowIdentities
	},
		func(ctx context.Context, w ssmtypes.MaintenanceWindowIdentity) {
			id := aws.ToString(w.WindowId)
			emitTagged(ctx, t, api, ssmtypes.ResourceTypeForTaggingMaintenanceWindow, w.WindowId, &model.Resource{Key: t.Key("maintenance-window", id),
				Name: aws.ToString(w.Name), ARN: collect.ARN(t, "ssm", "", "maintenancewindow/"+id), Details: windowFields.Details(w)})
		})
}

var baselineFields = collect.Fields[ssmtypes.PatchBaselineIdentity]{
	collect.Enum("operating_system", "operating system the baseline patches", func(b ssmtypes.PatchBaselineIdentity) ssmtypes.OperatingSystem { return b.OperatingSystem }),
	collect.Computed("default_baseline", model.Boolean, "the default baseline of its operating system in the region", func(b ssmtypes.PatchBaselineIdentity) any { return b.DefaultBaseline }),
	collect.Text("description", "baseline description", func(b ssmtypes.PatchBaselineIdentity) *string { return b.BaselineDescription }),
}

// patchBaselines lists the account's own baselines; AWS's predefined ones
// are the same everywhere and left out.
func patchBaselines(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awsssm.NewDescribePatchBaselinesPaginator(api, &awsssm.DescribePatchBaselinesInput{MaxResults: t.PageSize(100),
		Filters: []ssmtypes.PatchOrchestratorFilter{{Key: aws.String("OWNER"), Values: []string{"Self"}}}})
	return collect.EachItem(ctx, p, func(page *awsssm.DescribePatchBaselinesOutput) []ssmtypes.PatchBaselineIdentity {
		return page.BaselineIdentities
	},
		func(ctx context.Context, b ssmtypes.PatchBaselineIdentity) {
			id := aws.ToString(b.BaselineId)
			emitTagged(ctx, t, api, ssmtypes.ResourceTypeForTaggingPatchBaseline, b.BaselineId, &model.Resource{Key: t.Key("patch-baseline", id),
				Name: aws.ToString(b.BaselineName), ARN: collect.ARN(t, "ssm", "", "patchbaseline/"+id), Details: baselineFields.Details(b)})
		})
}
