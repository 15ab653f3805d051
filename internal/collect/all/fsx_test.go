package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fsx"
	"github.com/aws/aws-sdk-go-v2/service/fsx/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/fsx"
)

var fsxKmsKey = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"

func fsxName(n string) []types.Tag {
	return []types.Tag{{Key: aws.String("Name"), Value: aws.String(n)}}
}

// seed makes a Windows file system and five Lustre ones, with a backup of each.
func fsxSeed(t *testing.T, cfg aws.Config) (testvpc.Network, []string) {
	t.Helper()
	ctx := context.Background()
	api := fsx.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.5.0.0/16", "fsx", testvpc.Subnet{CIDR: "10.5.1.0/24"})
	var ids []string
	for i := range 6 {
		in := &fsx.CreateFileSystemInput{FileSystemType: types.FileSystemTypeLustre, StorageCapacity: aws.Int32(1200), SubnetIds: n.Subnets,
			StorageType: types.StorageTypeSsd, Tags: fsxName(fmt.Sprintf("scratch-%d", i)),
			LustreConfiguration: &types.CreateFileSystemLustreConfiguration{DeploymentType: types.LustreDeploymentTypePersistent2, PerUnitStorageThroughput: aws.Int32(250)}}
		if i == 0 {
			in = &fsx.CreateFileSystemInput{FileSystemType: types.FileSystemTypeWindows, StorageCapacity: aws.Int32(32), SubnetIds: n.Subnets,
				StorageType: types.StorageTypeSsd, KmsKeyId: aws.String(fsxKmsKey), Tags: fsxName("shares"),
				WindowsConfiguration: &types.CreateFileSystemWindowsConfiguration{ThroughputCapacity: aws.Int32(32), DeploymentType: types.WindowsDeploymentTypeSingleAz2,
					AutomaticBackupRetentionDays: aws.Int32(30)}}
		}
		fs, err := api.CreateFileSystem(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, aws.ToString(fs.FileSystem.FileSystemId))
		if _, err := api.CreateBackup(ctx, &fsx.CreateBackupInput{FileSystemId: fs.FileSystem.FileSystemId, Tags: fsxName(fmt.Sprint("before-change-", i))}); err != nil {
			t.Fatal(err)
		}
	}
	return n, ids
}

func TestFsxFileSystemsAndBackups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n, ids := fsxSeed(t, cfg)

	got := collecttest.Run(t, cfg, collector.Service, "file-system", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 file systems over several pages, got %v %d", got.Err, len(got.Resources))
	}
	byID := got.ByID()
	w := byID[ids[0]]
	wantDetails(t, w, map[string]any{"file_system_type": "WINDOWS", "storage_capacity_gb": 32, "storage_type": "SSD", "deployment_type": "SINGLE_AZ_2",
		"throughput": 32, "backup_retention_days": 30, "kms_key_id": fsxKmsKey, "subnet_ids": fmt.Sprint(n.Subnets)})
	wantDetails(t, byID[ids[3]], map[string]any{"file_system_type": "LUSTRE", "deployment_type": "PERSISTENT_2", "throughput": 250, "storage_capacity_gb": 1200})
	if w.Name != "shares" || w.ARN != "arn:aws:fsx:"+region+":"+collecttest.MotoAccount+":file-system/"+ids[0] {
		t.Errorf("windows fs: %s %s", w.Name, w.ARN)
	}
	collecttest.HasEdges(t, got, ids[0]+" -encrypted-with-> kms/key:k-1", ids[0]+" -in-subnet-> ec2/subnet:"+n.Subnets[0])

	got = collecttest.Run(t, cfg, collector.Service, "backup", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 backups, got %v %d", got.Err, len(got.Resources))
	}
	// moto lists backups without their file system and type (see TestBackupDetails).
	for _, b := range got.Resources {
		if b.Name == "before-change-2" {
			wantDetails(t, b, map[string]any{"lifecycle": "CREATING"})
			if b.ARN != "arn:aws:fsx:"+region+":"+collecttest.MotoAccount+":backup/"+b.ID || b.CreatedAt == "" {
				t.Errorf("backup: %s %s", b.ARN, b.CreatedAt)
			}
		}
	}
}

