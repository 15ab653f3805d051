// Package location collects Amazon Location Service resources: maps, place
// indexes, route calculators, trackers, geofence collections and API keys.
// An API key's value is never read: keys are listed, never described
// (DescribeKey answers the key itself).
package location

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/location"
	"github.com/aws/aws-sdk-go-v2/service/location/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amazon Location Service collector.
var Service = &collect.Service{
	Name:        "location",
	Description: "Amazon Location Service maps, place indexes, route calculators, trackers, geofence collections and API keys",
	Types: []collect.Type{
		{Name: "map", Description: "map resource (id = map name), with its data provider and style",
			Fields: mapFields.Declared(), Tags: collect.TagsListed, Collect: maps, DetailCalls: 1},
		{Name: "place-index", Description: "place index for geocoding and place search (id = index name)",
			Fields: placeIndexFields.Declared(), Tags: collect.TagsListed, Collect: placeIndexes, DetailCalls: 1},
		{Name: "route-calculator", Description: "route calculator (id = calculator name)",
			Fields: routeCalculatorFields.Declared(), Tags: collect.TagsListed, Collect: routeCalculators, DetailCalls: 1},
		{Name: "tracker", Description: "device position tracker (id = tracker name), with its encryption and the geofence collections it feeds",
			Fields: trackerFields.Declared(), Tags: collect.TagsListed, Collect: trackers, DetailCalls: 2},
		{Name: "geofence-collection", Description: "geofence collection (id = collection name), with its encryption",
			Fields: geofenceCollectionFields.Declared(), Tags: collect.TagsListed, Collect: geofenceCollections, DetailCalls: 1},
		{Name: "api-key", Description: "API key (id = key name) and what it allows; the key value is never read",
			Fields: apiKeyFields.Declared(), Tags: collect.TagsPerResource, Collect: apiKeys, DetailCalls: 1},
	},
	Calls: "map: ListMaps + per map DescribeMap. place-index: ListPlaceIndexes + per index DescribePlaceIndex. " +
		"route-calculator: ListRouteCalculators + per calculator DescribeRouteCalculator. " +
		"tracker: ListTrackers + per tracker DescribeTracker and ListTrackerConsumers. " +
		"geofence-collection: ListGeofenceCollections + per collection DescribeGeofenceCollection. " +
		"api-key: ListKeys + per key ListTagsForResource",
	Relations: []collect.Relation{
		{From: "tracker", Kind: "encrypted-with", To: "kms/key"},
		{From: "tracker", Kind: "feeds", To: "location/geofence-collection"},
		{From: "geofence-collection", Kind: "encrypted-with", To: "kms/key"},
	},
}

func client(t *collect.Task) *location.Client { return location.NewFromConfig(t.Config) }

// arn is the ARN of a resource of the task's type: the listings do not
// return ARNs, and AWS builds them from the name after the type's name
// (arn:aws:geo:REGION:ACCOUNT:place-index/NAME), which awsmap's type names repeat.
func arn(t *collect.Task, name string) string { return collect.ARN(t, "geo", "", t.Type+"/"+name) }

// described pages through a listing and describes each item it lists. A
// failed describe is a warning and the item is still emitted, with what the
// listing said (listed turns a list entry into a describe answer); one gone
// in between is skipped.
func described[Out, E, D any](ctx context.Context, t *collect.Task, p collect.Pager[location.Options, Out], items func(*Out) []E,
	operation string, describe func(context.Context, E) (*D, error), listed func(E) *D, emit func(context.Context, *D)) error {
	return collect.EachItem(ctx, p, items, func(ctx context.Context, e E) {
		d, err := describe(ctx, e)
		switch {
		case awsx.IsNotFound(err):
			return
		case err != nil:
			t.Warn(operation, err)
			d = listed(e)
		}
		emit(ctx, d)
	})
}

// emit emits one described resource of the task's type.
func emit(t *collect.Task, name string, created *time.Time, tags map[string]string, details map[string]any) model.Key {
	key := t.Key(t.Type, name)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: arn(t, name), CreatedAt: model.Time(created), Tags: tags, Details: details})
	return key
}

