package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transfer"
	"github.com/aws/aws-sdk-go-v2/service/transfer/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/transfer"
	"github.com/awsmap/awsmap/internal/model"
)

var transferPaged = collecttest.Paged{Cap: 2}

func transferTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

func transferRoleARN(name string) *string {
	return aws.String("arn:aws:iam::" + account + ":role/" + name)
}

// servers makes a public SFTP+FTP server with two users and three VPC
// servers with Elastic IPs in net; it returns the public one's id.
func servers(t *testing.T, api *transfer.Client, net testvpc.Network) string {
	t.Helper()
	ctx := context.Background()
	pub, err := api.CreateServer(ctx, &transfer.CreateServerInput{EndpointType: types.EndpointTypePublic, Protocols: []types.Protocol{types.ProtocolSftp, types.ProtocolFtp},
		IdentityProviderType: types.IdentityProviderTypeServiceManaged, LoggingRole: transferRoleARN("transfer-logs"), SecurityPolicyName: aws.String("TransferSecurityPolicy-2024-01"),
		StructuredLogDestinations: []string{"arn:aws:logs:eu-west-1:" + account + ":log-group:/transfer/pub:*"}, Tags: transferTag("team", "b2b"),
		WorkflowDetails: &types.WorkflowDetails{OnUpload: []types.WorkflowDetail{{WorkflowId: aws.String("w-0123456789abcdef0"), ExecutionRole: transferRoleARN("wf")}}}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := api.CreateServer(ctx, &transfer.CreateServerInput{EndpointType: types.EndpointTypeVpc, Protocols: []types.Protocol{types.ProtocolSftp},
			EndpointDetails: &types.EndpointDetails{VpcId: aws.String(net.VPC), SubnetIds: net.Subnets, SecurityGroupIds: []string{net.SG}, AddressAllocationIds: []string{fmt.Sprintf("eipalloc-%d", i)}},
			Tags:            transferTag("n", fmt.Sprint(i))}); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []string{"alice", "bob"} {
		if _, err := api.CreateUser(ctx, &transfer.CreateUserInput{ServerId: pub.ServerId, UserName: aws.String(u), Role: transferRoleARN("sftp-" + u),
			HomeDirectoryType: types.HomeDirectoryTypeLogical, HomeDirectory: aws.String("/uploads/" + u), Tags: transferTag("user", u)}); err != nil {
			t.Fatal(err)
		}
	}
	return aws.ToString(pub.ServerId)
}

// listUsers answers ListUsers, which moto lacks, from the users moto
// describes: alice and bob on server, none elsewhere.
func listUsers(server string) func(any) (any, error) {
	return func(in any) (any, error) {
		i := in.(*transfer.ListUsersInput)
		if aws.ToString(i.ServerId) != server {
			return &transfer.ListUsersOutput{ServerId: i.ServerId}, nil
		}
		if i.NextToken == nil {
			return &transfer.ListUsersOutput{ServerId: i.ServerId, NextToken: aws.String("2"),
				Users: []types.ListedUser{{UserName: aws.String("alice"), Arn: aws.String("arn:aws:transfer:eu-west-1:" + account + ":user/" + server + "/alice")}}}, nil
		}
		return &transfer.ListUsersOutput{ServerId: i.ServerId,
			Users: []types.ListedUser{{UserName: aws.String("bob"), Arn: aws.String("arn:aws:transfer:eu-west-1:" + account + ":user/" + server + "/bob")}}}, nil
	}
}

func TestTransferServersAndUsers(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	net := testvpc.New(t, cfg, "10.8.0.0/16", "sftp", testvpc.Subnet{CIDR: "10.8.1.0/24"})
	pub := servers(t, transfer.NewFromConfig(cfg), net)

	got := transferPaged.Run(t, cfg, collector.Service, "server", region)
	if got.Err != nil || len(got.Resources) != 4 {
		t.Fatalf("servers: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()[pub]
	if p.ARN != "arn:aws:transfer:eu-west-1:"+account+":server/"+pub || p.Tags["team"] != "b2b" {
		t.Errorf("%s: %s %v", pub, p.ARN, p.Tags)
	}
	wantDetails(t, p, map[string]any{"endpoint_type": "PUBLIC", "internet_facing": true, "protocols": []string{"SFTP", "FTP"}, "plaintext_ftp": true,
		"identity_provider_type": "SERVICE_MANAGED", "logging_role": *transferRoleARN("transfer-logs"), "security_policy": "TransferSecurityPolicy-2024-01", "user_count": 2})
	var vpc *model.Resource
	for _, r := range got.Resources {
		if r.Tags["n"] == "1" {
			vpc = r
		}
	}
	wantDetails(t, vpc, map[string]any{"endpoint_type": "VPC", "internet_facing": true, "plaintext_ftp": false, "vpc_id": net.VPC})
	collecttest.HasEdges(t, got, pub+" -assumes-role-> iam/role:transfer-logs", pub+" -logs-to-> logs/log-group:/transfer/pub",
		pub+" -runs-> transfer/workflow:w-0123456789abcdef0", vpc.ID+" -in-vpc-> ec2/vpc:"+net.VPC, vpc.ID+" -in-subnet-> ec2/subnet:"+net.Subnets[0],
		vpc.ID+" -uses-security-group-> ec2/security-group:"+net.SG)

	ucfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListUsers": listUsers(pub)})})
	us := transferPaged.Run(t, ucfg, collector.Service, "user", region)
	if us.Err != nil || len(us.Resources) != 2 {
		t.Fatalf("users: %v, %d", us.Err, len(us.Resources))
	}
	collecttest.AssertNoWarnings(t, us)
	a := us.ByID()[pub+"/alice"]
	wantDetails(t, a, map[string]any{"role": *transferRoleARN("sftp-alice"), "home_directory_type": "LOGICAL", "home_directory": "/uploads/alice", "ssh_key_count": 0, "has_session_policy": false})
	if a.Name != "alice" || a.Tags["user"] != "alice" || a.ARN != "arn:aws:transfer:eu-west-1:"+account+":user/"+pub+"/alice" {
		t.Errorf("alice: %s %s %v", a.Name, a.ARN, a.Tags)
	}
	collecttest.HasEdges(t, us, pub+"/alice -belongs-to-> transfer/server:"+pub, pub+"/bob -assumes-role-> iam/role:sftp-bob")
}

func TestTransferConnectors(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := transfer.NewFromConfig(cfg)
	for i := range 3 {
		in := &transfer.CreateConnectorInput{Url: aws.String(fmt.Sprintf("sftp://partner%d.example.com", i)), AccessRole: transferRoleARN("connector"),
			Tags: transferTag("n", fmt.Sprint(i)), SftpConfig: &types.SftpConnectorConfig{UserSecretId: aws.String("partner-creds")}}
		if i == 0 {
			in.LoggingRole = transferRoleARN("connector-logs")
			in.SftpConfig.TrustedHostKeys = []string{"ssh-rsa AAAA"}
		}
		if _, err := api.CreateConnector(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	got := transferPaged.Run(t, cfg, collector.Service, "connector", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("connectors: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, c := range got.Resources {
		switch c.Tags["n"] {
		case "0":
			wantDetails(t, c, map[string]any{"url": "sftp://partner0.example.com", "protocol": "SFTP", "logging_role": *transferRoleARN("connector-logs"), "trusted_host_key_count": 1})
			collecttest.HasEdges(t, got, c.ID+" -assumes-role-> iam/role:connector", c.ID+" -assumes-role-> iam/role:connector-logs")
			if c.ARN != "arn:aws:transfer:eu-west-1:"+account+":connector/"+c.ID {
				t.Errorf("arn %s", c.ARN)
			}
		case "1":
			wantDetails(t, c, map[string]any{"logging_role": "", "trusted_host_key_count": 0})
		}
	}
}

// Moto has no workflows or certificates: both are canned, over two pages.
func TestTransferWorkflowsAndCertificates(t *testing.T) {
	collecttest.Setup(t)
	expiry := time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)
	arn := func(kind, id string) *string {
		return aws.String("arn:aws:transfer:eu-west-1:" + account + ":" + kind + "/" + id)
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListWorkflows": func(in any) (any, error) {
			if in.(*transfer.ListWorkflowsInput).NextToken == nil {
				return &transfer.ListWorkflowsOutput{NextToken: aws.String("p2"), Workflows: []types.ListedWorkflow{{WorkflowId: aws.String("w-1"), Arn: arn("workflow", "w-1")}}}, nil
			}
			return &transfer.ListWorkflowsOutput{Workflows: []types.ListedWorkflow{{WorkflowId: aws.String("w-2"), Arn: arn("workflow", "w-2")}}}, nil
		},
		"DescribeWorkflow": func(in any) (any, error) {
			id := in.(*transfer.DescribeWorkflowInput).WorkflowId
			return &transfer.DescribeWorkflowOutput{Workflow: &types.DescribedWorkflow{WorkflowId: id, Arn: arn("workflow", *id), Description: aws.String("scan uploads"),
				Steps: []types.WorkflowStep{{Type: types.WorkflowStepTypeCopy}, {Type: types.WorkflowStepTypeTag}}, Tags: transferTag("id", *id)}}, nil
		},
		"ListCertificates": func(in any) (any, error) {
			if in.(*transfer.ListCertificatesInput).NextToken == nil {
				return &transfer.ListCertificatesOutput{NextToken: aws.String("p2"), Certificates: []types.ListedCertificate{{CertificateId: aws.String("cert-1"), Arn: arn("certificate", "cert-1")}}}, nil
			}
			return &transfer.ListCertificatesOutput{Certificates: []types.ListedCertificate{{CertificateId: aws.String("cert-2"), Arn: arn("certificate", "cert-2")}}}, nil
		},
		"DescribeCertificate": func(in any) (any, error) {
			id := in.(*transfer.DescribeCertificateInput).CertificateId
			return &transfer.DescribeCertificateOutput{Certificate: &types.DescribedCertificate{CertificateId: id, Arn: arn("certificate", *id), Usage: types.CertificateUsageTypeSigning,
				Status: types.CertificateStatusTypeActive, Type: types.CertificateTypeCertificateWithPrivateKey, NotAfterDate: aws.Time(expiry), Tags: transferTag("id", *id)}}, nil
		},
	})})
	wf := transferPaged.Run(t, cfg, collector.Service, "workflow", region)
	if wf.Err != nil || len(wf.Resources) != 2 {
		t.Fatalf("workflows: %v, %d", wf.Err, len(wf.Resources))
	}
	w := wf.ByID()["w-2"]
	wantDetails(t, w, map[string]any{"description": "scan uploads", "step_types": []string{"COPY", "TAG"}, "exception_step_count": 0})
	if w.Tags["id"] != "w-2" || w.ARN != *arn("workflow", "w-2") {
		t.Errorf("w-2: %s %v", w.ARN, w.Tags)
	}
	cs := transferPaged.Run(t, cfg, collector.Service, "certificate", region)
	if cs.Err != nil || len(cs.Resources) != 2 {
		t.Fatalf("certificates: %v, %d", cs.Err, len(cs.Resources))
	}
	c := cs.ByID()["cert-1"]
	wantDetails(t, c, map[string]any{"usage": "SIGNING", "status": "ACTIVE", "certificate_type": "CERTIFICATE_WITH_PRIVATE_KEY", "not_after": "2027-01-31T00:00:00Z"})
	if c.Tags["id"] != "cert-1" || c.ARN != *arn("certificate", "cert-1") {
		t.Errorf("cert-1: %s %v", c.ARN, c.Tags)
	}
}

func TestTransferDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"server": "ListServers", "user": "ListServers", "connector": "ListConnectors",
		"workflow": "ListWorkflows", "certificate": "ListCertificates"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, transferPaged.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.Config(t, region, nil)
	pub := servers(t, transfer.NewFromConfig(cfg), testvpc.New(t, cfg, "10.9.0.0/16", "sftp", testvpc.Subnet{CIDR: "10.9.1.0/24"}))
	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListUsers": listUsers(pub), "DescribeUser": collecttest.Denied("DescribeUser"), "DescribeServer": collecttest.Denied("DescribeServer")})})
	for typ, n := range map[string]int{"server": 4, "user": 2} {
		got := transferPaged.Run(t, denied, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != n || len(got.Task.Warnings()) != n {
			t.Fatalf("%s: want %d resources without details and a warning each, got %v, %d, %d", typ, n, got.Err, len(got.Resources), len(got.Task.Warnings()))
		}
	}
}
