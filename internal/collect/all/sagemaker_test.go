package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/sagemaker"
)

var sagemakerPaged = collecttest.Paged{Cap: 2}

var (
	sagemakerRole = "arn:aws:iam::" + account + ":role/sm-exec"
	sagemakerKey  = "arn:aws:kms:eu-west-1:" + account + ":key/k-sm"
)

func sagemakerTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// estate creates three of each moto-served type; the first notebook has
// root access, internet and a subnet, the second is locked down.
func sagemakerEstate(t *testing.T, api *sagemaker.Client, subnet, sg string) {
	t.Helper()
	must := fatalOnError(t)
	for i := range 3 {
		n := fmt.Sprint(i)
		nb := &sagemaker.CreateNotebookInstanceInput{NotebookInstanceName: aws.String("nb" + n), InstanceType: types.InstanceTypeMlT3Medium,
			RoleArn: aws.String(sagemakerRole), Tags: sagemakerTag("n", n), VolumeSizeInGB: aws.Int32(20)}
		switch i {
		case 0:
			nb.RootAccess, nb.DirectInternetAccess = types.RootAccessEnabled, types.DirectInternetAccessEnabled
			nb.SubnetId, nb.SecurityGroupIds, nb.KmsKeyId = aws.String(subnet), []string{sg}, aws.String(sagemakerKey)
		case 1:
			nb.RootAccess, nb.DirectInternetAccess = types.RootAccessDisabled, types.DirectInternetAccessDisabled
		}
		must(api.CreateNotebookInstance(ctx, nb))
		must(api.CreateModel(ctx, &sagemaker.CreateModelInput{ModelName: aws.String("m" + n), ExecutionRoleArn: aws.String(sagemakerRole), Tags: sagemakerTag("n", n),
			PrimaryContainer: &types.ContainerDefinition{Image: aws.String("img:" + n)},
			VpcConfig:        &types.VpcConfig{Subnets: []string{subnet}, SecurityGroupIds: []string{sg}}}))
		must(api.CreateEndpointConfig(ctx, &sagemaker.CreateEndpointConfigInput{EndpointConfigName: aws.String("ec" + n), KmsKeyId: aws.String(sagemakerKey), Tags: sagemakerTag("n", n),
			ProductionVariants: []types.ProductionVariant{{VariantName: aws.String("v"), ModelName: aws.String("m" + n),
				InstanceType: types.ProductionVariantInstanceTypeMlM5Large, InitialInstanceCount: aws.Int32(2)}}}))
		must(api.CreateEndpoint(ctx, &sagemaker.CreateEndpointInput{EndpointName: aws.String("ep" + n), EndpointConfigName: aws.String("ec" + n), Tags: sagemakerTag("n", n)}))
		must(api.CreatePipeline(ctx, &sagemaker.CreatePipelineInput{PipelineName: aws.String("pl" + n), RoleArn: aws.String(sagemakerRole), Tags: sagemakerTag("n", n),
			PipelineDefinition: aws.String(`{"Version":"2020-12-01","Steps":[]}`), PipelineDescription: aws.String("nightly"), ClientRequestToken: aws.String("token-pipeline-" + n)}))
		must(api.CreateTrainingJob(ctx, &sagemaker.CreateTrainingJobInput{TrainingJobName: aws.String("tj" + n), RoleArn: aws.String(sagemakerRole), Tags: sagemakerTag("n", n),
			AlgorithmSpecification:                &types.AlgorithmSpecification{TrainingImage: aws.String("img"), TrainingInputMode: types.TrainingInputModeFile},
			OutputDataConfig:                      &types.OutputDataConfig{S3OutputPath: aws.String("s3://models/out"), KmsKeyId: aws.String(sagemakerKey)},
			ResourceConfig:                        &types.ResourceConfig{InstanceType: types.TrainingInstanceTypeMlM5Xlarge, InstanceCount: aws.Int32(2), VolumeSizeInGB: aws.Int32(10)},
			StoppingCondition:                     &types.StoppingCondition{MaxRuntimeInSeconds: aws.Int32(3600)},
			EnableInterContainerTrafficEncryption: aws.Bool(i == 0), EnableManagedSpotTraining: aws.Bool(true)}))
		must(api.CreateModelPackageGroup(ctx, &sagemaker.CreateModelPackageGroupInput{ModelPackageGroupName: aws.String("mpg" + n),
			ModelPackageGroupDescription: aws.String("fraud models"), Tags: sagemakerTag("n", n)}))
		must(api.CreateDomain(ctx, &sagemaker.CreateDomainInput{DomainName: aws.String("studio" + n), AuthMode: types.AuthModeIam,
			AppNetworkAccessType: types.AppNetworkAccessTypeVpcOnly, SubnetIds: []string{subnet}, VpcId: aws.String("vpc-1"), KmsKeyId: aws.String(sagemakerKey),
			DefaultUserSettings: &types.UserSettings{ExecutionRole: aws.String(sagemakerRole)}, Tags: sagemakerTag("n", n)}))
	}
}

