package demo

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	emrtypes "github.com/aws/aws-sdk-go-v2/service/emr/types"
)

// Change is what drift did to one item of the estate between two scans.
type Change struct {
	Account string // account id
	Service string // the kind's service and type, as stored (ec2, instance)
	Type    string
	Index   int
	Change  string // "added", "removed" or "modified"
	// Tagged says that the item carries tags, so that a modification shows
	// in its LastModified tag (untagged items change fields only).
	Tagged bool
}

// Drift is the estate's own record of what changed from scan from to scan
// to: the items born, dead and modified in between, from the same
// functions that serve them (listed, version). An item modified and
// modified back is still modified: its version changed.
func (e *Estate) Drift(from, to int) []Change {
	a, b := e.Scan(from), e.Scan(to)
	var out []Change
	for ck := range e.base {
		ca, cb := &call{v: a, acct: ck.acct, region: ck.region}, &call{v: b, acct: ck.acct, region: ck.region}
		_, limA := a.limit(ck.acct, ck.region, ck.kind)
		_, limB := b.limit(ck.acct, ck.region, ck.kind)
		service, typ, _ := strings.Cut(ck.kind, ".")
		for i := range max(limA, limB) {
			inA, inB := ca.listed(ck.kind, i), cb.listed(ck.kind, i)
			c := Change{Account: Accounts[ck.acct].ID, Service: service, Type: typ, Index: i,
				Tagged: len(b.tagsOf(ck.acct, ck.region, ck.kind, i, "")) > 0}
			switch {
			case !inA && inB:
				c.Change = "added"
			case inA && !inB:
				c.Change = "removed"
			case inA && inB && a.version(ck.acct, ck.region, ck.kind, i) != b.version(ck.acct, ck.region, ck.kind, i):
				c.Change = "modified"
			default:
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// instanceRunning says whether instance i is alive and not terminated
// (collectors leave terminated instances out).
func (c *call) instanceRunning(i int) bool {
	return c.alive("ec2.instance", i) && c.instance(i).state != types.InstanceStateNameTerminated
}

// listed says whether item i of kind is stored by a scan: alive, and
// neither a terminated instance nor the primary interface or root volume
// (item i < the number of instances) of an instance that is not running,
// nor an item the collector skips or the service does not list (a deleted
// customer gateway, a terminated EMR cluster, a metric filter of a deleted
// log group, Config rules and packs where Config is off).
func (c *call) listed(kind string, i int) bool {
	switch kind {
	case "ec2.instance":
		return c.instanceRunning(i)
	case "ec2.network-interface", "ec2.volume":
		if i < c.n("ec2.instance") && !c.instanceRunning(i) {
			return false
		}
	case "ec2.customer-gateway":
		return c.alive(kind, i) && !c.cgwDeleted(i)
	case "emr.cluster":
		return c.alive(kind, i) && c.emrState(i) != emrtypes.ClusterStateTerminated
	case "logs.metric-filter":
		return c.alive(kind, i) && c.alive("logs.log-group", c.metricFilterGroup(i))
	case "config.config-rule", "config.conformance-pack":
		return c.alive(kind, i) && c.configOn()
	}
	return c.alive(kind, i)
}
