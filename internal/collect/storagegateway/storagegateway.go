// Package storagegateway collects Storage Gateway gateways, their volumes,
// file shares and virtual tapes.
package storagegateway

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sgw "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	"github.com/aws/aws-sdk-go-v2/service/storagegateway/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Storage Gateway collector.
var Service = &collect.Service{
	Name:        "storagegateway",
	Description: "Storage Gateway gateways, volumes, file shares and virtual tapes",
	Types: []collect.Type{
		{Name: "gateway", Description: "storage gateway (id = sgw-...)", Fields: gatewayFields.Declared(), Tags: collect.TagsPerResource, Collect: gateways, DetailCalls: 1},
		{Name: "volume", Description: "cached or stored iSCSI volume (id = vol-...)", Fields: volumeFields.Declared(), Tags: collect.TagsPerResource, Collect: volumes, DetailCalls: 1},
		{Name: "file-share", Description: "NFS or SMB file share (id = share-...)", Fields: fileShareFields.Declared(), Tags: collect.TagsPerResource, Collect: fileShares, DetailCalls: 1},
		{Name: "tape", Description: "virtual tape of a tape gateway, in its library or archived (id = barcode)", Fields: tapeFields.Declared(),
			Tags: collect.TagsPerResource, Collect: tapes, DetailCalls: 1},
	},
	Calls: "gateway, volume, file-share: List* (every gateway's at once) + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "volume", Kind: "on-gateway", To: "storagegateway/gateway"},
		{From: "file-share", Kind: "on-gateway", To: "storagegateway/gateway"},
		{From: "tape", Kind: "on-gateway", To: "storagegateway/gateway"},
	},
}

// emitTagged pages through r's tags, then emits it; a failure is a warning.
func emitTagged(ctx context.Context, t *collect.Task, api *sgw.Client, r *model.Resource) {
	r.Tags = map[string]string{}
	p := sgw.NewListTagsForResourcePaginator(api, &sgw.ListTagsForResourceInput{ResourceARN: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *sgw.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			r.Tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	t.Emit(r)
}

// gatewayID is the id at the end of a gateway ARN.
func gatewayID(arn *string) string { return collect.ARNResourceName(aws.ToString(arn)) }

var gatewayFields = collect.Fields[types.GatewayInfo]{
	collect.Text("gateway_type", "STORED, CACHED, VTL, FILE_S3, FILE_FSX_SMB, ...", func(g types.GatewayInfo) *string { return g.GatewayType }),
	collect.Text("operational_state", "ACTIVE or SHUTDOWN", func(g types.GatewayInfo) *string { return g.GatewayOperationalState }),
	collect.Enum("host_environment", "VMWARE, HYPER-V, EC2, KVM, SNOWBALL or OTHER", func(g types.GatewayInfo) types.HostEnvironment { return g.HostEnvironment }),
	collect.Text("software_version", "gateway software version", func(g types.GatewayInfo) *string { return g.SoftwareVersion }),
	collect.Computed("deprecation_date", model.Timestamp, "when the gateway's software stops being supported", func(g types.GatewayInfo) any { return collect.TimeText(g.DeprecationDate) }),
}

func gateways(ctx context.Context, t *collect.Task) error {
	api := sgw.NewFromConfig(t.Config)
	p := sgw.NewListGatewaysPaginator(api, &sgw.ListGatewaysInput{Limit: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sgw.ListGatewaysOutput) []types.GatewayInfo { return page.Gateways }, func(ctx context.Context, g types.GatewayInfo) {
		emitTagged(ctx, t, api, &model.Resource{Key: t.Key("gateway", gatewayID(g.GatewayARN)), ARN: aws.ToString(g.GatewayARN), Name: aws.ToString(g.GatewayName),
			Details: gatewayFields.Details(g)})
	})
}

var volumeFields = collect.Fields[types.VolumeInfo]{
	collect.Text("volume_type", "CACHED or STORED", func(v types.VolumeInfo) *string { return v.VolumeType }),
	collect.Computed("size_bytes", model.Integer, "size of the volume", func(v types.VolumeInfo) any { return v.VolumeSizeInBytes }),
	collect.Text("attachment_status", "ATTACHED, ATTACHING, DETACHED or DETACHING", func(v types.VolumeInfo) *string { return v.VolumeAttachmentStatus }),
	collect.Text("gateway_id", "gateway serving the volume", func(v types.VolumeInfo) *string { return v.GatewayId }),
}

func volumes(ctx context.Context, t *collect.Task) error {
	api := sgw.NewFromConfig(t.Config)
	p := sgw.NewListVolumesPaginator(api, &sgw.ListVolumesInput{Limit: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sgw.ListVolumesOutput) []types.VolumeInfo { return page.VolumeInfos }, func(ctx context.Context, v types.VolumeInfo) {
		id := aws.ToString(v.VolumeId)
		key := t.Key("volume", id)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(v.VolumeARN), Name: id, Details: volumeFields.Details(v)})
		t.Relate(key, "on-gateway", t.Key("gateway", gatewayID(v.GatewayARN)))
	})
}

