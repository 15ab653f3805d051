package eks

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// childRef names one part (node group, add-on, ...) of one cluster.
type childRef struct{ cluster, name string }

// eachChild walks the region's clusters: list gives a cluster's parts of
// one kind (a small sub-listing, gathered for every cluster so the detail
// calls run together) and describe reads and emits each part,
// concurrently. A failed listing fails the collection.
func eachChild(ctx context.Context, t *collect.Task, api *eks.Client, list func(ctx context.Context, cluster string) ([]string, error),
	describe func(ctx context.Context, ref childRef)) error {
	clusters, err := clusterNames(ctx, t, api)
	if err != nil {
		return err
	}
	var refs []childRef
	for _, cluster := range clusters {
		children, err := list(ctx, cluster)
		if err != nil {
			return err
		}
		for _, c := range children {
			refs = append(refs, childRef{cluster, c})
		}
	}
	collect.ForEach(ctx, refs, describe)
	return nil
}

// emitPart emits a cluster part: the described item when the detail call
// worked, else (it was listed, so it exists) the part without details and
// a warning.
func emitPart(t *collect.Task, typ string, ref childRef, operation string, err error, r *model.Resource) model.Key {
	key := t.Key(typ, ref.cluster+"/"+ref.name)
	if err != nil || r == nil {
		t.Warn(operation, err)
		r = &model.Resource{Name: ref.name}
	}
	r.Key = key
	if r.Details == nil {
		r.Details = map[string]any{}
	}
	r.Details["cluster"] = ref.cluster
	t.Emit(r)
	t.Relate(key, "member-of", t.Key("cluster", ref.cluster))
	return key
}

// clusterField is the cluster every part belongs to, set by emitPart.
func clusterField[T any]() collect.Field[T] {
	return collect.Computed("cluster", model.Text, "name of the cluster", func(T) any { return nil })
}

func roleOf(t *collect.Task, roleARN *string) model.Key {
	return t.Role(aws.ToString(roleARN))
}

var fargateFields = collect.Fields[*types.FargateProfile]{
	clusterField[*types.FargateProfile](),
	collect.Enum("status", "CREATING, ACTIVE, DELETING, CREATE_FAILED or DELETE_FAILED", func(f *types.FargateProfile) types.FargateProfileStatus { return f.Status }),
	collect.Text("pod_execution_role_arn", "role the pods' kubelet runs with", func(f *types.FargateProfile) *string { return f.PodExecutionRoleArn }),
	collect.Computed("subnets", model.JSON, "subnets pods are launched in", func(f *types.FargateProfile) any { return append([]string{}, f.Subnets...) }),
	collect.Computed("namespaces", model.JSON, "Kubernetes namespaces whose pods run on Fargate", func(f *types.FargateProfile) any {
		out := []string{}
		for _, s := range f.Selectors {
			out = append(out, aws.ToString(s.Namespace))
		}
		return out
	}),
}