// TestBackupDetails: what moto leaves out of a backup, canned.
func TestFsxBackupDetails(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeBackups": func(any) (any, error) {
			return &fsx.DescribeBackupsOutput{Backups: []types.Backup{
				{BackupId: aws.String("backup-1"), Type: types.BackupTypeAutomatic, Lifecycle: types.BackupLifecycleAvailable, ResourceType: types.ResourceTypeFileSystem,
					FileSystem: &types.FileSystem{FileSystemId: aws.String("fs-1")}, SizeInBytes: aws.Int64(5 << 30), KmsKeyId: aws.String(fsxKmsKey)},
				{BackupId: aws.String("backup-2"), Type: types.BackupTypeAwsBackup, ResourceType: types.ResourceTypeVolume,
					FileSystem: &types.FileSystem{FileSystemId: aws.String("fs-2")}, Volume: &types.Volume{VolumeId: aws.String("fsvol-1")}},
			}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "backup", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("backups: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.ByID()["backup-1"], map[string]any{"backup_type": "AUTOMATIC", "resource_type": "FILE_SYSTEM", "file_system_id": "fs-1", "size_bytes": 5 << 30, "volume_id": ""})
	wantDetails(t, got.ByID()["backup-2"], map[string]any{"backup_type": "AWS_BACKUP", "file_system_id": "fs-2", "volume_id": "fsvol-1"})
	collecttest.HasEdges(t, got, "backup-1 -backup-of-> fsx/file-system:fs-1", "backup-1 -encrypted-with-> kms/key:k-1", "backup-2 -backup-of-> fsx/volume:fsvol-1")
}

// TestVolumesAndSVMs: moto has no FSx volumes, storage virtual machines or
// data repository associations; the SDK's answers are canned.
func TestFsxVolumesAndSVMs(t *testing.T) {
	collecttest.Setup(t)
	arn := "arn:aws:fsx:" + region + ":" + collecttest.MotoAccount + ":"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeVolumes": func(in any) (any, error) {
			if in.(*fsx.DescribeVolumesInput).NextToken == nil {
				return &fsx.DescribeVolumesOutput{Volumes: []types.Volume{{VolumeId: aws.String("fsvol-1"), Name: aws.String("data"), VolumeType: types.VolumeTypeOntap,
					FileSystemId: aws.String("fs-ontap"), ResourceARN: aws.String(arn + "volume/fs-ontap/fsvol-1"), Lifecycle: types.VolumeLifecycleCreated,
					OntapConfiguration: &types.OntapVolumeConfiguration{SizeInBytes: aws.Int64(1 << 40), JunctionPath: aws.String("/data"),
						StorageVirtualMachineId: aws.String("svm-1"), StorageEfficiencyEnabled: aws.Bool(true)}, Tags: fsxName("data")}}, NextToken: aws.String("2")}, nil
			}
			return &fsx.DescribeVolumesOutput{Volumes: []types.Volume{{VolumeId: aws.String("fsvol-2"), Name: aws.String("home"), VolumeType: types.VolumeTypeOpenzfs,
				FileSystemId: aws.String("fs-zfs"), OpenZFSConfiguration: &types.OpenZFSVolumeConfiguration{StorageCapacityQuotaGiB: aws.Int32(10), VolumePath: aws.String("/fsx/home")}}}}, nil
		},
		"DescribeDataRepositoryAssociations": func(any) (any, error) {
			return &fsx.DescribeDataRepositoryAssociationsOutput{Associations: []types.DataRepositoryAssociation{{AssociationId: aws.String("dra-1"),
				ResourceARN: aws.String(arn + "association/fs-lustre/dra-1"), FileSystemId: aws.String("fs-lustre"), FileSystemPath: aws.String("/ns1"),
				DataRepositoryPath: aws.String("s3://training-data/set1/"), Lifecycle: types.DataRepositoryLifecycleAvailable, Tags: fsxName("training"),
				S3: &types.S3DataRepositoryConfiguration{AutoImportPolicy: &types.AutoImportPolicy{Events: []types.EventType{types.EventTypeNew}}}}}}, nil
		},
		"DescribeStorageVirtualMachines": func(any) (any, error) {
			return &fsx.DescribeStorageVirtualMachinesOutput{StorageVirtualMachines: []types.StorageVirtualMachine{{StorageVirtualMachineId: aws.String("svm-1"),
				Name: aws.String("corp"), FileSystemId: aws.String("fs-ontap"), Lifecycle: types.StorageVirtualMachineLifecycleCreated,
				RootVolumeSecurityStyle: types.StorageVirtualMachineRootVolumeSecurityStyleNtfs, ResourceARN: aws.String(arn + "storage-virtual-machine/fs-ontap/svm-1"),
				ActiveDirectoryConfiguration: &types.SvmActiveDirectoryConfiguration{NetBiosName: aws.String("CORP")}}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "volume", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the volumes of both pages, got %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.ByID()["fsvol-1"], map[string]any{"volume_type": "ONTAP", "size_bytes": 1 << 40, "path": "/data", "storage_virtual_machine_id": "svm-1", "storage_efficiency": true})
	wantDetails(t, got.ByID()["fsvol-2"], map[string]any{"volume_type": "OPENZFS", "size_bytes": 10 << 30, "path": "/fsx/home"})
	if _, ok := got.ByID()["fsvol-2"].Details["storage_efficiency"]; ok {
		t.Error("storage_efficiency is ONTAP's only")
	}
	collecttest.HasEdges(t, got, "fsvol-1 -in-file-system-> fsx/file-system:fs-ontap", "fsvol-1 -in-storage-virtual-machine-> fsx/storage-virtual-machine:svm-1")

	got = collecttest.Run(t, cfg, collector.Service, "storage-virtual-machine", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("svms: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"root_volume_security_style": "NTFS", "active_directory": "CORP", "lifecycle": "CREATED"})
	collecttest.HasEdges(t, got, "svm-1 -in-file-system-> fsx/file-system:fs-ontap")

	got = collecttest.Run(t, cfg, collector.Service, "data-repository-association", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("associations: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"file_system_path": "/ns1", "data_repository_path": "s3://training-data/set1/", "auto_import": true, "auto_export": false})
	if got.Resources[0].Name != "training" {
		t.Errorf("association name %q", got.Resources[0].Name)
	}
	collecttest.HasEdges(t, got, "dra-1 -in-file-system-> fsx/file-system:fs-lustre", "dra-1 -links-to-> s3/bucket:training-data")
}

func TestFsxDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"file-system": "DescribeFileSystems", "backup": "DescribeBackups", "volume": "DescribeVolumes",
		"storage-virtual-machine": "DescribeStorageVirtualMachines", "data-repository-association": "DescribeDataRepositoryAssociations"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
