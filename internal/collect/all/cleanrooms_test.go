package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	"github.com/aws/aws-sdk-go-v2/service/cleanrooms/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cleanrooms"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var cleanroomsPaged = collecttest.Paged{Cap: 2}

var cleanroomsCreated = aws.Time(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))

func cleanroomsArn(kind, id string) *string {
	return aws.String("arn:aws:cleanrooms:eu-west-1:" + collecttest.MotoAccount + ":" + kind + "/" + id)
}

// answers can Clean Rooms, which moto lacks: two collaborations over two
// pages, a membership in the first, and tags naming each ARN.
func cleanroomsAnswers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListCollaborations": func(in any) (any, error) {
			if in.(*cleanrooms.ListCollaborationsInput).NextToken == nil {
				return &cleanrooms.ListCollaborationsOutput{NextToken: aws.String("2"), CollaborationList: []types.CollaborationSummary{{Id: aws.String("c-1"),
					Arn: cleanroomsArn("collaboration", "c-1"), Name: aws.String("ad-measurement"), CreatorAccountId: aws.String("111122223333"), CreatorDisplayName: aws.String("Agency"),
					MemberStatus: types.MemberStatusActive, CreateTime: cleanroomsCreated, AnalyticsEngine: types.AnalyticsEngineCleanRoomsSql}}}, nil
			}
			return &cleanrooms.ListCollaborationsOutput{CollaborationList: []types.CollaborationSummary{{Id: aws.String("c-2"), Arn: cleanroomsArn("collaboration", "c-2"),
				MemberStatus: types.MemberStatusInvited}}}, nil
		},
		"ListMemberships": func(any) (any, error) {
			return &cleanrooms.ListMembershipsOutput{MembershipSummaries: []types.MembershipSummary{{Id: aws.String("m-1"), Arn: cleanroomsArn("membership", "m-1"),
				CollaborationId: aws.String("c-1"), CollaborationName: aws.String("ad-measurement"), CollaborationCreatorAccountId: aws.String("111122223333"),
				Status: types.MembershipStatusActive, CreateTime: cleanroomsCreated, MemberAbilities: []types.MemberAbility{types.MemberAbilityCanQuery},
				PaymentConfiguration: &types.MembershipPaymentConfiguration{QueryCompute: &types.MembershipQueryComputePaymentConfig{IsResponsible: aws.Bool(true)}}}}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &cleanrooms.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*cleanrooms.ListTagsForResourceInput).ResourceArn)}}, nil
		},
	}
}

func TestCleanrooms(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(cleanroomsAnswers())})
	cs := cleanroomsPaged.Run(t, cfg, collector.Service, "collaboration", region)
	if cs.Err != nil || len(cs.Resources) != 2 {
		t.Fatalf("collaborations: %v, %d", cs.Err, len(cs.Resources))
	}
	c := cs.ByID()["c-1"]
	if c.Name != "ad-measurement" || c.Tags["arn"] != c.ARN || c.CreatedAt != "2026-07-01T00:00:00Z" || c.Details["creator_account_id"] != "111122223333" ||
		c.Details["member_status"] != "ACTIVE" || c.Details["analytics_engine"] != "CLEAN_ROOMS_SQL" {
		t.Errorf("c-1: %+v", c)
	}
	ms := cleanroomsPaged.Run(t, cfg, collector.Service, "membership", region)
	if ms.Err != nil || len(ms.Resources) != 1 {
		t.Fatalf("memberships: %v, %d", ms.Err, len(ms.Resources))
	}
	m := ms.ByID()["m-1"]
	if a, _ := m.Details["abilities"].([]string); m.Details["pays_for_queries"] != true || len(a) != 1 || a[0] != "CAN_QUERY" || m.Tags["arn"] != m.ARN {
		t.Errorf("m-1: %+v", m)
	}
	collecttest.HasEdges(t, ms, "m-1 -member-of-> cleanrooms/collaboration:c-1")

	for typ, op := range map[string]string{"collaboration": "ListCollaborations", "membership": "ListMemberships"} {
		denied := cleanroomsAnswers()
		denied[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
		collecttest.AssertDenied(t, cleanroomsPaged.Run(t, cfg, collector.Service, typ, region))
	}
	denied := cleanroomsAnswers()
	denied["ListTagsForResource"] = collecttest.Denied("ListTagsForResource")
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	if got := cleanroomsPaged.Run(t, cfg, collector.Service, "collaboration", region); got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("want untagged collaborations and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
