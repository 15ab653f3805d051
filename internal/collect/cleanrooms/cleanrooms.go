// Package cleanrooms collects AWS Clean Rooms collaborations and the
// account's memberships in them.
package cleanrooms

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	"github.com/aws/aws-sdk-go-v2/service/cleanrooms/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Clean Rooms collector.
var Service = &collect.Service{
	Name:        "cleanrooms",
	Description: "AWS Clean Rooms collaborations and memberships",
	Types: []collect.Type{
		{Name: "collaboration", Description: "Clean Rooms collaboration the account created or was invited to (id = collaboration id)",
			Fields: collaborationFields.Declared(), Tags: collect.TagsPerResource, Collect: collaborations, DetailCalls: 1},
		{Name: "membership", Description: "the account's membership in a collaboration (id = membership id): what it may do and pay for",
			Fields: membershipFields.Declared(), Tags: collect.TagsPerResource, Collect: memberships, DetailCalls: 1},
	},
	Calls: "collaboration: ListCollaborations + per collaboration ListTagsForResource. membership: ListMemberships + per membership ListTagsForResource",
	Relations: []collect.Relation{
		{From: "membership", Kind: "member-of", To: "cleanrooms/collaboration"},
	},
}

// tagsOf reads a resource's tags; a failure is a warning (tags unknown).
func tagsOf(ctx context.Context, t *collect.Task, api *cleanrooms.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &cleanrooms.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err != nil {
		return nil
	}
	return out.Tags
}

var collaborationFields = collect.Fields[types.CollaborationSummary]{
	collect.Text("creator_account_id", "account that created the collaboration", func(c types.CollaborationSummary) *string { return c.CreatorAccountId }),
	collect.Text("creator_name", "display name of the creator", func(c types.CollaborationSummary) *string { return c.CreatorDisplayName }),
	collect.Enum("member_status", "the account's status: INVITED, ACTIVE, LEFT or REMOVED", func(c types.CollaborationSummary) types.MemberStatus { return c.MemberStatus }),
	collect.Enum("analytics_engine", "SPARK or CLEAN_ROOMS_SQL", func(c types.CollaborationSummary) types.AnalyticsEngine { return c.AnalyticsEngine }),
	collect.Timestamp("updated", "last change", func(c types.CollaborationSummary) *time.Time { return c.UpdateTime }),
}

func collaborations(ctx context.Context, t *collect.Task) error {
	api := cleanrooms.NewFromConfig(t.Config)
	p := cleanrooms.NewListCollaborationsPaginator(api, &cleanrooms.ListCollaborationsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *cleanrooms.ListCollaborationsOutput) []types.CollaborationSummary {
		return page.CollaborationList
	},
		func(ctx context.Context, c types.CollaborationSummary) {
			id := aws.ToString(c.Id)
			t.Emit(&model.Resource{Key: t.Key("collaboration", id), Name: aws.ToString(c.Name), ARN: aws.ToString(c.Arn), CreatedAt: model.Time(c.CreateTime),
				Details: collaborationFields.Details(c), Tags: tagsOf(ctx, t, api, c.Arn)})
		})
}

var membershipFields = collect.Fields[types.MembershipSummary]{
	collect.Text("collaboration_name", "name of the collaboration", func(m types.MembershipSummary) *string { return m.CollaborationName }),
	collect.Text("collaboration_creator_account_id", "account that created the collaboration (may be another company)", func(m types.MembershipSummary) *string {
		return m.CollaborationCreatorAccountId
	}),
	collect.Enum("status", "ACTIVE, REMOVED or COLLABORATION_DELETED", func(m types.MembershipSummary) types.MembershipStatus { return m.Status }),
	collect.Computed("abilities", model.JSON, "what the account may do: CAN_QUERY, CAN_RECEIVE_RESULTS, CAN_RUN_JOB", func(m types.MembershipSummary) any {
		return collect.Values(m.MemberAbilities)
	}),
	collect.Computed("pays_for_queries", model.Boolean, "the account pays for the collaboration's queries", func(m types.MembershipSummary) any {
		p := m.PaymentConfiguration
		return p != nil && p.QueryCompute != nil && aws.ToBool(p.QueryCompute.IsResponsible)
	}),
}

func memberships(ctx context.Context, t *collect.Task) error {
	api := cleanrooms.NewFromConfig(t.Config)
	p := cleanrooms.NewListMembershipsPaginator(api, &cleanrooms.ListMembershipsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *cleanrooms.ListMembershipsOutput) []types.MembershipSummary {
		return page.MembershipSummaries
	},
		func(ctx context.Context, m types.MembershipSummary) {
			id := aws.ToString(m.Id)
			r := &model.Resource{Key: t.Key("membership", id), Name: aws.ToString(m.CollaborationName), ARN: aws.ToString(m.Arn), CreatedAt: model.Time(m.CreateTime),
				Details: membershipFields.Details(m), Tags: tagsOf(ctx, t, api, m.Arn)}
			t.Relate(r.Key, "member-of", t.Key("collaboration", aws.ToString(m.CollaborationId)))
			t.Emit(r)
		})
}