func TestSagemakerTypes(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	net := testvpc.New(t, cfg, "10.0.0.0/16", "sm", testvpc.Subnet{CIDR: "10.0.1.0/24"})
	subnet, sg := net.Subnets[0], net.SG
	sagemakerEstate(t, sagemaker.NewFromConfig(cfg), subnet, sg)
	arn := func(res string) string { return "arn:aws:sagemaker:eu-west-1:" + account + ":" + res }
	for _, c := range []struct {
		typ, id, arn string
		details      map[string]any
		edges        []string
	}{
		{"notebook-instance", "nb0", arn("notebook-instance/nb0"),
			map[string]any{"root_access": "Enabled", "direct_internet_access": "Enabled", "instance_type": "ml.t3.medium", "subnet_id": subnet,
				"kms_key_id": sagemakerKey, "volume_size_gb": int64(20), "role_arn": sagemakerRole},
			[]string{"nb0 -in-subnet-> ec2/subnet:" + subnet, "nb0 -uses-security-group-> ec2/security-group:" + sg,
				"nb0 -assumes-role-> iam/role:sm-exec", "nb0 -encrypted-with-> kms/key:k-sm"}},
		{"notebook-instance", "nb1", arn("notebook-instance/nb1"), map[string]any{"root_access": "Disabled", "direct_internet_access": "Disabled", "subnet_id": ""}, nil},
		{"model", "m1", arn("model/m1"), map[string]any{"execution_role": sagemakerRole, "in_vpc": true, "network_isolation": false},
			[]string{"m1 -assumes-role-> iam/role:sm-exec", "m1 -in-subnet-> ec2/subnet:" + subnet}},
		{"endpoint-config", "ec2", arn("endpoint-config/ec2"), map[string]any{"kms_key_id": sagemakerKey, "initial_instance_count": int64(2), "serverless": false},
			[]string{"ec2 -serves-> sagemaker/model:m2", "ec2 -encrypted-with-> kms/key:k-sm"}},
		{"endpoint", "ep0", arn("endpoint/ep0"), map[string]any{"status": "InService", "endpoint_config": "ec0"},
			[]string{"ep0 -uses-config-> sagemaker/endpoint-config:ec0"}},
		{"pipeline", "pl1", arn("pipeline/pl1"), map[string]any{"role_arn": sagemakerRole, "description": "nightly"}, []string{"pl1 -assumes-role-> iam/role:sm-exec"}},
		{"training-job", "tj0", arn("training-job/tj0"), map[string]any{"instance_type": "ml.m5.xlarge", "instance_count": int64(2), "output_kms_key_id": sagemakerKey,
			"inter_container_encryption": true, "managed_spot": true, "in_vpc": false}, []string{"tj0 -encrypted-with-> kms/key:k-sm"}},
		{"model-package-group", "mpg2", arn("model-package-group/mpg2"), map[string]any{"description": "fraud models"}, nil},
	} {
		t.Run(c.typ+"/"+c.id, func(t *testing.T) {
			got := sagemakerPaged.Run(t, cfg, collector.Service, c.typ, region)
			if got.Err != nil || len(got.Resources) != 3 {
				t.Fatalf("%s: %v, %d resources", c.typ, got.Err, len(got.Resources))
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()[c.id]
			if r == nil || r.ARN != c.arn || r.Tags["n"] != c.id[len(c.id)-1:] || r.CreatedAt == "" {
				t.Fatalf("%s: %+v", c.id, r)
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("%s details[%s] = %#v, want %#v", c.id, k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, c.edges...)
		})
	}
}

// Domains are keyed by their generated id; moto names the VPC as given.
func TestSagemakerDomains(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := sagemaker.NewFromConfig(cfg)
	sagemakerEstate(t, api, "subnet-1", "sg-1")
	got := sagemakerPaged.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("domains: %v, %d", got.Err, len(got.Resources))
	}
	d := got.Resources[0]
	if d.Name == "" || d.ARN != "arn:aws:sagemaker:eu-west-1:"+account+":domain/"+d.ID || d.Tags["n"] == "" {
		t.Fatalf("domain %+v", d)
	}
	for k, v := range map[string]any{"auth_mode": "IAM", "app_network_access": "VpcOnly", "kms_key_id": sagemakerKey, "vpc_id": "vpc-1", "default_execution_role": sagemakerRole} {
		if d.Details[k] != v {
			t.Errorf("details[%s] = %#v, want %#v", k, d.Details[k], v)
		}
	}
	collecttest.HasEdges(t, got, d.ID+" -in-vpc-> ec2/vpc:vpc-1", d.ID+" -in-subnet-> ec2/subnet:subnet-1", d.ID+" -encrypted-with-> kms/key:k-sm",
		d.ID+" -assumes-role-> iam/role:sm-exec")
}

// moto serves neither user profiles nor the feature group listing: canned.
func TestSagemakerCanned(t *testing.T) {
	collecttest.Setup(t)
	created := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListUserProfiles": func(in any) (any, error) {
			if aws.ToString(in.(*sagemaker.ListUserProfilesInput).NextToken) == "" {
				return &sagemaker.ListUserProfilesOutput{NextToken: aws.String("p2"), UserProfiles: []types.UserProfileDetails{
					{DomainId: aws.String("d-1"), UserProfileName: aws.String("ana"), CreationTime: &created}}}, nil
			}
			return &sagemaker.ListUserProfilesOutput{UserProfiles: []types.UserProfileDetails{{DomainId: aws.String("d-1"), UserProfileName: aws.String("bo")}}}, nil
		},
		"DescribeUserProfile": func(in any) (any, error) {
			u := in.(*sagemaker.DescribeUserProfileInput)
			return &sagemaker.DescribeUserProfileOutput{DomainId: u.DomainId, UserProfileName: u.UserProfileName, Status: types.UserProfileStatusInService,
				UserSettings: &types.UserSettings{ExecutionRole: aws.String(sagemakerRole)}}, nil
		},
		"ListFeatureGroups": func(any) (any, error) {
			return &sagemaker.ListFeatureGroupsOutput{FeatureGroupSummaries: []types.FeatureGroupSummary{{FeatureGroupName: aws.String("clicks"),
				FeatureGroupArn: aws.String("arn:aws:sagemaker:eu-west-1:" + account + ":feature-group/clicks"), CreationTime: &created}}}, nil
		},
		"DescribeFeatureGroup": func(any) (any, error) {
			return &sagemaker.DescribeFeatureGroupOutput{FeatureGroupName: aws.String("clicks"), FeatureGroupStatus: types.FeatureGroupStatusCreated, RoleArn: aws.String(sagemakerRole),
				OnlineStoreConfig:  &types.OnlineStoreConfig{EnableOnlineStore: aws.Bool(true), SecurityConfig: &types.OnlineStoreSecurityConfig{KmsKeyId: aws.String(sagemakerKey)}},
				OfflineStoreConfig: &types.OfflineStoreConfig{S3StorageConfig: &types.S3StorageConfig{S3Uri: aws.String("s3://features/clicks")}}}, nil
		},
		"ListTags": func(any) (any, error) { return &sagemaker.ListTagsOutput{Tags: sagemakerTag("team", "ml")}, nil },
	})})
	got := sagemakerPaged.Run(t, cfg, collector.Service, "user-profile", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("user profiles: %v, %d", got.Err, len(got.Resources))
	}
	u := got.ByID()["d-1/ana"]
	if u == nil || u.ARN != "arn:aws:sagemaker:eu-west-1:"+account+":user-profile/d-1/ana" || u.Tags["team"] != "ml" ||
		u.Details["status"] != "InService" || u.Details["execution_role"] != sagemakerRole || u.CreatedAt != "2026-03-01T00:00:00Z" {
		t.Fatalf("user profile %+v", u)
	}
	collecttest.HasEdges(t, got, "d-1/ana -in-domain-> sagemaker/domain:d-1", "d-1/bo -assumes-role-> iam/role:sm-exec")

	got = sagemakerPaged.Run(t, cfg, collector.Service, "feature-group", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("feature groups: %v, %d", got.Err, len(got.Resources))
	}
	f := got.Resources[0]
	if f.Details["online_store"] != true || f.Details["online_kms_key_id"] != sagemakerKey || f.Details["offline_store_s3_uri"] != "s3://features/clicks" || f.Tags["team"] != "ml" {
		t.Fatalf("feature group %+v", f)
	}
	collecttest.HasEdges(t, got, "clicks -stores-in-> s3/bucket:features", "clicks -encrypted-with-> kms/key:k-sm")
}

func TestSagemakerDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"notebook-instance": "ListNotebookInstances", "endpoint": "ListEndpoints", "training-job": "ListTrainingJobs",
		"model-package-group": "ListModelPackageGroups", "domain": "ListDomains"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, sagemakerPaged.Run(t, cfg, collector.Service, typ, region))
	}
	sagemakerEstate(t, sagemaker.NewFromConfig(collecttest.Config(t, region, nil)), "subnet-1", "sg-1")
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeNotebookInstance", "ListTags")})
	got := sagemakerPaged.Run(t, cfg, collector.Service, "notebook-instance", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 6 || len(got.ByID()["nb0"].Details) != 0 {
		t.Fatalf("want notebooks without details and two warnings each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
