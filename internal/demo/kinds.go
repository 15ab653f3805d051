package demo

import (
	"fmt"
)

// kind is one generated resource type. Counts follow weight (share of the
// estate) within [min, max] per account and region (or per account for
// global kinds). Stable kinds are never added or removed by drift (they are
// what others point to: VPCs, subnets, roles...), only modified.
type kind struct {
	name   string
	weight float64
	min    int
	max    int
	global bool
	stable bool
}

var kinds = []*kind{
	// EC2 and VPC
	{name: "ec2.vpc", weight: 0.15, min: 1, max: 6, stable: true},
	{name: "ec2.subnet", weight: 0.6, min: 4, max: 24, stable: true},
	{name: "ec2.route-table", weight: 0.3, min: 2, max: 12, stable: true},
	{name: "ec2.internet-gateway", weight: 0.15, min: 1, max: 6, stable: true},
	{name: "ec2.nat-gateway", weight: 0.1, min: 0, max: 6, stable: true},
	{name: "ec2.network-acl", weight: 0.15, min: 1, max: 6, stable: true},
	{name: "ec2.dhcp-options", weight: 0.1, min: 1, max: 3, stable: true},
	{name: "ec2.vpc-endpoint", weight: 0.4, min: 0, max: 30},
	{name: "ec2.vpc-peering-connection", weight: 0.05, min: 0, max: 4},
	{name: "ec2.transit-gateway", weight: 0.02, min: 0, max: 1, stable: true},
	{name: "ec2.transit-gateway-attachment", weight: 0.05, min: 0, max: 6},
	{name: "ec2.customer-gateway", weight: 0.04, max: 4},
	{name: "ec2.flow-log", weight: 0.1, min: 0, max: 6},
	{name: "ec2.security-group", weight: 3, min: 2, stable: true},
	{name: "ec2.key-pair", weight: 0.4, min: 1, max: 40, stable: true},
	{name: "ec2.launch-template", weight: 0.8},
	{name: "ec2.instance", weight: 10},
	{name: "ec2.network-interface", weight: 12},
	{name: "ec2.volume", weight: 13},
	{name: "ec2.snapshot", weight: 9},
	{name: "ec2.ami", weight: 1.5},
	{name: "ec2.elastic-ip", weight: 1.2},
	// S3 (account-wide) and IAM (global)
	{name: "s3.bucket", weight: 2.5, min: 3, global: true},
	{name: "iam.user", weight: 1.2, min: 4, global: true},
	{name: "iam.role", weight: 3, min: 6, global: true, stable: true},
	{name: "iam.group", weight: 0.2, min: 3, max: 25, global: true, stable: true},
	{name: "iam.policy", weight: 0.8, min: 2, global: true},
	{name: "iam.instance-profile", weight: 0.5, min: 2, global: true, stable: true},
}

var kindByName = map[string]*kind{}

func init() {
	for _, k := range kinds {
		kindByName[k.name] = k
	}
}

// Tag vocabularies.
var (
	teams       = []string{"platform", "payments", "data", "identity", "search", "mobile", "growth"}
	owners      = []string{"alice@acme.example", "bob@acme.example", "carol@acme.example", "dan@acme.example", "erin@acme.example", "frank@acme.example"}
	projects    = []string{"checkout", "ledger", "catalog", "insights", "gateway", "onboarding"}
	costCenters = []string{"CC-1001", "CC-2040", "CC-3300", "CC-4711"}
	apps        = []string{"web", "api", "worker", "batch", "etl", "auth", "search", "cache", "billing", "reports", "queue", "admin"}
)

type tag struct{ k, v string }

// tagsOf draws an item's tags: about 15% untagged; Name when named;
// Environment and Team otherwise; Owner about 70%, Project 50%, CostCenter
// 40% (the gaps a tag audit should find). Modifications (version > 0)
// change a tag.
func (v *View) tagsOf(acct int, region, kind string, i int, name string) []tag {
	r := v.rng(acct, region, kind, i, 0x7a9)
	if r.chance(0.15) {
		return nil
	}
	var out []tag
	if name != "" {
		out = append(out, tag{"Name", name})
	}
	env := Accounts[acct].Env
	if env == "shared" {
		env = "production"
	}
	out = append(out, tag{"Environment", env}, tag{"Team", r.pick(teams)})
	if r.chance(0.7) {
		out = append(out, tag{"Owner", r.pick(owners)})
	} else {
		r.next()
	}
	if r.chance(0.5) {
		out = append(out, tag{"Project", r.pick(projects)})
	} else {
		r.next()
	}
	if r.chance(0.4) {
		out = append(out, tag{"CostCenter", r.pick(costCenters)})
	} else {
		r.next()
	}
	if ver := v.version(acct, region, kind, i); ver > 0 {
		out = append(out, tag{"LastModified", v.e.scanDay(ver).Format("2006-01-02")})
	}
	return out
}

// nameOf is a readable name with the item's index at the end.
func nameOf(r *rng, prefix string, i int) string {
	return fmt.Sprintf("%s-%s-%04d", prefix, r.pick(apps), i)
}

func regionIndex(region string) int {
	for i, r := range Regions {
		if r == region {
			return i
		}
	}
	return 0
}
