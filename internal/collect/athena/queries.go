package athena

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/athena/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// eachWorkgroup runs fn on the name of every workgroup, one at a time:
// named queries and prepared statements are listed per workgroup. The
// first error fn returns stops it, else it returns the listing's.
func eachWorkgroup(ctx context.Context, t *collect.Task, api *athena.Client, fn func(workgroup string) error) error {
	list, err := workgroupList(ctx, t, api)
	for _, w := range list {
		if err := fn(aws.ToString(w.Name)); err != nil {
			return err
		}
	}
	return err
}

var namedQueryFields = collect.Fields[*types.NamedQuery]{
	collect.Text("workgroup", "workgroup the query is saved in", func(q *types.NamedQuery) *string { return q.WorkGroup }),
	collect.Text("database", "database the query runs against", func(q *types.NamedQuery) *string { return q.Database }),
	collect.Text("description", "query description", func(q *types.NamedQuery) *string { return q.Description }),
	collect.Computed("query_length", model.Integer, "length of the SQL text in bytes (the text is not stored)", func(q *types.NamedQuery) any {
		return int64(len(aws.ToString(q.QueryString)))
	}),
}

// namedQueries lists the saved queries of every workgroup and reads each
// with GetNamedQuery. Saved queries have no ARN and no tags.
func namedQueries(ctx context.Context, t *collect.Task) error {
	api := athena.NewFromConfig(t.Config)
	return eachWorkgroup(ctx, t, api, func(workgroup string) error {
		p := athena.NewListNamedQueriesPaginator(api, &athena.ListNamedQueriesInput{WorkGroup: aws.String(workgroup), MaxResults: t.PageSize(50)})
		return collect.EachItem(ctx, p, func(page *athena.ListNamedQueriesOutput) []string { return page.NamedQueryIds },
			func(ctx context.Context, id string) {
				r := &model.Resource{Key: t.Key("named-query", id)}
				out, err := api.GetNamedQuery(ctx, &athena.GetNamedQueryInput{NamedQueryId: aws.String(id)})
				t.Warn("GetNamedQuery", err)
				if err == nil && out.NamedQuery != nil {
					r.Name, r.Details = aws.ToString(out.NamedQuery.Name), namedQueryFields.Details(out.NamedQuery)
				}
				t.Relate(r.Key, "in-workgroup", t.Key("workgroup", workgroup))
				t.Emit(r)
			})
	})
}

// statement is a prepared statement with its workgroup.
type statement struct {
	workgroup string
	types.PreparedStatementSummary
}

var preparedStatementFields = collect.Fields[statement]{
	collect.Computed("workgroup", model.Text, "workgroup the statement belongs to", func(s statement) any { return s.workgroup }),
	collect.Timestamp("last_modified", "last change of the statement", func(s statement) *time.Time { return s.LastModifiedTime }),
}

func preparedStatements(ctx context.Context, t *collect.Task) error {
	api := athena.NewFromConfig(t.Config)
	return eachWorkgroup(ctx, t, api, func(workgroup string) error {
		p := athena.NewListPreparedStatementsPaginator(api, &athena.ListPreparedStatementsInput{WorkGroup: aws.String(workgroup), MaxResults: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *athena.ListPreparedStatementsOutput) error {
			for _, s := range page.PreparedStatements {
				name := aws.ToString(s.StatementName)
				r := &model.Resource{Key: t.Key("prepared-statement", workgroup+"/"+name), Name: name, Details: preparedStatementFields.Details(statement{workgroup, s})}
				t.Relate(r.Key, "in-workgroup", t.Key("workgroup", workgroup))
				t.Emit(r)
			}
			return nil
		})
	})
}

var capacityReservationFields = collect.Fields[types.CapacityReservation]{
	collect.Enum("status", "PENDING, ACTIVE, CANCELLING, CANCELLED, FAILED or UPDATE_PENDING", func(c types.CapacityReservation) types.CapacityReservationStatus { return c.Status }),
	collect.Int("target_dpus", "DPUs requested (billed per DPU hour)", func(c types.CapacityReservation) *int32 { return c.TargetDpus }),
	collect.Int("allocated_dpus", "DPUs allocated", func(c types.CapacityReservation) *int32 { return c.AllocatedDpus }),
	collect.Timestamp("last_allocation", "last successful allocation", func(c types.CapacityReservation) *time.Time { return c.LastSuccessfulAllocationTime }),
}

func capacityReservations(ctx context.Context, t *collect.Task) error {
	api := athena.NewFromConfig(t.Config)
	p := athena.NewListCapacityReservationsPaginator(api, &athena.ListCapacityReservationsInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *athena.ListCapacityReservationsOutput) []types.CapacityReservation {
		return page.CapacityReservations
	},
		func(ctx context.Context, c types.CapacityReservation) {
			name := aws.ToString(c.Name)
			arn := collect.ARN(t, "athena", "", "capacity-reservation/"+name)
			t.Emit(&model.Resource{Key: t.Key("capacity-reservation", name), Name: name, ARN: arn, CreatedAt: model.Time(c.CreationTime),
				Details: capacityReservationFields.Details(c), Tags: tags(ctx, t, api, arn)})
		})
}