var mapFields = collect.Fields[*location.DescribeMapOutput]{
	collect.Text("data_source", "data provider of the map (Esri, HERE, Grab, OpenData)", func(m *location.DescribeMapOutput) *string { return m.DataSource }),
	collect.Computed("style", model.Text, "map style, e.g. VectorEsriNavigation", func(m *location.DescribeMapOutput) any {
		if m.Configuration == nil {
			return ""
		}
		return aws.ToString(m.Configuration.Style)
	}),
	collect.Text("description", "description given at creation", func(m *location.DescribeMapOutput) *string { return m.Description }),
	collect.Timestamp("updated", "last change", func(m *location.DescribeMapOutput) *time.Time { return m.UpdateTime }),
}

func maps(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := location.NewListMapsPaginator(api, &location.ListMapsInput{MaxResults: t.PageSize(100)})
	return described(ctx, t, p, func(o *location.ListMapsOutput) []types.ListMapsResponseEntry { return o.Entries }, "DescribeMap",
		func(ctx context.Context, e types.ListMapsResponseEntry) (*location.DescribeMapOutput, error) {
			return api.DescribeMap(ctx, &location.DescribeMapInput{MapName: e.MapName})
		},
		func(e types.ListMapsResponseEntry) *location.DescribeMapOutput {
			return &location.DescribeMapOutput{MapName: e.MapName, DataSource: e.DataSource, Description: e.Description, CreateTime: e.CreateTime, UpdateTime: e.UpdateTime}
		},
		func(_ context.Context, m *location.DescribeMapOutput) {
			emit(t, aws.ToString(m.MapName), m.CreateTime, m.Tags, mapFields.Details(m))
		})
}

var placeIndexFields = collect.Fields[*location.DescribePlaceIndexOutput]{
	collect.Text("data_source", "data provider of the index (Esri, HERE, Grab)", func(i *location.DescribePlaceIndexOutput) *string { return i.DataSource }),
	collect.Enum("intended_use", "SingleUse, or Storage: results may be stored, a higher price", func(i *location.DescribePlaceIndexOutput) types.IntendedUse {
		if i.DataSourceConfiguration == nil {
			return ""
		}
		return i.DataSourceConfiguration.IntendedUse
	}),
	collect.Text("description", "description given at creation", func(i *location.DescribePlaceIndexOutput) *string { return i.Description }),
	collect.Timestamp("updated", "last change", func(i *location.DescribePlaceIndexOutput) *time.Time { return i.UpdateTime }),
}

func placeIndexes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := location.NewListPlaceIndexesPaginator(api, &location.ListPlaceIndexesInput{MaxResults: t.PageSize(100)})
	return described(ctx, t, p, func(o *location.ListPlaceIndexesOutput) []types.ListPlaceIndexesResponseEntry { return o.Entries }, "DescribePlaceIndex",
		func(ctx context.Context, e types.ListPlaceIndexesResponseEntry) (*location.DescribePlaceIndexOutput, error) {
			return api.DescribePlaceIndex(ctx, &location.DescribePlaceIndexInput{IndexName: e.IndexName})
		},
		func(e types.ListPlaceIndexesResponseEntry) *location.DescribePlaceIndexOutput {
			return &location.DescribePlaceIndexOutput{IndexName: e.IndexName, DataSource: e.DataSource, Description: e.Description, CreateTime: e.CreateTime, UpdateTime: e.UpdateTime}
		},
		func(_ context.Context, i *location.DescribePlaceIndexOutput) {
			emit(t, aws.ToString(i.IndexName), i.CreateTime, i.Tags, placeIndexFields.Details(i))
		})
}

var routeCalculatorFields = collect.Fields[*location.DescribeRouteCalculatorOutput]{
	collect.Text("data_source", "data provider of the calculator (Esri, HERE, Grab)", func(c *location.DescribeRouteCalculatorOutput) *string { return c.DataSource }),
	collect.Text("description", "description given at creation", func(c *location.DescribeRouteCalculatorOutput) *string { return c.Description }),
	collect.Timestamp("updated", "last change", func(c *location.DescribeRouteCalculatorOutput) *time.Time { return c.UpdateTime }),
}

