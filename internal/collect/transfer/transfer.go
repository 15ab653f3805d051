// Package transfer collects AWS Transfer Family servers, their users,
// connectors, workflows and certificates.
package transfer

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transfer"
	"github.com/aws/aws-sdk-go-v2/service/transfer/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Transfer Family collector.
var Service = &collect.Service{
	Name:        "transfer",
	Description: "AWS Transfer Family (SFTP/FTPS/FTP/AS2) servers, users, connectors, workflows and certificates",
	Types: []collect.Type{
		{Name: "server", Description: "Transfer Family server (id = s-...): endpoint exposure, protocols, identity provider, logging",
			Fields: serverFields.Declared(), Tags: collect.TagsListed, Collect: servers, DetailCalls: 1},
		{Name: "user", Description: "Transfer Family service-managed user (id = SERVER_ID/USER_NAME); SSH key bodies are not stored, only their count",
			Fields: userFields.Declared(), Tags: collect.TagsListed, Collect: users, DetailCalls: 1},
		{Name: "connector", Description: "Transfer Family AS2 or SFTP connector to a remote server (id = c-...)",
			Fields: connectorFields.Declared(), Tags: collect.TagsListed, Collect: connectors, DetailCalls: 1},
		{Name: "workflow", Description: "Transfer Family managed workflow run on uploads (id = w-...)",
			Fields: workflowFields.Declared(), Tags: collect.TagsListed, Collect: workflows, DetailCalls: 1},
		{Name: "certificate", Description: "Transfer Family AS2 certificate (id = cert-...); the certificate body is not stored",
			Fields: certificateFields.Declared(), Tags: collect.TagsListed, Collect: certificates, DetailCalls: 1},
	},
	Calls: "ListServers once for server and user; server: per server DescribeServer. user: per server ListUsers + per user DescribeUser. " +
		"connector: ListConnectors + per connector DescribeConnector. workflow: ListWorkflows + per workflow DescribeWorkflow. " +
		"certificate: ListCertificates + per certificate DescribeCertificate",
	Relations: []collect.Relation{
		{From: "server", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "server", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "server", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "server", Kind: "assumes-role", To: "iam/role"},
		{From: "server", Kind: "logs-to", To: "logs/log-group"},
		{From: "server", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "server", Kind: "runs", To: "transfer/workflow"},
		{From: "user", Kind: "belongs-to", To: "transfer/server"},
		{From: "user", Kind: "assumes-role", To: "iam/role"},
		{From: "connector", Kind: "assumes-role", To: "iam/role"},
	},
}

