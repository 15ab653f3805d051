package events

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsarn "github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// busKey is the key of the bus an event bus ARN names (arn:...:event-bus/NAME).
func busKey(t *collect.Task, arn *string) model.Key {
	return t.Key("bus", collect.ARNResourceName(aws.ToString(arn)))
}

var archiveFields = collect.Fields[types.Archive]{
	collect.Enum("state", "ENABLED, DISABLED, CREATING, UPDATING, CREATE_FAILED or UPDATE_FAILED", func(a types.Archive) types.ArchiveState { return a.State }),
	collect.Text("event_source_arn", "ARN of the bus whose events are archived", func(a types.Archive) *string { return a.EventSourceArn }),
	collect.Int("retention_days", "days events are kept; 0: forever", func(a types.Archive) *int32 { return a.RetentionDays }),
	collect.Computed("size_bytes", model.Integer, "size of the archived events in bytes (billed storage)", func(a types.Archive) any { return a.SizeBytes }),
	collect.Computed("event_count", model.Integer, "number of archived events", func(a types.Archive) any { return a.EventCount }),
	collect.Text("state_reason", "why the archive is in its state", func(a types.Archive) *string { return a.StateReason }),
}

func archives(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := pages(ctx, func(ctx context.Context, token *string) ([]types.Archive, *string, error) {
		out, err := api.ListArchives(ctx, &eventbridge.ListArchivesInput{NextToken: token, Limit: t.PageSize(maxLimit)})
		if err != nil {
			return nil, nil, err
		}
		return out.Archives, out.NextToken, nil
	})
	if err != nil {
		return err
	}
	for _, a := range all {
		name := aws.ToString(a.ArchiveName)
		r := &model.Resource{Key: t.Key("archive", name), Name: name, ARN: collect.ARN(t, "events", "", "archive/"+name),
			CreatedAt: model.Time(a.CreationTime), Details: archiveFields.Details(a)}
		t.Relate(r.Key, "archives", busKey(t, a.EventSourceArn))
		t.Emit(r)
	}
	return nil
}

// connectionName is the name in a connection ARN (arn:...:connection/NAME/UUID).
func connectionName(arn string) string {
	_, rest, _ := strings.Cut(arn, ":connection/")
	name, _, _ := strings.Cut(rest, "/")
	return name
}

var connectionFields = collect.Fields[types.Connection]{
	collect.Enum("authorization_type", "BASIC, OAUTH_CLIENT_CREDENTIALS or API_KEY (the credentials are in Secrets Manager and never read)",
		func(c types.Connection) types.ConnectionAuthorizationType { return c.AuthorizationType }),
	collect.Enum("state", "AUTHORIZED, DEAUTHORIZED, AUTHORIZING, ... ", func(c types.Connection) types.ConnectionState { return c.ConnectionState }),
	collect.Text("state_reason", "why the connection is in its state", func(c types.Connection) *string { return c.StateReason }),
	collect.Timestamp("last_authorized", "last successful authorization", func(c types.Connection) *time.Time { return c.LastAuthorizedTime }),
}

func connections(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := pages(ctx, func(ctx context.Context, token *string) ([]types.Connection, *string, error) {
		out, err := api.ListConnections(ctx, &eventbridge.ListConnectionsInput{NextToken: token, Limit: t.PageSize(maxLimit)})
		if err != nil {
			return nil, nil, err
		}
		return out.Connections, out.NextToken, nil
	})
	if err != nil {
		return err
	}
	for _, c := range all {
		name := aws.ToString(c.Name)
		t.Emit(&model.Resource{Key: t.Key("connection", name), Name: name, ARN: aws.ToString(c.ConnectionArn),
			CreatedAt: model.Time(c.CreationTime), Details: connectionFields.Details(c)})
	}
	return nil
}

