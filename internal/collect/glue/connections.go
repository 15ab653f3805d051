package glue

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// hasProperty reports whether a connection property is set; it is how the
// password is looked at: whether it is there, never what it is.
func hasProperty(c types.Connection, key types.ConnectionPropertyKey) bool {
	return c.ConnectionProperties[string(key)] != ""
}

var connectionFields = collect.Fields[types.Connection]{
	collect.Enum("connection_type", "JDBC, KAFKA, MONGODB, NETWORK, CUSTOM, MARKETPLACE, ...", func(c types.Connection) types.ConnectionType { return c.ConnectionType }),
	collect.Enum("status", "READY, IN_PROGRESS or FAILED (empty for older connection types)", func(c types.Connection) types.ConnectionStatus { return c.Status }),
	collect.Computed("plaintext_password", model.Boolean, "the connection properties hold a PASSWORD in plain text (not encrypted by the Data Catalog, not in Secrets Manager)", func(c types.Connection) any {
		return hasProperty(c, types.ConnectionPropertyKeyPassword)
	}),
	collect.Computed("encrypted_password", model.Boolean, "the password is stored encrypted by the Data Catalog's connection password encryption", func(c types.Connection) any {
		return hasProperty(c, types.ConnectionPropertyKeyEncryptedPassword)
	}),
	collect.Computed("uses_secret", model.Boolean, "the credentials come from a Secrets Manager secret (SECRET_ID)", func(c types.Connection) any {
		return hasProperty(c, types.ConnectionPropertyKeySecretId)
	}),
	collect.Computed("jdbc_enforce_ssl", model.Boolean, "a JDBC connection requires SSL", func(c types.Connection) any {
		return c.ConnectionProperties[string(types.ConnectionPropertyKeyJdbcEnforceSsl)] == "true"
	}),
	collect.Computed("subnet_id", model.Text, "subnet the connection's network interface is placed in", func(c types.Connection) any {
		if c.PhysicalConnectionRequirements == nil {
			return ""
		}
		return aws.ToString(c.PhysicalConnectionRequirements.SubnetId)
	}),
	collect.Computed("security_group_ids", model.JSON, "security groups of the connection's network interface", func(c types.Connection) any {
		if c.PhysicalConnectionRequirements == nil {
			return []string{}
		}
		return append([]string{}, c.PhysicalConnectionRequirements.SecurityGroupIdList...)
	}),
	collect.Timestamp("updated", "last update", func(c types.Connection) *time.Time { return c.LastUpdatedTime }),
}

// connections lists the connections with their properties (GetConnections
// without HidePassword: hiding it would also hide whether a plaintext
// password is stored); only the booleans above are kept.
func connections(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewGetConnectionsPaginator(api, &glue.GetConnectionsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *glue.GetConnectionsOutput) error {
		rs := make([]*model.Resource, 0, len(page.ConnectionList))
		for _, c := range page.ConnectionList {
			name := aws.ToString(c.Name)
			key := t.Key("connection", name)
			rs = append(rs, &model.Resource{Key: key, Name: name, ARN: arn(t, "connection", name),
				CreatedAt: model.Time(c.CreationTime), Details: connectionFields.Details(c)})
			if pc := c.PhysicalConnectionRequirements; pc != nil {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(pc.SubnetId)))
				for _, sg := range pc.SecurityGroupIdList {
					t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
				}
			}
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}
