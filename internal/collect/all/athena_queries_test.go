package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/athena/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/athena"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func TestAthenaNamedQueries(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := athena.NewFromConfig(cfg)
	createWorkgroups(t, api)
	ids := map[string]string{}
	for i := range 7 {
		wg := "primary"
		if i%2 == 1 {
			wg = "bi1"
		}
		out, err := api.CreateNamedQuery(context.Background(), &athena.CreateNamedQueryInput{Name: aws.String(fmt.Sprintf("report%d", i)), Database: aws.String("sales"),
			QueryString: aws.String("SELECT * FROM orders"), WorkGroup: aws.String(wg), Description: aws.String("monthly")})
		if err != nil {
			t.Fatal(err)
		}
		ids[fmt.Sprintf("report%d", i)] = aws.ToString(out.NamedQueryId)
	}
	got := collecttest.Run(t, cfg, collector.Service, "named-query", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("named queries: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	q := got.ByID()[ids["report3"]]
	for k, v := range map[string]any{"workgroup": "bi1", "database": "sales", "description": "monthly", "query_length": int64(20)} {
		if q.Details[k] != v {
			t.Errorf("report3 details[%s] = %v, want %v", k, q.Details[k], v)
		}
	}
	if q.Name != "report3" {
		t.Errorf("name %q", q.Name)
	}
	collecttest.HasEdges(t, got, ids["report3"]+" -in-workgroup-> athena/workgroup:bi1", ids["report0"]+" -in-workgroup-> athena/workgroup:primary")

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetNamedQuery")})
	got = collecttest.Run(t, cfg, collector.Service, "named-query", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.Task.Warnings()) != 7 {
		t.Fatalf("want queries without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListNamedQueries")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "named-query", region))
}

// Moto has no ListPreparedStatements: it is canned, one statement per
// workgroup moto lists.
func TestAthenaPreparedStatements(t *testing.T) {
	collecttest.Setup(t)
	modified := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListPreparedStatements": func(in any) (any, error) {
			wg := aws.ToString(in.(*athena.ListPreparedStatementsInput).WorkGroup)
			return &athena.ListPreparedStatementsOutput{PreparedStatements: []types.PreparedStatementSummary{
				{StatementName: aws.String("by_day_" + wg), LastModifiedTime: aws.Time(modified)}}}, nil
		},
	})})
	createWorkgroups(t, athena.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "prepared-statement", region)
	if got.Err != nil || len(got.Resources) != 7 { // six workgroups and primary
		t.Fatalf("prepared statements: %v, %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["bi4/by_day_bi4"]
	if s == nil || s.Name != "by_day_bi4" || s.Details["workgroup"] != "bi4" || s.Details["last_modified"] != "2026-06-01T00:00:00Z" {
		t.Fatalf("bi4 statement: %+v", s)
	}
	collecttest.HasEdges(t, got, "bi4/by_day_bi4 -in-workgroup-> athena/workgroup:bi4")
}

func TestAthenaCapacityReservations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := athena.NewFromConfig(cfg)
	for i := range 3 {
		if _, err := api.CreateCapacityReservation(context.Background(), &athena.CreateCapacityReservationInput{Name: aws.String(fmt.Sprintf("cap%d", i)),
			TargetDpus: aws.Int32(24), Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "capacity-reservation", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("capacity reservations: %v, %d", got.Err, len(got.Resources))
	}
	c := got.ByID()["cap2"]
	if c.Details["target_dpus"] != int64(24) || c.ARN != "arn:aws:athena:eu-west-1:"+account+":capacity-reservation/cap2" || c.Tags["n"] != "2" {
		t.Errorf("cap2: %s %v %v", c.ARN, c.Tags, c.Details)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListCapacityReservations")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "capacity-reservation", region))
}