func routeCalculators(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := location.NewListRouteCalculatorsPaginator(api, &location.ListRouteCalculatorsInput{MaxResults: t.PageSize(100)})
	return described(ctx, t, p, func(o *location.ListRouteCalculatorsOutput) []types.ListRouteCalculatorsResponseEntry {
		return o.Entries
	},
		"DescribeRouteCalculator",
		func(ctx context.Context, e types.ListRouteCalculatorsResponseEntry) (*location.DescribeRouteCalculatorOutput, error) {
			return api.DescribeRouteCalculator(ctx, &location.DescribeRouteCalculatorInput{CalculatorName: e.CalculatorName})
		},
		func(e types.ListRouteCalculatorsResponseEntry) *location.DescribeRouteCalculatorOutput {
			return &location.DescribeRouteCalculatorOutput{CalculatorName: e.CalculatorName, DataSource: e.DataSource, Description: e.Description,
				CreateTime: e.CreateTime, UpdateTime: e.UpdateTime}
		},
		func(_ context.Context, c *location.DescribeRouteCalculatorOutput) {
			emit(t, aws.ToString(c.CalculatorName), c.CreateTime, c.Tags, routeCalculatorFields.Details(c))
		})
}

var trackerFields = collect.Fields[*location.DescribeTrackerOutput]{
	collect.Text("kms_key_id", "customer managed KMS key encrypting positions; empty: an AWS owned key", func(r *location.DescribeTrackerOutput) *string { return r.KmsKeyId }),
	collect.Enum("position_filtering", "TimeBased, DistanceBased or AccuracyBased", func(r *location.DescribeTrackerOutput) types.PositionFiltering { return r.PositionFiltering }),
	collect.Bool("eventbridge_enabled", "position updates are sent to EventBridge", func(r *location.DescribeTrackerOutput) *bool { return r.EventBridgeEnabled }),
	collect.Text("description", "description given at creation", func(r *location.DescribeTrackerOutput) *string { return r.Description }),
	collect.Timestamp("updated", "last change", func(r *location.DescribeTrackerOutput) *time.Time { return r.UpdateTime }),
}

func trackers(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := location.NewListTrackersPaginator(api, &location.ListTrackersInput{MaxResults: t.PageSize(100)})
	return described(ctx, t, p, func(o *location.ListTrackersOutput) []types.ListTrackersResponseEntry { return o.Entries }, "DescribeTracker",
		func(ctx context.Context, e types.ListTrackersResponseEntry) (*location.DescribeTrackerOutput, error) {
			return api.DescribeTracker(ctx, &location.DescribeTrackerInput{TrackerName: e.TrackerName})
		},
		func(e types.ListTrackersResponseEntry) *location.DescribeTrackerOutput {
			return &location.DescribeTrackerOutput{TrackerName: e.TrackerName, Description: e.Description, CreateTime: e.CreateTime, UpdateTime: e.UpdateTime}
		},
		func(ctx context.Context, r *location.DescribeTrackerOutput) {
			key := emit(t, aws.ToString(r.TrackerName), r.CreateTime, r.Tags, trackerFields.Details(r))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(r.KmsKeyId)))
			consumers := location.NewListTrackerConsumersPaginator(api, &location.ListTrackerConsumersInput{TrackerName: r.TrackerName, MaxResults: t.PageSize(100)})
			t.Warn("ListTrackerConsumers", collect.EachPage(ctx, consumers, func(page *location.ListTrackerConsumersOutput) error {
				for _, c := range page.ConsumerArns {
					t.Relate(key, "feeds", t.Key("geofence-collection", collect.ARNResourceName(c)))
				}
				return nil
			}))
		})
}

var geofenceCollectionFields = collect.Fields[*location.DescribeGeofenceCollectionOutput]{
	collect.Text("kms_key_id", "customer managed KMS key encrypting geofences; empty: an AWS owned key", func(c *location.DescribeGeofenceCollectionOutput) *string { return c.KmsKeyId }),
	collect.Int("geofence_count", "geofences in the collection", func(c *location.DescribeGeofenceCollectionOutput) *int32 { return c.GeofenceCount }),
	collect.Text("description", "description given at creation", func(c *location.DescribeGeofenceCollectionOutput) *string { return c.Description }),
	collect.Timestamp("updated", "last change", func(c *location.DescribeGeofenceCollectionOutput) *time.Time { return c.UpdateTime }),
}