var apiDestinationFields = collect.Fields[types.ApiDestination]{
	collect.Enum("state", "ACTIVE or INACTIVE", func(d types.ApiDestination) types.ApiDestinationState { return d.ApiDestinationState }),
	collect.Text("invocation_endpoint", "HTTP endpoint events are sent to", func(d types.ApiDestination) *string { return d.InvocationEndpoint }),
	collect.Enum("http_method", "HTTP method of the calls", func(d types.ApiDestination) types.ApiDestinationHttpMethod { return d.HttpMethod }),
	collect.Int("rate_limit_per_second", "maximum invocations per second", func(d types.ApiDestination) *int32 { return d.InvocationRateLimitPerSecond }),
	collect.Text("connection_arn", "connection holding the endpoint's credentials", func(d types.ApiDestination) *string { return d.ConnectionArn }),
}

func apiDestinations(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := pages(ctx, func(ctx context.Context, token *string) ([]types.ApiDestination, *string, error) {
		out, err := api.ListApiDestinations(ctx, &eventbridge.ListApiDestinationsInput{NextToken: token, Limit: t.PageSize(maxLimit)})
		if err != nil {
			return nil, nil, err
		}
		return out.ApiDestinations, out.NextToken, nil
	})
	if err != nil {
		return err
	}
	for _, d := range all {
		name := aws.ToString(d.Name)
		r := &model.Resource{Key: t.Key("api-destination", name), Name: name, ARN: aws.ToString(d.ApiDestinationArn),
			CreatedAt: model.Time(d.CreationTime), Details: apiDestinationFields.Details(d)}
		t.Relate(r.Key, "uses-connection", t.Key("connection", connectionName(aws.ToString(d.ConnectionArn))))
		t.Emit(r)
	}
	return nil
}

var endpointFields = collect.Fields[types.Endpoint]{
	collect.Enum("state", "ACTIVE, CREATING, UPDATING, DELETING, CREATE_FAILED, ...", func(e types.Endpoint) types.EndpointState { return e.State }),
	collect.Text("endpoint_url", "URL events are put to", func(e types.Endpoint) *string { return e.EndpointUrl }),
	collect.Text("description", "endpoint description", func(e types.Endpoint) *string { return e.Description }),
	collect.Computed("replication", model.Boolean, "events are replicated to the secondary region's bus", func(e types.Endpoint) any {
		return e.ReplicationConfig != nil && e.ReplicationConfig.State == types.ReplicationStateEnabled
	}),
	collect.Computed("event_bus_arns", model.JSON, "the primary and secondary buses (in two regions)", func(e types.Endpoint) any {
		out := make([]string, len(e.EventBuses))
		for i, b := range e.EventBuses {
			out[i] = aws.ToString(b.EventBusArn)
		}
		return out
	}),
	collect.Text("role_arn", "IAM role used for replication", func(e types.Endpoint) *string { return e.RoleArn }),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := pages(ctx, func(ctx context.Context, token *string) ([]types.Endpoint, *string, error) {
		out, err := api.ListEndpoints(ctx, &eventbridge.ListEndpointsInput{NextToken: token, MaxResults: t.PageSize(maxLimit)})
		if err != nil {
			return nil, nil, err
		}
		return out.Endpoints, out.NextToken, nil
	})
	if err != nil {
		return err
	}
	for _, e := range all {
		name := aws.ToString(e.Name)
		r := &model.Resource{Key: t.Key("endpoint", name), Name: name, ARN: aws.ToString(e.Arn), CreatedAt: model.Time(e.CreationTime), Details: endpointFields.Details(e)}
		for _, b := range e.EventBuses {
			if a, err := awsarn.Parse(aws.ToString(b.EventBusArn)); err == nil {
				t.Relate(r.Key, "routes-to", model.Key{Account: a.AccountID, Region: a.Region, Service: "events", Type: "bus", ID: collect.ARNResourceName(a.Resource)})
			}
		}
		t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(e.RoleArn)))
		t.Emit(r)
	}
	return nil
}