func tagMap(tags []types.Tag) map[string]string {
	return collect.TagMap(tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// emitDescribed emits a listed resource with its describe answer: on a
// failed describe the resource is still emitted, without details or tags,
// and the collection is partial. describe returns the answer's details and
// tags, and records its relationships.
func emitDescribed[D any](ctx context.Context, t *collect.Task, r *model.Resource, op string,
	get func(context.Context) (D, error), describe func(D) (map[string]any, map[string]string)) {
	d, err := get(ctx)
	t.Warn(op, err)
	if err == nil {
		r.Details, r.Tags = describe(d)
	}
	t.Emit(r)
}

func endpoint(s *types.DescribedServer) types.EndpointDetails {
	if s.EndpointDetails == nil {
		return types.EndpointDetails{}
	}
	return *s.EndpointDetails
}

var serverFields = collect.Fields[*types.DescribedServer]{
	collect.Enum("endpoint_type", "PUBLIC, VPC or VPC_ENDPOINT", func(s *types.DescribedServer) types.EndpointType { return s.EndpointType }),
	collect.Computed("internet_facing", model.Boolean, "reachable from the internet: a PUBLIC endpoint, or a VPC endpoint with Elastic IPs", func(s *types.DescribedServer) any {
		return s.EndpointType == types.EndpointTypePublic || len(endpoint(s).AddressAllocationIds) > 0
	}),
	collect.Computed("protocols", model.JSON, "file transfer protocols served: SFTP, FTP, FTPS, AS2", func(s *types.DescribedServer) any { return collect.Values(s.Protocols) }),
	collect.Computed("plaintext_ftp", model.Boolean, "FTP (unencrypted) is one of the protocols", func(s *types.DescribedServer) any {
		return slices.Contains(s.Protocols, types.ProtocolFtp)
	}),
	collect.Enum("state", "OFFLINE, ONLINE, STARTING, STOPPING, START_FAILED or STOP_FAILED", func(s *types.DescribedServer) types.State { return s.State }),
	collect.Enum("domain", "storage behind the server: S3 or EFS", func(s *types.DescribedServer) types.Domain { return s.Domain }),
	collect.Enum("identity_provider_type", "SERVICE_MANAGED, API_GATEWAY, AWS_DIRECTORY_SERVICE or AWS_LAMBDA", func(s *types.DescribedServer) types.IdentityProviderType {
		return s.IdentityProviderType
	}),
	collect.Text("logging_role", "IAM role that writes the server's CloudWatch logs; empty: no logging through a role", func(s *types.DescribedServer) *string { return s.LoggingRole }),
	collect.Computed("log_destinations", model.JSON, "CloudWatch log groups receiving structured logs", func(s *types.DescribedServer) any {
		return append([]string{}, s.StructuredLogDestinations...)
	}),
	collect.Text("security_policy", "TLS/SSH cipher policy, e.g. TransferSecurityPolicy-2024-01", func(s *types.DescribedServer) *string { return s.SecurityPolicyName }),
	collect.Text("certificate", "ACM certificate of an FTPS server", func(s *types.DescribedServer) *string { return s.Certificate }),
	collect.Int("user_count", "number of service-managed users", func(s *types.DescribedServer) *int32 { return s.UserCount }),
	collect.Computed("vpc_id", model.Text, "VPC of a VPC endpoint", func(s *types.DescribedServer) any { return aws.ToString(endpoint(s).VpcId) }),
}

// serverList are the region's servers, listed once for the server and
// user types.
func serverList(ctx context.Context, t *collect.Task, api *transfer.Client) ([]types.ListedServer, error) {
	p := transfer.NewListServersPaginator(api, &transfer.ListServersInput{MaxResults: t.PageSize(1000)})
	return collect.ReuseItems(ctx, t, "ListServers", p, func(page *transfer.ListServersOutput) []types.ListedServer { return page.Servers })
}

func servers(ctx context.Context, t *collect.Task) error {
	api := transfer.NewFromConfig(t.Config)
	list, err := serverList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.ListedServer) {
		id := aws.ToString(s.ServerId)
		r := &model.Resource{Key: t.Key("server", id), Name: id, ARN: aws.ToString(s.Arn)}
		emitDescribed(ctx, t, r, "DescribeServer", func(ctx context.Context) (*types.DescribedServer, error) {
			out, err := api.DescribeServer(ctx, &transfer.DescribeServerInput{ServerId: s.ServerId})
			if err != nil {
				return nil, err
			}
			return out.Server, nil
		}, func(d *types.DescribedServer) (map[string]any, map[string]string) {
			relateServer(t, r.Key, d)
			tags := tagMap(d.Tags)
			if name := tags["transfer:customHostname"]; name != "" {
				r.Name = name
			}
			return serverFields.Details(d), tags
		})
	})
	return err
}

func relateServer(t *collect.Task, key model.Key, s *types.DescribedServer) {
	e := endpoint(s)
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(e.VpcId)))
	for _, id := range e.SubnetIds {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", id))
	}
	for _, id := range e.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", id))
	}
	t.Relate(key, "assumes-role", t.Role(aws.ToString(s.LoggingRole)))
	for _, arn := range s.StructuredLogDestinations {
		t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(arn)))
	}
	t.Relate(key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(aws.ToString(s.Certificate))))
	if w := s.WorkflowDetails; w != nil {
		for _, d := range append(append([]types.WorkflowDetail{}, w.OnUpload...), w.OnPartialUpload...) {
			t.Relate(key, "runs", t.Key("workflow", aws.ToString(d.WorkflowId)))
		}
	}
}

// user is a listed user with the server it belongs to.
type user struct {
	server string
	types.ListedUser
}