func geofenceCollections(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := location.NewListGeofenceCollectionsPaginator(api, &location.ListGeofenceCollectionsInput{MaxResults: t.PageSize(100)})
	return described(ctx, t, p, func(o *location.ListGeofenceCollectionsOutput) []types.ListGeofenceCollectionsResponseEntry {
		return o.Entries
	},
		"DescribeGeofenceCollection",
		func(ctx context.Context, e types.ListGeofenceCollectionsResponseEntry) (*location.DescribeGeofenceCollectionOutput, error) {
			return api.DescribeGeofenceCollection(ctx, &location.DescribeGeofenceCollectionInput{CollectionName: e.CollectionName})
		},
		func(e types.ListGeofenceCollectionsResponseEntry) *location.DescribeGeofenceCollectionOutput {
			return &location.DescribeGeofenceCollectionOutput{CollectionName: e.CollectionName, Description: e.Description, CreateTime: e.CreateTime, UpdateTime: e.UpdateTime}
		},
		func(_ context.Context, c *location.DescribeGeofenceCollectionOutput) {
			key := emit(t, aws.ToString(c.CollectionName), c.CreateTime, c.Tags, geofenceCollectionFields.Details(c))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KmsKeyId)))
		})
}

// restriction reads one list of an API key's restrictions ([] when none).
func restriction(get func(*types.ApiKeyRestrictions) []string) func(types.ListKeysResponseEntry) any {
	return func(k types.ListKeysResponseEntry) any {
		if k.Restrictions == nil {
			return []string{}
		}
		return append([]string{}, get(k.Restrictions)...)
	}
}

var apiKeyFields = collect.Fields[types.ListKeysResponseEntry]{
	collect.Computed("allow_actions", model.JSON, "actions the key allows, e.g. geo:GetMap*", restriction(func(r *types.ApiKeyRestrictions) []string { return r.AllowActions })),
	collect.Computed("allow_resources", model.JSON, "resource ARNs the key allows; * allows every resource", restriction(func(r *types.ApiKeyRestrictions) []string { return r.AllowResources })),
	collect.Computed("allow_referers", model.JSON, "HTTP referers the key is restricted to; empty: any website may use it",
		restriction(func(r *types.ApiKeyRestrictions) []string { return r.AllowReferers })),
	collect.Computed("allow_app_count", model.Integer, "Android and Apple apps the key is restricted to", func(k types.ListKeysResponseEntry) any {
		if k.Restrictions == nil {
			return int64(0)
		}
		return int64(len(k.Restrictions.AllowAndroidApps) + len(k.Restrictions.AllowAppleApps))
	}),
	collect.Timestamp("expires", "when the key stops working", func(k types.ListKeysResponseEntry) *time.Time { return k.ExpireTime }),
	collect.Text("description", "description given at creation", func(k types.ListKeysResponseEntry) *string { return k.Description }),
	collect.Timestamp("updated", "last change", func(k types.ListKeysResponseEntry) *time.Time { return k.UpdateTime }),
}

func apiKeys(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := location.NewListKeysPaginator(api, &location.ListKeysInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(o *location.ListKeysOutput) []types.ListKeysResponseEntry { return o.Entries },
		func(ctx context.Context, k types.ListKeysResponseEntry) {
			name := aws.ToString(k.KeyName)
			res := &model.Resource{Key: t.Key("api-key", name), Name: name, ARN: arn(t, name), CreatedAt: model.Time(k.CreateTime),
				Details: apiKeyFields.Details(k)}
			tags, err := api.ListTagsForResource(ctx, &location.ListTagsForResourceInput{ResourceArn: aws.String(res.ARN)})
			if t.Warn("ListTagsForResource", err); err == nil {
				res.Tags = tags.Tags
			}
			t.Emit(res)
		})
}