func fargateProfiles(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return eachChild(ctx, t, api, func(ctx context.Context, cluster string) ([]string, error) {
		p := eks.NewListFargateProfilesPaginator(api, &eks.ListFargateProfilesInput{ClusterName: aws.String(cluster), MaxResults: t.PageSize(100)})
		return collect.AllItems(ctx, p, func(page *eks.ListFargateProfilesOutput) []string { return page.FargateProfileNames })
	}, func(ctx context.Context, ref childRef) {
		out, err := api.DescribeFargateProfile(ctx, &eks.DescribeFargateProfileInput{ClusterName: aws.String(ref.cluster), FargateProfileName: aws.String(ref.name)})
		var r *model.Resource
		var f *types.FargateProfile
		if err == nil && out.FargateProfile != nil {
			f = out.FargateProfile
			r = &model.Resource{Name: ref.name, ARN: aws.ToString(f.FargateProfileArn), CreatedAt: model.Time(f.CreatedAt), Tags: f.Tags, Details: fargateFields.Details(f)}
		}
		key := emitPart(t, "fargate-profile", ref, "DescribeFargateProfile", err, r)
		if f != nil {
			t.Relate(key, "assumes-role", roleOf(t, f.PodExecutionRoleArn))
			for _, s := range f.Subnets {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
		}
	})
}

var addonFields = collect.Fields[*types.Addon]{
	clusterField[*types.Addon](),
	collect.Text("addon_version", "version of the add-on", func(a *types.Addon) *string { return a.AddonVersion }),
	collect.Enum("status", "CREATING, ACTIVE, DEGRADED, UPDATING, ...", func(a *types.Addon) types.AddonStatus { return a.Status }),
	collect.Text("service_account_role_arn", "IAM role of the add-on's service account (IRSA)", func(a *types.Addon) *string { return a.ServiceAccountRoleArn }),
	collect.Computed("health_issues", model.Integer, "health issues EKS reports", func(a *types.Addon) any {
		if a.Health == nil {
			return int64(0)
		}
		return int64(len(a.Health.Issues))
	}),
	collect.Text("publisher", "publisher of a marketplace add-on", func(a *types.Addon) *string { return a.Publisher }),
	collect.Timestamp("modified_at", "last update", func(a *types.Addon) *time.Time { return a.ModifiedAt }),
}

func addons(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return eachChild(ctx, t, api, func(ctx context.Context, cluster string) ([]string, error) {
		p := eks.NewListAddonsPaginator(api, &eks.ListAddonsInput{ClusterName: aws.String(cluster), MaxResults: t.PageSize(100)})
		return collect.AllItems(ctx, p, func(page *eks.ListAddonsOutput) []string { return page.Addons })
	}, func(ctx context.Context, ref childRef) {
		out, err := api.DescribeAddon(ctx, &eks.DescribeAddonInput{ClusterName: aws.String(ref.cluster), AddonName: aws.String(ref.name)})
		var r *model.Resource
		var a *types.Addon
		if err == nil && out.Addon != nil {
			a = out.Addon
			r = &model.Resource{Name: ref.name, ARN: aws.ToString(a.AddonArn), CreatedAt: model.Time(a.CreatedAt), Tags: a.Tags, Details: addonFields.Details(a)}
		}
		key := emitPart(t, "addon", ref, "DescribeAddon", err, r)
		if a != nil {
			t.Relate(key, "assumes-role", roleOf(t, a.ServiceAccountRoleArn))
		}
	})
}

var accessEntryFields = collect.Fields[*types.AccessEntry]{
	clusterField[*types.AccessEntry](),
	collect.Text("principal_arn", "IAM role or user given access to the cluster", func(e *types.AccessEntry) *string { return e.PrincipalArn }),
	collect.Text("entry_type", "STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, ...", func(e *types.AccessEntry) *string { return e.Type }),
	collect.Text("username", "Kubernetes user name of the principal", func(e *types.AccessEntry) *string { return e.Username }),
	collect.Computed("kubernetes_groups", model.JSON, "Kubernetes groups of the principal (system:masters is cluster admin)", func(e *types.AccessEntry) any {
		return append([]string{}, e.KubernetesGroups...)
	}),
	collect.Timestamp("modified_at", "last update", func(e *types.AccessEntry) *time.Time { return e.ModifiedAt }),
}

// accessEntries: ids are cluster/principal ARN.
func accessEntries(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return eachChild(ctx, t, api, func(ctx context.Context, cluster string) ([]string, error) {
		p := eks.NewListAccessEntriesPaginator(api, &eks.ListAccessEntriesInput{ClusterName: aws.String(cluster), MaxResults: t.PageSize(100)})
		return collect.AllItems(ctx, p, func(page *eks.ListAccessEntriesOutput) []string { return page.AccessEntries })
	}, func(ctx context.Context, ref childRef) {
		out, err := api.DescribeAccessEntry(ctx, &eks.DescribeAccessEntryInput{ClusterName: aws.String(ref.cluster), PrincipalArn: aws.String(ref.name)})
		var r *model.Resource
		if err == nil && out.AccessEntry != nil {
			e := out.AccessEntry
			r = &model.Resource{Name: collect.ARNResourceName(ref.name), ARN: aws.ToString(e.AccessEntryArn), CreatedAt: model.Time(e.CreatedAt), Tags: e.Tags,
				Details: accessEntryFields.Details(e)}
		}
		key := emitPart(t, "access-entry", ref, "DescribeAccessEntry", err, r)
		if strings.Contains(ref.name, ":role/") {
			t.Relate(key, "grants-access-to", roleOf(t, &ref.name))
		}
	})
}

var podIdentityFields = collect.Fields[*types.PodIdentityAssociation]{
	clusterField[*types.PodIdentityAssociation](),
	collect.Text("namespace", "Kubernetes namespace of the service account", func(a *types.PodIdentityAssociation) *string { return a.Namespace }),
	collect.Text("service_account", "Kubernetes service account whose pods get the role", func(a *types.PodIdentityAssociation) *string { return a.ServiceAccount }),
	collect.Text("role_arn", "IAM role the pods get", func(a *types.PodIdentityAssociation) *string { return a.RoleArn }),
	collect.Text("target_role_arn", "role assumed next, for cross-account access", func(a *types.PodIdentityAssociation) *string { return a.TargetRoleArn }),
	collect.Text("owner_arn", "add-on that owns the association, if any", func(a *types.PodIdentityAssociation) *string { return a.OwnerArn }),
}

// podIdentityAssociations: ids are cluster/association id.
func podIdentityAssociations(ctx context.Context, t *collect.Task) error {
	api := eks.NewFromConfig(t.Config)
	return eachChild(ctx, t, api, func(ctx context.Context, cluster string) ([]string, error) {
		p := eks.NewListPodIdentityAssociationsPaginator(api, &eks.ListPodIdentityAssociationsInput{ClusterName: aws.String(cluster), MaxResults: t.PageSize(100)})
		return collect.AllItems(ctx, p, func(page *eks.ListPodIdentityAssociationsOutput) []string {
			ids := make([]string, 0, len(page.Associations))
			for _, a := range page.Associations {
				ids = append(ids, aws.ToString(a.AssociationId))
			}
			return ids
		})
	}, func(ctx context.Context, ref childRef) {
		out, err := api.DescribePodIdentityAssociation(ctx, &eks.DescribePodIdentityAssociationInput{ClusterName: aws.String(ref.cluster), AssociationId: aws.String(ref.name)})
		var r *model.Resource
		var a *types.PodIdentityAssociation
		if err == nil && out.Association != nil {
			a = out.Association
			r = &model.Resource{Name: aws.ToString(a.Namespace) + "/" + aws.ToString(a.ServiceAccount), ARN: aws.ToString(a.AssociationArn),
				CreatedAt: model.Time(a.CreatedAt), Tags: a.Tags, Details: podIdentityFields.Details(a)}
		}
		key := emitPart(t, "pod-identity-association", ref, "DescribePodIdentityAssociation", err, r)
		if a != nil {
			t.Relate(key, "assumes-role", roleOf(t, a.RoleArn))
		}
	})
}
