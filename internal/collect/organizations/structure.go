package organizations

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// managementOnly is err, except that a denial outside the management
// account makes the collection not applicable rather than failed: only
// the management account (or a delegated administrator) may read the
// organization's structure.
func managementOnly(ctx context.Context, t *collect.Task, api *organizations.Client, err error, what string) error {
	if awsx.Classify(err) == awsx.Denied && !isManagementAccount(ctx, t, api) {
		return &awsx.NotApplicableError{Reason: "only the organization's management account can list its " + what}
	}
	return err
}

// roots lists the organization's roots (there is one).
func roots(ctx context.Context, t *collect.Task, api *organizations.Client, what string) ([]types.Root, error) {
	p := organizations.NewListRootsPaginator(api, &organizations.ListRootsInput{MaxResults: t.PageSize(20)})
	out, err := collect.AllItems(ctx, p, func(page *organizations.ListRootsOutput) []types.Root { return page.Roots })
	return out, managementOnly(ctx, t, api, err, what)
}

// tagsOf reads the tags of an account, OU or policy; a failure is a warning.
func tagsOf(ctx context.Context, t *collect.Task, api *organizations.Client, id *string) map[string]string {
	tags := map[string]string{}
	p := organizations.NewListTagsForResourcePaginator(api, &organizations.ListTagsForResourceInput{ResourceId: id})
	err := collect.EachPage(ctx, p, func(page *organizations.ListTagsForResourceOutput) error {
		for k, v := range collect.TagMap(page.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }) {
			tags[k] = v
		}
		return nil
	})
	t.Warn("ListTagsForResource", err)
	return tags
}

// ou is an organizational unit with the path of names from the root.
type ou struct {
	types.OrganizationalUnit
	parent, path string
}

var ouFields = collect.Fields[ou]{
	collect.Computed("parent_id", model.Text, "parent OU (ou-...) or root (r-...)", func(o ou) any { return o.parent }),
	collect.Computed("path", model.Text, "names from the root down to the OU, e.g. Root/Workloads/Prod", func(o ou) any { return o.path }),
}

// organizationalUnits walks the OU tree from the roots, one level at a time
// (each parent's children are listed concurrently).
func organizationalUnits(ctx context.Context, t *collect.Task) error {
	api := organizations.NewFromConfig(t.Config)
	rs, err := roots(ctx, t, api, "organizational units")
	if err != nil {
		return err
	}
	level := []ou{}
	for _, r := range rs {
		level = append(level, ou{OrganizationalUnit: types.OrganizationalUnit{Id: r.Id}, path: aws.ToString(r.Name)})
	}
	for len(level) > 0 {
		var next []ou
		var errs collect.FirstErr
		collectLevel := make(chan []ou, len(level))
		collect.ForEach(ctx, level, func(ctx context.Context, parent ou) {
			var children []ou
			p := organizations.NewListOrganizationalUnitsForParentPaginator(api, &organizations.ListOrganizationalUnitsForParentInput{ParentId: parent.Id, MaxResults: t.PageSize(20)})
			errs.Keep(collect.EachPage(ctx, p, func(page *organizations.ListOrganizationalUnitsForParentOutput) error {
				for _, u := range page.OrganizationalUnits {
					o := ou{OrganizationalUnit: u, parent: aws.ToString(parent.Id), path: parent.path + "/" + aws.ToString(u.Name)}
					emitOU(ctx, t, api, o)
					children = append(children, o)
				}
				return nil
			}))
			collectLevel <- children
		})
		close(collectLevel)
		for c := range collectLevel {
			next = append(next, c...)
		}
		if err := errs.Err(); err != nil {
			return err
		}
		level = next
	}
	return nil
}

func emitOU(ctx context.Context, t *collect.Task, api *organizations.Client, o ou) {
	key := t.Key("organizational-unit", aws.ToString(o.Id))
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(o.Arn), Name: aws.ToString(o.Name), Tags: tagsOf(ctx, t, api, o.Id), Details: ouFields.Details(o)})
	if strings.HasPrefix(o.parent, "ou-") { // top-level OUs are children of the root
		t.Relate(key, "child-of", t.Key("organizational-unit", o.parent))
	}
}

// policy is a policy with its content and targets (nil when their call failed).
type policy struct {
	types.PolicySummary
	content *string
	targets []types.PolicyTargetSummary
	listed  bool
}

var policyFields = collect.Fields[policy]{
	collect.Enum("policy_type", "SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, TAG_POLICY, BACKUP_POLICY, ...", func(p policy) types.PolicyType { return p.Type }),
	collect.Text("description", "description of the policy", func(p policy) *string { return p.Description }),
	collect.Computed("aws_managed", model.Boolean, "managed by AWS (FullAWSAccess, ...)", func(p policy) any { return p.AwsManaged }),
	collect.Computed("content", model.JSON, "the policy document", func(p policy) any {
		if p.content == nil {
			return nil
		}
		return collect.PolicyJSON(*p.content)
	}),
	collect.Computed("targets", model.JSON, "roots (r-...), OUs (ou-...) and accounts the policy is attached to", func(p policy) any {
		if !p.listed {
			return nil
		}
		out := []string{}
		for _, tg := range p.targets {
			out = append(out, aws.ToString(tg.TargetId))
		}
		return out
	}),
}