var userFields = collect.Fields[*types.DescribedUser]{
	collect.Text("role", "IAM role the user's S3 or EFS access runs as", func(u *types.DescribedUser) *string { return u.Role }),
	collect.Enum("home_directory_type", "PATH or LOGICAL (mapped, chroot-like)", func(u *types.DescribedUser) types.HomeDirectoryType { return u.HomeDirectoryType }),
	collect.Text("home_directory", "landing directory (bucket or file system path)", func(u *types.DescribedUser) *string { return u.HomeDirectory }),
	collect.Computed("ssh_key_count", model.Integer, "number of SSH public keys", func(u *types.DescribedUser) any { return int64(len(u.SshPublicKeys)) }),
	collect.Computed("has_session_policy", model.Boolean, "a session policy narrows the role's permissions", func(u *types.DescribedUser) any {
		return aws.ToString(u.Policy) != ""
	}),
	collect.Computed("oldest_ssh_key_imported", model.Timestamp, "when the oldest SSH key was imported (key age); empty without keys", func(u *types.DescribedUser) any {
		var oldest *time.Time
		for _, k := range u.SshPublicKeys {
			if k.DateImported != nil && (oldest == nil || k.DateImported.Before(*oldest)) {
				oldest = k.DateImported
			}
		}
		return model.Time(oldest)
	}),
}

func users(ctx context.Context, t *collect.Task) error {
	api := transfer.NewFromConfig(t.Config)
	servers, err := serverList(ctx, t, api)
	if err != nil {
		return err
	}
	var found []user
	for _, s := range servers {
		if s.IdentityProviderType != types.IdentityProviderTypeServiceManaged && s.IdentityProviderType != "" {
			continue // users live in the external identity provider
		}
		pu := transfer.NewListUsersPaginator(api, &transfer.ListUsersInput{ServerId: s.ServerId, MaxResults: t.PageSize(1000)})
		if err := collect.EachPage(ctx, pu, func(page *transfer.ListUsersOutput) error {
			for _, u := range page.Users {
				found = append(found, user{server: aws.ToString(s.ServerId), ListedUser: u})
			}
			return nil
		}); err != nil {
			return err
		}
	}
	collect.ForEach(ctx, found, func(ctx context.Context, u user) {
		name := aws.ToString(u.UserName)
		r := &model.Resource{Key: t.Key("user", u.server+"/"+name), Name: name, ARN: aws.ToString(u.Arn)}
		t.Relate(r.Key, "belongs-to", t.Key("server", u.server))
		emitDescribed(ctx, t, r, "DescribeUser", func(ctx context.Context) (*types.DescribedUser, error) {
			out, err := api.DescribeUser(ctx, &transfer.DescribeUserInput{ServerId: aws.String(u.server), UserName: u.UserName})
			if err != nil {
				return nil, err
			}
			return out.User, nil
		}, func(d *types.DescribedUser) (map[string]any, map[string]string) {
			t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(d.Role)))
			return userFields.Details(d), tagMap(d.Tags)
		})
	})
	return nil
}

var connectorFields = collect.Fields[*types.DescribedConnector]{
	collect.Text("url", "remote server URL (sftp:// or http(s):// for AS2)", func(c *types.DescribedConnector) *string { return c.Url }),
	collect.Computed("protocol", model.Text, "SFTP or AS2", func(c *types.DescribedConnector) any {
		if c.As2Config != nil {
			return "AS2"
		}
		return "SFTP"
	}),
	collect.Enum("status", "ACTIVE, ERRORED or PENDING", func(c *types.DescribedConnector) types.ConnectorStatus { return c.Status }),
	collect.Text("access_role", "IAM role the connector reads and writes files as", func(c *types.DescribedConnector) *string { return c.AccessRole }),
	collect.Text("logging_role", "IAM role that writes the connector's logs; empty: no logging", func(c *types.DescribedConnector) *string { return c.LoggingRole }),
	collect.Text("security_policy", "cipher policy of the connector", func(c *types.DescribedConnector) *string { return c.SecurityPolicyName }),
	collect.Computed("trusted_host_key_count", model.Integer, "SFTP host keys the connector trusts; 0: the remote server is not verified", func(c *types.DescribedConnector) any {
		if c.SftpConfig == nil {
			return int64(0)
		}
		return int64(len(c.SftpConfig.TrustedHostKeys))
	}),
}

func connectors(ctx context.Context, t *collect.Task) error {
	api := transfer.NewFromConfig(t.Config)
	p := transfer.NewListConnectorsPaginator(api, &transfer.ListConnectorsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *transfer.ListConnectorsOutput) []types.ListedConnector { return page.Connectors },
		func(ctx context.Context, c types.ListedConnector) {
			id := aws.ToString(c.ConnectorId)
			r := &model.Resource{Key: t.Key("connector", id), Name: id, ARN: aws.ToString(c.Arn)}
			emitDescribed(ctx, t, r, "DescribeConnector", func(ctx context.Context) (*types.DescribedConnector, error) {
				out, err := api.DescribeConnector(ctx, &transfer.DescribeConnectorInput{ConnectorId: c.ConnectorId})
				if err != nil {
					return nil, err
				}
				return out.Connector, nil
			}, func(d *types.DescribedConnector) (map[string]any, map[string]string) {
				t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(d.AccessRole)))
				t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(d.LoggingRole)))
				return connectorFields.Details(d), tagMap(d.Tags)
			})
		})
}

