package codecommit

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codecommit"
	"github.com/aws/aws-sdk-go-v2/service/codecommit/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// template is a listed approval rule template with its content (nil when
// GetApprovalRuleTemplate failed) and the repositories it is associated
// with (nil when that listing failed).
type template struct {
	*types.ApprovalRuleTemplate
	repositories []string
}

func hasTemplate(r template) bool     { return r.ApprovalRuleTemplate != nil }
func hasRepositories(r template) bool { return r.repositories != nil }

var templateFields = collect.Fields[template]{
	collect.When(hasTemplate, collect.Text("description", "template description", func(r template) *string { return r.ApprovalRuleTemplateDescription })),
	collect.When(hasTemplate, collect.Computed("content", model.JSON, "the rule: branches it applies to, approvals needed and who may approve", func(r template) any {
		return collect.PolicyJSON(aws.ToString(r.ApprovalRuleTemplateContent))
	})),
	collect.When(hasTemplate, collect.Text("last_modified_user", "ARN of who changed the template last", func(r template) *string { return r.LastModifiedUser })),
	collect.When(hasTemplate, collect.Timestamp("last_modified", "last change", func(r template) *time.Time { return r.LastModifiedDate })),
	collect.When(hasRepositories, collect.Computed("repositories", model.JSON, "repositories whose new pull requests get the rule", func(r template) any {
		return r.repositories
	})),
}

// templates lists approval rule templates and reads each one's content and
// associated repositories. AWS gives templates no ARN and no tags.
func templates(ctx context.Context, t *collect.Task) error {
	api := codecommit.NewFromConfig(t.Config)
	p := codecommit.NewListApprovalRuleTemplatesPaginator(api, &codecommit.ListApprovalRuleTemplatesInput{MaxResults: t.PageSize(100)})
	names := func(page *codecommit.ListApprovalRuleTemplatesOutput) []string { return page.ApprovalRuleTemplateNames }
	return collect.EachItem(ctx, p, names, func(ctx context.Context, name string) {
		var r template
		out, err := api.GetApprovalRuleTemplate(ctx, &codecommit.GetApprovalRuleTemplateInput{ApprovalRuleTemplateName: aws.String(name)})
		t.Warn("GetApprovalRuleTemplate", err)
		if err == nil {
			r.ApprovalRuleTemplate = out.ApprovalRuleTemplate
		}
		repos := codecommit.NewListRepositoriesForApprovalRuleTemplatePaginator(api, &codecommit.ListRepositoriesForApprovalRuleTemplateInput{
			ApprovalRuleTemplateName: aws.String(name), MaxResults: t.PageSize(100)})
		all := []string{}
		err = collect.EachPage(ctx, repos, func(page *codecommit.ListRepositoriesForApprovalRuleTemplateOutput) error {
			all = append(all, page.RepositoryNames...)
			return nil
		})
		t.Warn("ListRepositoriesForApprovalRuleTemplate", err)
		if err == nil {
			r.repositories = all
		}
		key := t.Key("approval-rule-template", name)
		res := &model.Resource{Key: key, Name: name, Details: templateFields.Details(r)}
		if r.ApprovalRuleTemplate != nil {
			res.CreatedAt = model.Time(r.CreationDate)
		}
		t.Emit(res)
		for _, repo := range r.repositories {
			t.Relate(key, "applies-to", t.Key("repository", repo))
		}
	})
}
