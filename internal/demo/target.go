package demo

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/scan"
)

// Target is how an ordinary scan reaches the estate instead of AWS: SDK
// options whose every call Responder answers in process, and the estate's
// accounts and regions.
type Target struct {
	AWS       awsx.Options
	Responder *Responder
}

// Target serves v to a scan as o says.
func (v *View) Target(o ServeOptions) Target {
	r := NewResponder(v, o)
	var backoff time.Duration
	if o.Throttle > 0 {
		backoff = time.Second // realistic, bounded
	}
	return Target{AWS: awsx.Options{Region: awsx.DefaultRegion, Responder: r, MaxBackoff: backoff}, Responder: r}
}

// Accounts are the estate's accounts, found and reached as `awsmap --org`
// finds and reaches an organization's: its tree listed from the management
// account (the first), a role assumed in each member, all through cfg (a
// config loaded from t.AWS).
func (Target) Accounts(ctx context.Context, cfg aws.Config) ([]scan.Account, error) {
	mgmt := account.Identity{Account: Accounts[0].ID, Alias: Accounts[0].Alias}
	return scan.SelectAccounts(ctx, cfg, mgmt, "demo", scan.Selection{Org: true})
}

// Plan collects services in every region of the estate, or in regions when
// some are given (tests scan fewer), global services included.
func (Target) Plan(services []*collect.Service, regions ...string) scan.Plan {
	if len(regions) == 0 {
		regions = Regions
	}
	return scan.NewPlan(services, regions, false, true)
}
