// Package budgets collects AWS Budgets budgets (limit, actual and
// forecast spend, alerts) and budget actions: account-wide (global).
package budgets

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/budgets"
	"github.com/aws/aws-sdk-go-v2/service/budgets/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Budgets collector.
var Service = &collect.Service{
	Name:        "budgets",
	Description: "AWS Budgets budgets and budget actions",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "budget", Description: "cost, usage, RI or Savings Plans budget (id = name), with its limit, spend so far and forecast",
			Fields: budgetFields.Declared(), Tags: collect.TagsPerResource, Collect: budgetList, DetailCalls: 2},
		{Name: "budget-action", Description: "action a budget runs past a threshold: apply an IAM policy or SCP, or stop instances (id = action id)",
			Fields: actionFields.Declared(), Tags: collect.NotTaggable, Collect: actions},
	},
	Calls: "budget: DescribeBudgets + per budget DescribeNotificationsForBudget, ListTagsForResource. budget-action: DescribeBudgetActionsForAccount",
	Relations: []collect.Relation{
		{From: "budget-action", Kind: "of", To: "budgets/budget"},
		{From: "budget-action", Kind: "assumes-role", To: "iam/role"},
	},
}

// amount is a spend amount as a number; nil (left out) when absent.
func amount(s *types.Spend) any {
	if s == nil {
		return nil
	}
	f, err := strconv.ParseFloat(aws.ToString(s.Amount), 64)
	if err != nil {
		return nil
	}
	return f
}

func spend(b types.Budget) types.CalculatedSpend {
	if b.CalculatedSpend == nil {
		return types.CalculatedSpend{}
	}
	return *b.CalculatedSpend
}

// budget is a budget with its number of alerts (-1: unknown).
type budget struct {
	types.Budget
	notifications int
}

func hasNotifications(b budget) bool { return b.notifications >= 0 }

var budgetFields = collect.Fields[budget]{
	collect.Enum("budget_type", "COST, USAGE, RI_UTILIZATION, RI_COVERAGE, SAVINGS_PLANS_UTILIZATION or SAVINGS_PLANS_COVERAGE", func(b budget) types.BudgetType { return b.BudgetType }),
	collect.Enum("time_unit", "period the limit applies to: DAILY, MONTHLY, QUARTERLY, ANNUALLY, CUSTOM", func(b budget) types.TimeUnit { return b.TimeUnit }),
	collect.Computed("limit", model.Real, "budgeted amount per period", func(b budget) any { return amount(b.BudgetLimit) }),
	collect.Computed("unit", model.Text, "unit of the amounts: USD, GB, ...", func(b budget) any {
		if b.BudgetLimit == nil {
			return ""
		}
		return aws.ToString(b.BudgetLimit.Unit)
	}),
	collect.Computed("actual_spend", model.Real, "spend so far in the current period", func(b budget) any { return amount(spend(b.Budget).ActualSpend) }),
	collect.Computed("forecasted_spend", model.Real, "forecast spend for the period", func(b budget) any { return amount(spend(b.Budget).ForecastedSpend) }),
	collect.Computed("over_limit", model.Boolean, "actual spend exceeds the limit", func(b budget) any {
		limit, actual := amount(b.BudgetLimit), amount(spend(b.Budget).ActualSpend)
		if limit == nil || actual == nil {
			return nil
		}
		return actual.(float64) > limit.(float64)
	}),
	collect.Computed("filtered", model.Boolean, "a filter expression limits what the budget counts; false: every cost of the account", func(b budget) any {
		return b.FilterExpression != nil
	}),
	collect.When(hasNotifications, collect.Computed("notification_count", model.Integer, "alerts set on the budget; absent when unknown", func(b budget) any {
		return int64(b.notifications)
	})),
	collect.Timestamp("last_updated", "last change", func(b budget) *time.Time { return b.LastUpdatedTime }),
}

func budgetList(ctx context.Context, t *collect.Task) error {
	api := budgets.NewFromConfig(t.Config)
	p := budgets.NewDescribeBudgetsPaginator(api, &budgets.DescribeBudgetsInput{AccountId: aws.String(t.Account), MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *budgets.DescribeBudgetsOutput) []types.Budget { return page.Budgets },
		func(ctx context.Context, b types.Budget) {
			name := aws.ToString(b.BudgetName)
			arn := collect.ARN(t, "budgets", "", "budget/"+name)
			r := &model.Resource{Key: t.Key("budget", name), Name: name, ARN: arn}
			alerts := 0
			np := budgets.NewDescribeNotificationsForBudgetPaginator(api, &budgets.DescribeNotificationsForBudgetInput{AccountId: aws.String(t.Account),
				BudgetName: b.BudgetName, MaxResults: t.PageSize(100)})
			err := collect.EachPage(ctx, np, func(page *budgets.DescribeNotificationsForBudgetOutput) error {
				alerts += len(page.Notifications)
				return nil
			})
			t.Warn("DescribeNotificationsForBudget", err)
			if err != nil {
				alerts = -1
			}
			r.Details = budgetFields.Details(budget{Budget: b, notifications: alerts})
			out, err := api.ListTagsForResource(ctx, &budgets.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = collect.TagMap(out.ResourceTags, func(tg types.ResourceTag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}

var actionFields = collect.Fields[types.Action]{
	collect.Text("budget", "budget the action belongs to", func(a types.Action) *string { return a.BudgetName }),
	collect.Enum("action_type", "APPLY_IAM_POLICY, APPLY_SCP_POLICY or RUN_SSM_DOCUMENTS", func(a types.Action) types.ActionType { return a.ActionType }),
	collect.Enum("approval_model", "AUTOMATIC or MANUAL", func(a types.Action) types.ApprovalModel { return a.ApprovalModel }),
	collect.Enum("status", "STANDBY, PENDING, EXECUTION_SUCCESS, ...", func(a types.Action) types.ActionStatus { return a.Status }),
	collect.Enum("notification_type", "ACTUAL or FORECASTED spend triggers it", func(a types.Action) types.NotificationType { return a.NotificationType }),
	collect.Computed("threshold", model.Real, "threshold value", func(a types.Action) any {
		if a.ActionThreshold == nil {
			return nil
		}
		return a.ActionThreshold.ActionThresholdValue
	}),
	collect.Computed("threshold_type", model.Text, "PERCENTAGE or ABSOLUTE_VALUE", func(a types.Action) any {
		if a.ActionThreshold == nil {
			return ""
		}
		return string(a.ActionThreshold.ActionThresholdType)
	}),
	collect.Text("execution_role_arn", "role the action runs with", func(a types.Action) *string { return a.ExecutionRoleArn }),
}

func actions(ctx context.Context, t *collect.Task) error {
	p := budgets.NewDescribeBudgetActionsForAccountPaginator(budgets.NewFromConfig(t.Config),
		&budgets.DescribeBudgetActionsForAccountInput{AccountId: aws.String(t.Account), MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *budgets.DescribeBudgetActionsForAccountOutput) error {
		for _, a := range page.Actions {
			id, budgetName := aws.ToString(a.ActionId), aws.ToString(a.BudgetName)
			key := t.Key("budget-action", id)
			t.Emit(&model.Resource{Key: key, Name: budgetName + ":" + string(a.ActionType),
				ARN: collect.ARN(t, "budgets", "", "budget/"+budgetName+"/action/"+id), Details: actionFields.Details(a)})
			t.Relate(key, "of", t.Key("budget", budgetName))
			if role := aws.ToString(a.ExecutionRoleArn); role != "" {
				t.Relate(key, "assumes-role", t.Role(role))
			}
		}
		return nil
	})
}
