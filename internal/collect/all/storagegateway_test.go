package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sgw "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	"github.com/aws/aws-sdk-go-v2/service/storagegateway/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/storagegateway"
)

var gw = "arn:aws:storagegateway:" + region + ":" + collecttest.MotoAccount + ":gateway/sgw-12A3456B"

// estate answers as Storage Gateway would (moto has none): two gateways
// over two pages, a volume and a file share on the first; deny refuses
// operations.
func storagegatewayEstate(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"ListGateways": func(in any) (any, error) {
			if in.(*sgw.ListGatewaysInput).Marker == nil {
				return &sgw.ListGatewaysOutput{Gateways: []types.GatewayInfo{{GatewayARN: aws.String(gw), GatewayId: aws.String("sgw-12A3456B"), GatewayName: aws.String("dc1-files"),
					GatewayType: aws.String("FILE_S3"), GatewayOperationalState: aws.String("ACTIVE"), HostEnvironment: types.HostEnvironmentVmware,
					DeprecationDate: aws.String("2026-06-30T00:00:00Z")}}, Marker: aws.String("2")}, nil
			}
			return &sgw.ListGatewaysOutput{Gateways: []types.GatewayInfo{{GatewayARN: aws.String(gw + "X"), GatewayName: aws.String("old"), GatewayOperationalState: aws.String("SHUTDOWN")}}}, nil
		},
		"ListVolumes": func(any) (any, error) {
			return &sgw.ListVolumesOutput{VolumeInfos: []types.VolumeInfo{{VolumeId: aws.String("vol-1"), VolumeARN: aws.String(gw + "/volume/vol-1"), GatewayARN: aws.String(gw),
				GatewayId: aws.String("sgw-12A3456B"), VolumeType: aws.String("CACHED"), VolumeSizeInBytes: 1 << 40, VolumeAttachmentStatus: aws.String("ATTACHED")}}}, nil
		},
		"ListFileShares": func(any) (any, error) {
			return &sgw.ListFileSharesOutput{FileShareInfoList: []types.FileShareInfo{{FileShareId: aws.String("share-1"), FileShareARN: aws.String("arn:aws:storagegateway:" + region + ":" + collecttest.MotoAccount + ":share/share-1"),
				FileShareType: types.FileShareTypeSmb, FileShareStatus: aws.String("AVAILABLE"), GatewayARN: aws.String(gw)}}}, nil
		},
		"ListTapes": func(any) (any, error) {
			return &sgw.ListTapesOutput{TapeInfos: []types.TapeInfo{
				{TapeARN: aws.String("arn:aws:storagegateway:" + region + ":" + collecttest.MotoAccount + ":tape/TST001"), TapeBarcode: aws.String("TST001"),
					TapeSizeInBytes: aws.Int64(100 << 30), TapeStatus: aws.String("AVAILABLE"), GatewayARN: aws.String(gw)},
				{TapeARN: aws.String("arn:aws:storagegateway:" + region + ":" + collecttest.MotoAccount + ":tape/TST002"), TapeBarcode: aws.String("TST002"),
					TapeStatus: aws.String("ARCHIVED"), PoolId: aws.String("DEEP_ARCHIVE"), PoolEntryDate: &archived},
			}}, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &sgw.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("site"), Value: aws.String("dc1")}}}, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

func TestStoragegateway(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: storagegatewayEstate()})
	got := collecttest.Run(t, cfg, collector.Service, "gateway", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the gateways of both pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["sgw-12A3456B"]
	for k, v := range map[string]any{"gateway_type": "FILE_S3", "operational_state": "ACTIVE", "host_environment": "VMWARE", "deprecation_date": "2026-06-30T00:00:00Z"} {
		if g.Details[k] != v {
			t.Errorf("gateway details[%s] = %v, want %v", k, g.Details[k], v)
		}
	}
	if g.Name != "dc1-files" || g.Tags["site"] != "dc1" || g.ARN != gw {
		t.Errorf("gateway: %s %v %s", g.Name, g.Tags, g.ARN)
	}

	got = collecttest.Run(t, cfg, collector.Service, "volume", region)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].Details["size_bytes"] != int64(1<<40) || got.Resources[0].Details["volume_type"] != "CACHED" {
		t.Fatalf("volumes: %v %v", got.Err, got.ByID())
	}
	collecttest.HasEdges(t, got, "vol-1 -on-gateway-> storagegateway/gateway:sgw-12A3456B")

	got = collecttest.Run(t, cfg, collector.Service, "file-share", region)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].Details["share_type"] != "SMB" || got.Resources[0].Tags["site"] != "dc1" {
		t.Fatalf("file shares: %v %v", got.Err, got.ByID())
	}
	collecttest.HasEdges(t, got, "share-1 -on-gateway-> storagegateway/gateway:sgw-12A3456B")

	got = collecttest.Run(t, cfg, collector.Service, "tape", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("tapes: %v %d", got.Err, len(got.Resources))
	}
	if a := got.ByID()["TST002"]; a.Details["status"] != "ARCHIVED" || a.Details["pool_id"] != "DEEP_ARCHIVE" || a.Details["gateway_id"] != "" ||
		a.Details["pool_entry_date"] != "2025-04-01T00:00:00Z" {
		t.Errorf("TST002: %v", a.Details)
	}
	if a := got.ByID()["TST001"]; a.Details["size_bytes"] != int64(100<<30) || a.Details["gateway_id"] != "sgw-12A3456B" {
		t.Errorf("TST001: %v", a.Details)
	}
	collecttest.HasEdges(t, got, "TST001 -on-gateway-> storagegateway/gateway:sgw-12A3456B")
}

var archived = time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)

func TestStoragegatewayDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"gateway": "ListGateways", "volume": "ListVolumes", "file-share": "ListFileShares", "tape": "ListTapes"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: storagegatewayEstate(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: storagegatewayEstate("ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "volume", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("want the volume and a warning, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
