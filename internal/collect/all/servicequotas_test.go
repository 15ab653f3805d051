package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/servicequotas"
)

// moto lacks the request history: canned, three requests over two pages.
func TestServicequotasQuotaChangeRequests(t *testing.T) {
	collecttest.Require(t)
	created := time.Date(2026, 6, 6, 0, 0, 0, 0, time.UTC)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListRequestedServiceQuotaChangeHistory": func(in any) (any, error) {
			var all []types.RequestedServiceQuotaChange
			for i, status := range []types.RequestStatus{types.RequestStatusApproved, types.RequestStatusCaseOpened, types.RequestStatusDenied} {
				all = append(all, types.RequestedServiceQuotaChange{Id: aws.String(fmt.Sprint("req-", i)), ServiceCode: aws.String("ec2"), QuotaCode: aws.String("L-1216C47A"),
					QuotaName: aws.String("Running On-Demand Standard instances"), DesiredValue: aws.Float64(512), Unit: aws.String("None"), Status: status, Created: &created,
					QuotaArn: aws.String("arn:aws:servicequotas:" + region + ":" + collecttest.MotoAccount + ":ec2/L-1216C47A"), CaseId: aws.String(fmt.Sprint("case-", i))})
			}
			page, next := collecttest.Page(all, in.(*servicequotas.ListRequestedServiceQuotaChangeHistoryInput).NextToken, 2)
			return &servicequotas.ListRequestedServiceQuotaChangeHistoryOutput{RequestedQuotas: page, NextToken: next}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "quota-change-request", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("requests: %v, %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["req-1"]
	if r.Name != "Running On-Demand Standard instances" || r.CreatedAt != "2026-06-06T00:00:00Z" || r.Details["status"] != "CASE_OPENED" ||
		r.Details["desired_value"] != 512.0 || r.Details["quota_code"] != "L-1216C47A" || r.Details["case_id"] != "case-1" || r.ARN == "" {
		t.Errorf("request: %+v", r)
	}

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListRequestedServiceQuotaChangeHistory": collecttest.Denied("ListRequestedServiceQuotaChangeHistory")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "quota-change-request", region))
}