var workflowFields = collect.Fields[*types.DescribedWorkflow]{
	collect.Text("description", "workflow description", func(w *types.DescribedWorkflow) *string { return w.Description }),
	collect.Computed("step_types", model.JSON, "types of the steps in order: COPY, CUSTOM, TAG, DELETE, DECRYPT", func(w *types.DescribedWorkflow) any {
		out := make([]string, len(w.Steps))
		for i, s := range w.Steps {
			out[i] = string(s.Type)
		}
		return out
	}),
	collect.Computed("exception_step_count", model.Integer, "steps run when a step fails; 0: failures are not handled", func(w *types.DescribedWorkflow) any {
		return int64(len(w.OnExceptionSteps))
	}),
}

func workflows(ctx context.Context, t *collect.Task) error {
	api := transfer.NewFromConfig(t.Config)
	p := transfer.NewListWorkflowsPaginator(api, &transfer.ListWorkflowsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *transfer.ListWorkflowsOutput) []types.ListedWorkflow { return page.Workflows },
		func(ctx context.Context, w types.ListedWorkflow) {
			id := aws.ToString(w.WorkflowId)
			r := &model.Resource{Key: t.Key("workflow", id), Name: id, ARN: aws.ToString(w.Arn)}
			emitDescribed(ctx, t, r, "DescribeWorkflow", func(ctx context.Context) (*types.DescribedWorkflow, error) {
				out, err := api.DescribeWorkflow(ctx, &transfer.DescribeWorkflowInput{WorkflowId: w.WorkflowId})
				if err != nil {
					return nil, err
				}
				return out.Workflow, nil
			}, func(d *types.DescribedWorkflow) (map[string]any, map[string]string) {
				return workflowFields.Details(d), tagMap(d.Tags)
			})
		})
}

var certificateFields = collect.Fields[*types.DescribedCertificate]{
	collect.Enum("usage", "SIGNING, ENCRYPTION or TLS", func(c *types.DescribedCertificate) types.CertificateUsageType { return c.Usage }),
	collect.Enum("status", "ACTIVE, PENDING_ROTATION or INACTIVE", func(c *types.DescribedCertificate) types.CertificateStatusType { return c.Status }),
	collect.Enum("certificate_type", "CERTIFICATE or CERTIFICATE_WITH_PRIVATE_KEY", func(c *types.DescribedCertificate) types.CertificateType { return c.Type }),
	collect.Text("description", "certificate description", func(c *types.DescribedCertificate) *string { return c.Description }),
	collect.Timestamp("not_after", "expiry of the certificate", func(c *types.DescribedCertificate) *time.Time { return c.NotAfterDate }),
	collect.Timestamp("active_date", "when the certificate becomes active for AS2", func(c *types.DescribedCertificate) *time.Time { return c.ActiveDate }),
	collect.Timestamp("inactive_date", "when the certificate stops being used for AS2", func(c *types.DescribedCertificate) *time.Time { return c.InactiveDate }),
}

func certificates(ctx context.Context, t *collect.Task) error {
	api := transfer.NewFromConfig(t.Config)
	p := transfer.NewListCertificatesPaginator(api, &transfer.ListCertificatesInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *transfer.ListCertificatesOutput) []types.ListedCertificate { return page.Certificates },
		func(ctx context.Context, c types.ListedCertificate) {
			id := aws.ToString(c.CertificateId)
			r := &model.Resource{Key: t.Key("certificate", id), Name: id, ARN: aws.ToString(c.Arn)}
			emitDescribed(ctx, t, r, "DescribeCertificate", func(ctx context.Context) (*types.DescribedCertificate, error) {
				out, err := api.DescribeCertificate(ctx, &transfer.DescribeCertificateInput{CertificateId: c.CertificateId})
				if err != nil {
					return nil, err
				}
				return out.Certificate, nil
			}, func(d *types.DescribedCertificate) (map[string]any, map[string]string) {
				return certificateFields.Details(d), tagMap(d.Tags)
			})
		})
}
