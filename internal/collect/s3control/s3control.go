// Package s3control collects the S3 account-level resources of a region:
// access points, Storage Lens configurations, and (in us-west-2, their
// control-plane region) Multi-Region Access Points.
package s3control

import (
	"context"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/s3control/types"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the S3 Control collector.
var Service = &collect.Service{
	Name:        "s3control",
	Description: "S3 access points, Multi-Region Access Points and Storage Lens configurations",
	Types: []collect.Type{
		{Name: "access-point", Description: "S3 access point (id = name): network origin and public access block", Fields: accessPointFields.Declared(),
			Tags: collect.TagsPerResource, Collect: accessPoints, DetailCalls: 2},
		{Name: "multi-region-access-point", Description: "S3 Multi-Region Access Point (id = name), stored in us-west-2, where AWS manages them all",
			Fields: mrapFields.Declared(), Tags: collect.NotTaggable, Collect: multiRegionAccessPoints},
		{Name: "storage-lens-configuration", Description: "S3 Storage Lens configuration (id = configuration id), in its home region",
			Fields: lensFields.Declared(), Tags: collect.TagsPerResource, Collect: storageLens, DetailCalls: 1},
	},
	Calls: "access-point: ListAccessPoints + per access point GetAccessPoint, ListTagsForResource. " +
		"multi-region-access-point: ListMultiRegionAccessPoints, in us-west-2 only. storage-lens-configuration: ListStorageLensConfigurations + per configuration GetStorageLensConfigurationTagging",
	Relations: []collect.Relation{
		{From: "access-point", Kind: "opens", To: "s3/bucket"},
		{From: "access-point", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "multi-region-access-point", Kind: "opens", To: "s3/bucket"},
	},
}

// accessPoint is a listed access point with what GetAccessPoint says of
// it (nil when it could not be read).
type accessPoint struct {
	types.AccessPoint
	got *s3control.GetAccessPointOutput
}

// blockFields are the four public access block settings, read from what
// pab returns; known false leaves them out (the settings could not be read).
func blockFields[T any](pab func(T) (p *types.PublicAccessBlockConfiguration, known bool)) collect.Fields[T] {
	field := func(name, description string, get func(types.PublicAccessBlockConfiguration) *bool) collect.Field[T] {
		return collect.Computed(name, model.Boolean, description, func(v T) any {
			p, known := pab(v)
			switch {
			case !known:
				return nil
			case p == nil:
				return false
			}
			return aws.ToBool(get(*p))
		})
	}
	return collect.Fields[T]{
		field("block_public_acls", "public access block: new public ACLs are refused", func(p types.PublicAccessBlockConfiguration) *bool { return p.BlockPublicAcls }),
		field("ignore_public_acls", "public access block: public ACLs are ignored", func(p types.PublicAccessBlockConfiguration) *bool { return p.IgnorePublicAcls }),
		field("block_public_policy", "public access block: public policies are refused", func(p types.PublicAccessBlockConfiguration) *bool { return p.BlockPublicPolicy }),
		field("restrict_public_buckets", "public access block: public policies only admit AWS services and the owner", func(p types.PublicAccessBlockConfiguration) *bool {
			return p.RestrictPublicBuckets
		}),
	}
}

var accessPointFields = append(collect.Fields[accessPoint]{
	collect.Text("bucket", "bucket the access point opens", func(a accessPoint) *string { return a.Bucket }),
	collect.Text("bucket_account_id", "account owning the bucket (may be another)", func(a accessPoint) *string { return a.BucketAccountId }),
	collect.Enum("network_origin", "Internet or VPC: where requests may come from", func(a accessPoint) types.NetworkOrigin { return a.NetworkOrigin }),
	collect.Computed("vpc_id", model.Text, "VPC of a VPC-only access point", func(a accessPoint) any { return vpcID(a) }),
	collect.Text("alias", "alias usable as a bucket name", func(a accessPoint) *string { return a.Alias }),
}, blockFields(func(a accessPoint) (*types.PublicAccessBlockConfiguration, bool) {
	if a.got == nil {
		return nil, false
	}
	return a.got.PublicAccessBlockConfiguration, true
})...)

// client is the S3 Control client. Its endpoint rules put the account id
// in front of the host name; against an emulator (Local) the endpoint is
// taken as given.
func client(t *collect.Task) *s3control.Client {
	return s3control.NewFromConfig(t.Config, func(o *s3control.Options) {
		if t.Local && o.BaseEndpoint != nil {
			o.EndpointResolverV2 = fixedEndpoint(*o.BaseEndpoint)
		}
	})
}

// fixedEndpoint resolves every operation to one URL.
type fixedEndpoint string

func (e fixedEndpoint) ResolveEndpoint(context.Context, s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(string(e))
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

func vpcID(a accessPoint) string {
	if a.VpcConfiguration == nil {
		return ""
	}
	return aws.ToString(a.VpcConfiguration.VpcId)
}

func accessPoints(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := s3control.NewListAccessPointsPaginator(api, &s3control.ListAccessPointsInput{AccountId: aws.String(t.Account), MaxResults: *t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *s3control.ListAccessPointsOutput) []types.AccessPoint { return page.AccessPointList },
		func(ctx context.Context, ap types.AccessPoint) {
			name := aws.ToString(ap.Name)
			key := t.Key("access-point", name)
			arn := aws.ToString(ap.AccessPointArn)
			if arn == "" {
				arn = collect.ARN(t, "s3", "", "accesspoint/"+name)
			}
			item := accessPoint{AccessPoint: ap}
			r := &model.Resource{Key: key, ARN: arn, Name: name}
			out, err := api.GetAccessPoint(ctx, &s3control.GetAccessPointInput{AccountId: aws.String(t.Account), Name: ap.Name})
			t.Warn("GetAccessPoint", err)
			if err == nil {
				item.got, r.CreatedAt = out, model.Time(out.CreationDate)
			}
			r.Details = accessPointFields.Details(item)
			tags, err := api.ListTagsForResource(ctx, &s3control.ListTagsForResourceInput{AccountId: aws.String(t.Account), ResourceArn: aws.String(arn)})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = collect.TagMap(tags.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
			t.RelateByName(key, "opens", "s3", "bucket", aws.ToString(ap.Bucket), t.Region)
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", vpcID(item)))
		})
}

// mrapRegion is the only region whose S3 Control endpoint manages
// Multi-Region Access Points (of the aws partition: others have none).
const mrapRegion = "us-west-2"

// mrapBucket is one entry of a Multi-Region Access Point's regions field.
type mrapBucket struct {
	Region  string `json:"region"`
	Bucket  string `json:"bucket"`
	Account string `json:"bucket_account_id,omitempty"`
}

var mrapFields = append(collect.Fields[types.MultiRegionAccessPointReport]{
	collect.Enum("status", "READY, INCONSISTENT_ACROSS_REGIONS, CREATING, PARTIALLY_CREATED, PARTIALLY_DELETED, DELETING",
		func(m types.MultiRegionAccessPointReport) types.MultiRegionAccessPointStatus { return m.Status }),
	collect.Text("alias", "alias (....mrap) the ARN is built on", func(m types.MultiRegionAccessPointReport) *string { return m.Alias }),
	collect.Computed("regions", model.JSON, "buckets behind it: [{region, bucket, bucket_account_id}]", func(m types.MultiRegionAccessPointReport) any {
		out := []mrapBucket{}
		for _, r := range m.Regions {
			out = append(out, mrapBucket{Region: aws.ToString(r.Region), Bucket: aws.ToString(r.Bucket), Account: aws.ToString(r.BucketAccountId)})
		}
		return out
	}),
}, blockFields(func(m types.MultiRegionAccessPointReport) (*types.PublicAccessBlockConfiguration, bool) {
	return m.PublicAccessBlock, true
})...)

// multiRegionAccessPoints: listed by the us-west-2 task; the other
// regions have none to list.
func multiRegionAccessPoints(ctx context.Context, t *collect.Task) error {
	if t.Region != mrapRegion {
		return nil
	}
	api := client(t)
	p := s3control.NewListMultiRegionAccessPointsPaginator(api, &s3control.ListMultiRegionAccessPointsInput{AccountId: aws.String(t.Account), MaxResults: *t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *s3control.ListMultiRegionAccessPointsOutput) error {
		for _, m := range page.AccessPoints {
			name := aws.ToString(m.Name)
			key := t.Key("multi-region-access-point", name)
			t.Emit(&model.Resource{Key: key, ARN: "arn:" + t.Partition() + ":s3::" + t.Account + ":accesspoint/" + aws.ToString(m.Alias), Name: name,
				CreatedAt: model.Time(m.CreatedAt), Details: mrapFields.Details(m)})
			for _, r := range m.Regions {
				t.RelateByName(key, "opens", "s3", "bucket", aws.ToString(r.Bucket), aws.ToString(r.Region))
			}
		}
		return nil
	})
}

var lensFields = collect.Fields[types.ListStorageLensConfigurationEntry]{
	collect.Computed("enabled", model.Boolean, "the dashboard is collecting metrics", func(l types.ListStorageLensConfigurationEntry) any { return l.IsEnabled }),
	collect.Text("home_region", "region the configuration lives in", func(l types.ListStorageLensConfigurationEntry) *string { return l.HomeRegion }),
}

// storageLens: a configuration is listed from every region; it is stored
// in its home region only.
func storageLens(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := s3control.NewListStorageLensConfigurationsPaginator(api, &s3control.ListStorageLensConfigurationsInput{AccountId: aws.String(t.Account)})
	return collect.EachItem(ctx, p, func(page *s3control.ListStorageLensConfigurationsOutput) []types.ListStorageLensConfigurationEntry {
		return page.StorageLensConfigurationList
	}, func(ctx context.Context, l types.ListStorageLensConfigurationEntry) {
		if home := aws.ToString(l.HomeRegion); home != "" && home != t.Region {
			return
		}
		id := aws.ToString(l.Id)
		r := &model.Resource{Key: t.Key("storage-lens-configuration", id), ARN: aws.ToString(l.StorageLensArn), Name: id, Details: lensFields.Details(l)}
		out, err := api.GetStorageLensConfigurationTagging(ctx, &s3control.GetStorageLensConfigurationTaggingInput{AccountId: aws.String(t.Account), ConfigId: l.Id})
		t.Warn("GetStorageLensConfigurationTagging", err)
		if err == nil {
			r.Tags = collect.TagMap(out.Tags, func(tg types.StorageLensTag) (*string, *string) { return tg.Key, tg.Value })
		}
		t.Emit(r)
	})
}
