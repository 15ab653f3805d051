// Package rekognition collects Amazon Rekognition face collections.
package rekognition

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Rekognition collector.
var Service = &collect.Service{
	Name:        "rekognition",
	Description: "Rekognition face collections",
	Types: []collect.Type{
		{Name: "collection", Description: "Rekognition face collection (id = collection id): indexed faces are biometric data",
			Fields: collectionFields.Declared(), Tags: collect.TagsPerResource, Collect: collections, DetailCalls: 2},
	},
	Calls: "collection: ListCollections + per collection DescribeCollection, ListTagsForResource",
}

var collectionFields = collect.Fields[*rekognition.DescribeCollectionOutput]{
	collect.Int("face_count", "faces indexed in the collection", func(c *rekognition.DescribeCollectionOutput) *int64 { return c.FaceCount }),
	collect.Int("user_count", "users (grouped faces) in the collection", func(c *rekognition.DescribeCollectionOutput) *int64 { return c.UserCount }),
	collect.Text("face_model_version", "version of the face model that indexed the faces", func(c *rekognition.DescribeCollectionOutput) *string { return c.FaceModelVersion }),
}

func collections(ctx context.Context, t *collect.Task) error {
	api := rekognition.NewFromConfig(t.Config)
	p := rekognition.NewListCollectionsPaginator(api, &rekognition.ListCollectionsInput{MaxResults: t.PageSize(4096)})
	return collect.EachItem(ctx, p, func(page *rekognition.ListCollectionsOutput) []string { return page.CollectionIds },
		func(ctx context.Context, id string) {
			r := &model.Resource{Key: t.Key("collection", id), Name: id, ARN: collect.ARN(t, "rekognition", "", "collection/"+id)}
			if c, err := api.DescribeCollection(ctx, &rekognition.DescribeCollectionInput{CollectionId: aws.String(id)}); err != nil {
				t.Warn("DescribeCollection", err)
			} else {
				r.Details, r.CreatedAt = collectionFields.Details(c), model.Time(c.CreationTimestamp)
			}
			if out, err := api.ListTagsForResource(ctx, &rekognition.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = out.Tags
			}
			t.Emit(r)
		})
}