// policies lists the SCPs and the policies of every other type enabled in
// the root, each with
// its document, targets and tags.
func policies(ctx context.Context, t *collect.Task) error {
	api := organizations.NewFromConfig(t.Config)
	rs, err := roots(ctx, t, api, "policies")
	if err != nil {
		return err
	}
	// SCPs are listed even when the root does not say they are enabled:
	// every organization with all features has FullAWSAccess.
	kinds := map[types.PolicyType]bool{types.PolicyTypeServiceControlPolicy: true}
	for _, r := range rs {
		for _, pt := range r.PolicyTypes {
			kinds[pt.Type] = true
		}
	}
	for _, kind := range types.PolicyType("").Values() {
		if !kinds[kind] {
			continue
		}
		p := organizations.NewListPoliciesPaginator(api, &organizations.ListPoliciesInput{Filter: kind, MaxResults: t.PageSize(20)})
		err := collect.EachItem(ctx, p, func(page *organizations.ListPoliciesOutput) []types.PolicySummary { return page.Policies },
			func(ctx context.Context, s types.PolicySummary) { emitPolicy(ctx, t, api, s) })
		if err != nil {
			return err
		}
	}
	return nil
}

func emitPolicy(ctx context.Context, t *collect.Task, api *organizations.Client, s types.PolicySummary) {
	p := policy{PolicySummary: s}
	desc, err := api.DescribePolicy(ctx, &organizations.DescribePolicyInput{PolicyId: s.Id})
	if err != nil {
		t.Warn("DescribePolicy", err)
	} else if desc.Policy != nil {
		p.content = desc.Policy.Content
	}
	pages := organizations.NewListTargetsForPolicyPaginator(api, &organizations.ListTargetsForPolicyInput{PolicyId: s.Id, MaxResults: t.PageSize(20)})
	err = collect.EachPage(ctx, pages, func(page *organizations.ListTargetsForPolicyOutput) error {
		p.targets = append(p.targets, page.Targets...)
		return nil
	})
	if err != nil {
		t.Warn("ListTargetsForPolicy", err)
	} else {
		p.listed = true
	}
	tags := map[string]string{}
	if !s.AwsManaged { // AWS managed policies cannot be tagged
		tags = tagsOf(ctx, t, api, s.Id)
	}
	key := t.Key("policy", aws.ToString(s.Id))
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.Arn), Name: aws.ToString(s.Name), Tags: tags, Details: policyFields.Details(p)})
	for _, tg := range p.targets {
		switch tg.Type {
		case types.TargetTypeAccount:
			t.Relate(key, "attached-to", t.Key("account", aws.ToString(tg.TargetId)))
		case types.TargetTypeOrganizationalUnit:
			t.Relate(key, "attached-to", t.Key("organizational-unit", aws.ToString(tg.TargetId)))
		}
	}
}

// delegatedAdmin is a delegated administrator account with the service
// principals it administers (nil when that call failed).
type delegatedAdmin struct {
	types.DelegatedAdministrator
	services []types.DelegatedService
}

var delegatedAdminFields = collect.Fields[delegatedAdmin]{
	collect.Computed("services", model.JSON, "service principals the account administers for the organization", func(d delegatedAdmin) any {
		if d.services == nil {
			return nil
		}
		out := []string{}
		for _, s := range d.services {
			out = append(out, aws.ToString(s.ServicePrincipal))
		}
		return out
	}),
	collect.Timestamp("delegation_enabled_at", "when the account first became a delegated administrator", func(d delegatedAdmin) *time.Time { return d.DelegationEnabledDate }),
	collect.Computed("status", model.Text, "state of the account: ACTIVE, SUSPENDED, ...", func(d delegatedAdmin) any {
		if d.State != "" {
			return string(d.State)
		}
		return string(d.Status)
	}),
}

// delegatedAdministrators lists the member accounts that administer a
// service for the organization (id = account id), each with its services.
func delegatedAdministrators(ctx context.Context, t *collect.Task) error {
	api := organizations.NewFromConfig(t.Config)
	p := organizations.NewListDelegatedAdministratorsPaginator(api, &organizations.ListDelegatedAdministratorsInput{MaxResults: t.PageSize(20)})
	err := collect.EachItem(ctx, p, func(page *organizations.ListDelegatedAdministratorsOutput) []types.DelegatedAdministrator {
		return page.DelegatedAdministrators
	},
		func(ctx context.Context, a types.DelegatedAdministrator) {
			d := delegatedAdmin{DelegatedAdministrator: a}
			pages := organizations.NewListDelegatedServicesForAccountPaginator(api, &organizations.ListDelegatedServicesForAccountInput{AccountId: a.Id, MaxResults: t.PageSize(20)})
			services := []types.DelegatedService{}
			err := collect.EachPage(ctx, pages, func(page *organizations.ListDelegatedServicesForAccountOutput) error {
				services = append(services, page.DelegatedServices...)
				return nil
			})
			if err != nil {
				t.Warn("ListDelegatedServicesForAccount", err)
			} else {
				d.services = services
			}
			key := t.Key("delegated-administrator", aws.ToString(a.Id))
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(a.Arn), Name: aws.ToString(a.Name), CreatedAt: model.Time(a.DelegationEnabledDate), Details: delegatedAdminFields.Details(d)})
			t.Relate(key, "is", t.Key("account", aws.ToString(a.Id)))
		})
	return managementOnly(ctx, t, api, err, "delegated administrators")
}
