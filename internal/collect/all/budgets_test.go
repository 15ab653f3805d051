package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/budgets"
	"github.com/aws/aws-sdk-go-v2/service/budgets/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/budgets"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/model"
)

const budgetsAccount = collecttest.MotoAccount

// canned answers what moto lacks: budget tags (each budget is tagged with
// its ARN) and budget actions, over two pages.
var budgetsCanned = map[string]func(any) (any, error){
	"ListTagsForResource": func(in any) (any, error) {
		return &budgets.ListTagsForResourceOutput{ResourceTags: []types.ResourceTag{{Key: aws.String("arn"), Value: in.(*budgets.ListTagsForResourceInput).ResourceARN}}}, nil
	},
	"DescribeBudgetActionsForAccount": func(in any) (any, error) {
		all := []types.Action{{ActionId: aws.String("act-1"), BudgetName: aws.String("monthly"), ActionType: types.ActionTypeIam, ApprovalModel: types.ApprovalModelAuto,
			Status: types.ActionStatusStandby, NotificationType: types.NotificationTypeActual,
			ActionThreshold:  &types.ActionThreshold{ActionThresholdType: types.ThresholdTypePercentage, ActionThresholdValue: 90},
			ExecutionRoleArn: aws.String("arn:aws:iam::" + budgetsAccount + ":role/budget-actions")}}
		for i := range 2 {
			all = append(all, types.Action{ActionId: aws.String(fmt.Sprint("act-x", i)), BudgetName: aws.String("b0"), ActionType: types.ActionTypeScp})
		}
		page, next := collecttest.Page(all, in.(*budgets.DescribeBudgetActionsForAccountInput).NextToken, 2)
		return &budgets.DescribeBudgetActionsForAccountOutput{Actions: page, NextToken: next}, nil
	},
}

func createBudgets(t *testing.T, api *budgets.Client) {
	t.Helper()
	ctx := context.Background()
	for i := range 3 {
		if _, err := api.CreateBudget(ctx, &budgets.CreateBudgetInput{AccountId: aws.String(budgetsAccount), Budget: &types.Budget{BudgetName: aws.String(fmt.Sprint("b", i)),
			BudgetType: types.BudgetTypeUsage, TimeUnit: types.TimeUnitDaily, BudgetLimit: &types.Spend{Amount: aws.String("5"), Unit: aws.String("GB")}}}); err != nil {
			t.Fatal(err)
		}
	}
	notification := func(threshold float64) types.NotificationWithSubscribers {
		return types.NotificationWithSubscribers{Notification: &types.Notification{NotificationType: types.NotificationTypeActual,
			ComparisonOperator: types.ComparisonOperatorGreaterThan, Threshold: threshold, ThresholdType: types.ThresholdTypePercentage},
			Subscribers: []types.Subscriber{{SubscriptionType: types.SubscriptionTypeEmail, Address: aws.String("finops@example.com")}}}
	}
	if _, err := api.CreateBudget(ctx, &budgets.CreateBudgetInput{AccountId: aws.String(budgetsAccount), Budget: &types.Budget{BudgetName: aws.String("monthly"),
		BudgetType: types.BudgetTypeCost, TimeUnit: types.TimeUnitMonthly, BudgetLimit: &types.Spend{Amount: aws.String("1000.0"), Unit: aws.String("USD")},
	},
		NotificationsWithSubscribers: []types.NotificationWithSubscribers{notification(80), notification(100)}}); err != nil {
		t.Fatal(err)
	}
}

func TestBudgets(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(budgetsCanned)})
	createBudgets(t, budgets.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "budget", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 4 {
		t.Fatalf("budgets: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	b := got.ByID()["monthly"]
	want := map[string]any{"budget_type": "COST", "time_unit": "MONTHLY", "limit": 1000.0, "unit": "USD", "notification_count": int64(2), "actual_spend": 0.0, "over_limit": false}
	for k, v := range want {
		if b.Details[k] != v {
			t.Errorf("monthly details[%s] = %v (%T), want %v", k, b.Details[k], b.Details[k], v)
		}
	}
	if b.ARN != "arn:aws:budgets::"+budgetsAccount+":budget/monthly" || b.Tags["arn"] != b.ARN || b.Details["filtered"] != false {
		t.Errorf("monthly: %+v", b)
	}
	if d := got.ByID()["b1"].Details; d["notification_count"] != int64(0) || d["unit"] != "GB" || d["limit"] != 5.0 {
		t.Errorf("b1: %v", d)
	}

	got = collecttest.Run(t, cfg, collector.Service, "budget-action", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("actions: %v, %d", got.Err, len(got.Resources))
	}
	a := got.ByID()["act-1"]
	if a.Details["action_type"] != "APPLY_IAM_POLICY" || a.Details["threshold"] != 90.0 || a.Details["threshold_type"] != "PERCENTAGE" ||
		a.Details["approval_model"] != "AUTOMATIC" || a.ARN != "arn:aws:budgets::"+budgetsAccount+":budget/monthly/action/act-1" {
		t.Errorf("action: %+v", a)
	}
	collecttest.HasEdges(t, got, "act-1 -of-> budgets/budget:monthly", "act-1 -assumes-role-> iam/role:budget-actions", "act-x1 -of-> budgets/budget:b0")
}

func TestBudgetsDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"budget": "DescribeBudgets", "budget-action": "DescribeBudgetActionsForAccount"} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion))
	}
	createBudgets(t, budgets.NewFromConfig(collecttest.Config(t, "us-east-1", nil)))
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListTagsForResource": budgetsCanned["ListTagsForResource"], "DescribeNotificationsForBudget": collecttest.Denied("DescribeNotificationsForBudget")})})
	got := collecttest.Run(t, cfg, collector.Service, "budget", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 4 || len(got.Task.Warnings()) != 4 {
		t.Fatalf("want budgets with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["monthly"].Details["notification_count"]; known {
		t.Errorf("alerts are unknown: %v", got.ByID()["monthly"].Details)
	}
}