var fileShareFields = collect.Fields[types.FileShareInfo]{
	collect.Enum("share_type", "NFS or SMB", func(f types.FileShareInfo) types.FileShareType { return f.FileShareType }),
	collect.Text("status", "CREATING, UPDATING, AVAILABLE or DELETING", func(f types.FileShareInfo) *string { return f.FileShareStatus }),
	collect.Computed("gateway_id", model.Text, "gateway serving the share", func(f types.FileShareInfo) any { return gatewayID(f.GatewayARN) }),
}

func fileShares(ctx context.Context, t *collect.Task) error {
	api := sgw.NewFromConfig(t.Config)
	p := sgw.NewListFileSharesPaginator(api, &sgw.ListFileSharesInput{Limit: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sgw.ListFileSharesOutput) []types.FileShareInfo { return page.FileShareInfoList },
		func(ctx context.Context, f types.FileShareInfo) {
			id := aws.ToString(f.FileShareId)
			key := t.Key("file-share", id)
			emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(f.FileShareARN), Name: id, Details: fileShareFields.Details(f)})
			t.Relate(key, "on-gateway", t.Key("gateway", gatewayID(f.GatewayARN)))
		})
}

var tapeFields = collect.Fields[types.TapeInfo]{
	collect.Text("status", "AVAILABLE, IN TRANSIT TO VTS, ARCHIVED, RETRIEVED, ...", func(tp types.TapeInfo) *string { return tp.TapeStatus }),
	collect.Int("size_bytes", "size of the tape", func(tp types.TapeInfo) *int64 { return tp.TapeSizeInBytes }),
	collect.Text("pool_id", "tape pool (GLACIER, DEEP_ARCHIVE or a custom pool)", func(tp types.TapeInfo) *string { return tp.PoolId }),
	collect.Timestamp("pool_entry_date", "when the tape was archived into its pool", func(tp types.TapeInfo) *time.Time { return tp.PoolEntryDate }),
	collect.Timestamp("retention_start_date", "when the pool's retention lock started for the tape", func(tp types.TapeInfo) *time.Time { return tp.RetentionStartDate }),
	collect.Computed("gateway_id", model.Text, "gateway of the tape; empty when archived", func(tp types.TapeInfo) any { return gatewayID(tp.GatewayARN) }),
}

// tapes: ListTapes lists the tapes of every tape gateway and the archive.
func tapes(ctx context.Context, t *collect.Task) error {
	api := sgw.NewFromConfig(t.Config)
	p := sgw.NewListTapesPaginator(api, &sgw.ListTapesInput{Limit: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sgw.ListTapesOutput) []types.TapeInfo { return page.TapeInfos }, func(ctx context.Context, tp types.TapeInfo) {
		barcode := aws.ToString(tp.TapeBarcode)
		key := t.Key("tape", barcode)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(tp.TapeARN), Name: barcode, Details: tapeFields.Details(tp)})
		t.Relate(key, "on-gateway", t.Key("gateway", gatewayID(tp.GatewayARN)))
	})
}
