package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var clientVPNFields = collect.Fields[types.ClientVpnEndpoint]{
	collect.Computed("state", model.Text, "pending-associate, available, deleting or deleted", func(e types.ClientVpnEndpoint) any {
		if e.Status == nil {
			return ""
		}
		return string(e.Status.Code)
	}),
	collect.Text("description", "description", func(e types.ClientVpnEndpoint) *string { return e.Description }),
	collect.Text("client_cidr_block", "addresses given to clients", func(e types.ClientVpnEndpoint) *string { return e.ClientCidrBlock }),
	collect.Text("vpc_id", "VPC the clients reach", func(e types.ClientVpnEndpoint) *string { return e.VpcId }),
	collect.Bool("split_tunnel", "only VPC-bound traffic goes through the VPN", func(e types.ClientVpnEndpoint) *bool { return e.SplitTunnel }),
	collect.Enum("transport_protocol", "udp or tcp", func(e types.ClientVpnEndpoint) types.TransportProtocol { return e.TransportProtocol }),
	collect.Int("vpn_port", "port clients connect to", func(e types.ClientVpnEndpoint) *int32 { return e.VpnPort }),
	collect.Text("server_certificate_arn", "ACM certificate of the server", func(e types.ClientVpnEndpoint) *string { return e.ServerCertificateArn }),
	collect.Computed("authentication_types", model.JSON, "how clients authenticate: certificate-authentication, directory-service-authentication, federated-authentication", func(e types.ClientVpnEndpoint) any {
		out := []string{}
		for _, a := range e.AuthenticationOptions {
			out = append(out, string(a.Type))
		}
		return out
	}),
	collect.Computed("connection_logging", model.Boolean, "client connections logged to CloudWatch Logs", func(e types.ClientVpnEndpoint) any {
		return e.ConnectionLogOptions != nil && aws.ToBool(e.ConnectionLogOptions.Enabled)
	}),
	collect.Int("session_timeout_hours", "hours before a session is ended", func(e types.ClientVpnEndpoint) *int32 { return e.SessionTimeoutHours }),
	collect.Computed("security_group_ids", model.JSON, "security groups applied in the VPC", func(e types.ClientVpnEndpoint) any { return append([]string{}, e.SecurityGroupIds...) }),
}

func clientVPNEndpoints(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeClientVpnEndpointsPaginator(client(t), &ec2.DescribeClientVpnEndpointsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeClientVpnEndpointsOutput) {
		for _, e := range page.ClientVpnEndpoints {
			if e.Status != nil && e.Status.Code == types.ClientVpnEndpointStatusCodeDeleted {
				continue
			}
			id := aws.ToString(e.ClientVpnEndpointId)
			key := t.Key("client-vpn-endpoint", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "client-vpn-endpoint/"+id), Name: nameTag(e.Tags), CreatedAt: vpnTime(e.CreationTime),
				Tags: tags(e.Tags), Details: clientVPNFields.Details(e)})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(e.VpcId)))
			for _, sg := range e.SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Key("security-group", sg))
			}
			t.Relate(key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(aws.ToString(e.ServerCertificateArn))))
			if l := e.ConnectionLogOptions; l != nil && aws.ToBool(l.Enabled) {
				t.Relate(key, "logs-to", t.Ref("logs", "log-group", aws.ToString(l.CloudwatchLogGroup)))
			}
		}
	})
}

// vpnTime reads Client VPN's creation time, which AWS sends as
// "2006-01-02 15:04:05" (UTC, no zone); "" when absent or unreadable.
func vpnTime(s *string) string {
	at, err := time.Parse(time.DateTime, aws.ToString(s))
	if err != nil {
		return textTime(s)
	}
	return model.Time(&at)
}
