package account

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/awsmap/awsmap/internal/awsx"
)

// Role defaults: the role AWS Organizations creates in the accounts it
// creates, and an hour, the most a role assumed from a role may last.
const (
	DefaultRoleName    = "OrganizationAccountAccessRole"
	DefaultSessionName = "awsmap"
	DefaultDuration    = time.Hour
)

// RoleOptions say how to assume a role in each account.
type RoleOptions struct {
	ExternalID  string
	SessionName string        // default DefaultSessionName
	Duration    time.Duration // default DefaultDuration
}

// RoleARN is the ARN of role name in account, in region's partition.
func RoleARN(region, account, name string) string {
	return fmt.Sprintf("arn:%s:iam::%s:role/%s", awsx.Partition(region), account, name)
}

// AssumeRole returns a copy of base whose credentials are those of roleARN,
// assumed with base's credentials (and through base's middlewares: the
// ledger, rate control, a responder). They are cached, shared by every
// client of the copy, and renewed before they expire (refreshWindow), so a
// scan longer than the session goes on. Nothing is called until the
// credentials are first needed.
func AssumeRole(base aws.Config, roleARN string, o RoleOptions) aws.Config {
	if o.SessionName == "" {
		o.SessionName = DefaultSessionName
	}
	if o.Duration == 0 {
		o.Duration = DefaultDuration
	}
	provider := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(base), roleARN, func(ao *stscreds.AssumeRoleOptions) {
		ao.RoleSessionName = o.SessionName
		ao.Duration = o.Duration
		if o.ExternalID != "" {
			ao.ExternalID = aws.String(o.ExternalID)
		}
	})
	cfg := base.Copy()
	cfg.Credentials = aws.NewCredentialsCache(provider, func(co *aws.CredentialsCacheOptions) {
		co.ExpiryWindow = refreshWindow(o.Duration)
		co.ExpiryWindowJitterFrac = 0.2 // accounts assumed together do not all renew at once
	})
	return cfg
}

// refreshWindow is how long before they expire credentials are renewed:
// five minutes, or a quarter of a shorter session.
func refreshWindow(d time.Duration) time.Duration {
	return min(5*time.Minute, d/4)
}
