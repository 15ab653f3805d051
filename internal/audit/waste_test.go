package audit

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

type wasteCase struct {
	rule     string
	rs       []*model.Resource
	want     []string // ids found
	wantCost float64  // total of the rule, USD/month
	unpriced int      // findings of unknown cost
}

var wasteCases = []wasteCase{
	{rule: "unattached-ebs", rs: []*model.Resource{
		res("ec2/volume", "p", d{"state": "available", "size_gb": 100, "volume_type": "gp3"}),
		res("ec2/volume", "n", d{"state": "in-use", "size_gb": 100, "volume_type": "gp3"}),
	}, want: []string{"p"}, wantCost: 8},
	{rule: "unassociated-eip", rs: []*model.Resource{
		res("ec2/elastic-ip", "p", d{}), res("ec2/elastic-ip", "n", d{"association_id": "a-1"}),
	}, want: []string{"p"}, wantCost: 3.65},
	{rule: "available-eni", rs: []*model.Resource{
		res("ec2/network-interface", "p", d{"status": "available", "requester_managed": false}),
		res("ec2/network-interface", "n1", d{"status": "in-use"}),
		res("ec2/network-interface", "n2", d{"status": "available", "requester_managed": true}),
	}, want: []string{"p"}, wantCost: 0},
	{rule: "idle-target-group", rs: []*model.Resource{
		res("elbv2/target-group", "p", d{"target_count": 0}), res("elbv2/target-group", "n", d{"target_count": 2}),
	}, want: []string{"p"}, wantCost: 0},
	{rule: "empty-classic-elb", rs: []*model.Resource{
		res("elb/load-balancer", "p", d{"instance_count": 0}), res("elb/load-balancer", "n", d{"instance_count": 1}),
	}, want: []string{"p"}, wantCost: 18.25},
	{rule: "lb-without-targets", rs: []*model.Resource{
		res("elbv2/load-balancer", "p", d{"type": "application"}),
		res("elbv2/load-balancer", "n", d{"type": "application"}),
		res("elbv2/target-group", "tg", d{"target_count": 1, "load_balancer_arns": []string{"arn:aws:elbv2:us-east-1:" + acct + ":load-balancer/n"}}),
	}, want: []string{"p"}, wantCost: 16.43},
	{rule: "idle-nat-gateway", rs: []*model.Resource{
		res("ec2/nat-gateway", "p", d{"state": "available", "vpc_id": "vpc-1"}),
		res("ec2/nat-gateway", "n", d{"state": "available", "vpc_id": "vpc-2"}),
		res("ec2/route-table", "rt", d{"routes": []any{d{"destination": "0.0.0.0/0", "target": "n"}}}),
		res("ec2/network-interface", "eni", d{"status": "in-use", "vpc_id": "vpc-2", "interface_type": "interface"}),
		// q is routed to, but the only interface in its VPC is its own.
		res("ec2/nat-gateway", "q", d{"state": "available", "vpc_id": "vpc-3"}),
		res("ec2/route-table", "rt-q", d{"routes": []any{d{"destination": "0.0.0.0/0", "target": "q"}}}),
		res("ec2/network-interface", "eni-q", d{"status": "in-use", "vpc_id": "vpc-3", "interface_type": "natGateway"}),
	}, want: []string{"p", "q"}, wantCost: 65.7},
	{rule: "stopped-instance", rs: []*model.Resource{
		res("ec2/instance", "p", d{"state": "stopped", "volume_ids": []string{"vol-1"}}),
		res("ec2/instance", "n", d{"state": "running", "volume_ids": []string{}}),
		res("ec2/volume", "vol-1", d{"size_gb": 50, "volume_type": "gp2"}),
	}, want: []string{"p"}, wantCost: 5},
	{rule: "gp2-volume", rs: []*model.Resource{
		res("ec2/volume", "p", d{"volume_type": "gp2", "size_gb": 100}), res("ec2/volume", "n", d{"volume_type": "gp3", "size_gb": 100}),
	}, want: []string{"p"}, wantCost: 2},
	{rule: "old-snapshot", rs: []*model.Resource{
		res("ec2/snapshot", "p", d{"start_time": "2024-01-01T00:00:00Z", "volume_size_gb": 10}),
		res("ec2/snapshot", "n1", d{"start_time": "2025-05-01T00:00:00Z", "volume_size_gb": 10}),
		res("ec2/snapshot", "n2", d{"start_time": "2024-01-01T00:00:00Z", "volume_size_gb": 10}),
		res("ec2/ami", "ami-1", d{"snapshot_ids": []string{"n2"}, "creation_date": "2025-05-01T00:00:00Z"}),
	}, want: []string{"p"}, wantCost: 0.5},
	{rule: "orphaned-snapshot", rs: []*model.Resource{
		res("ec2/snapshot", "p", d{"volume_id": "vol-gone", "volume_size_gb": 20}),
		res("ec2/snapshot", "n", d{"volume_id": "vol-1", "volume_size_gb": 20}),
		res("ec2/volume", "vol-1", d{}),
	}, want: []string{"p"}, wantCost: 1},
	{rule: "old-ami", rs: []*model.Resource{
		res("ec2/ami", "p", d{"creation_date": "2024-01-01T00:00:00Z", "snapshot_ids": []string{"snap-1"}}),
		res("ec2/ami", "n", d{"creation_date": "2025-05-01T00:00:00Z", "snapshot_ids": []string{}}),
		res("ec2/snapshot", "snap-1", d{"volume_size_gb": 8}),
	}, want: []string{"p"}, wantCost: 0.4},
	{rule: "log-group-no-retention", rs: []*model.Resource{
		res("logs/log-group", "p", d{"never_expires": true, "stored_bytes": 10 << 30}),
		res("logs/log-group", "n1", d{"never_expires": true, "stored_bytes": 0}),
		res("logs/log-group", "n2", d{"never_expires": false, "retention_days": 30, "stored_bytes": 10 << 30}),
	}, want: []string{"p"}, wantCost: 0.3},
	{rule: "disabled-kms-key", rs: []*model.Resource{
		res("kms/key", "p", d{"key_manager": "CUSTOMER", "key_state": "Disabled"}),
		res("kms/key", "n1", d{"key_manager": "CUSTOMER", "key_state": "PendingDeletion"}),
		res("kms/key", "n2", d{"key_manager": "CUSTOMER", "key_state": "Enabled"}),
	}, want: []string{"p"}, wantCost: 1},
	{rule: "old-rds-snapshot", rs: []*model.Resource{
		res("rds/db-snapshot", "p", d{"snapshot_create_time": "2024-01-01T00:00:00Z", "allocated_storage_gb": 100}),
		res("rds/db-snapshot", "n", d{"snapshot_create_time": "2025-05-01T00:00:00Z", "allocated_storage_gb": 100}),
	}, want: []string{"p"}, wantCost: 9.5},
	{rule: "orphaned-rds-snapshot", rs: []*model.Resource{
		res("rds/db-snapshot", "p", d{"db_instance_id": "gone", "allocated_storage_gb": 10}),
		res("rds/db-snapshot", "n", d{"db_instance_id": "db-1", "allocated_storage_gb": 10}),
		res("rds/db-instance", "db-1", d{}),
	}, want: []string{"p"}, wantCost: 0.95},
	{rule: "stopped-rds-instance", rs: []*model.Resource{
		res("rds/db-instance", "p", d{"status": "stopped", "allocated_storage_gb": 100}),
		res("rds/db-instance", "n", d{"status": "available", "allocated_storage_gb": 100}),
	}, want: []string{"p"}, wantCost: 11.5},
	{rule: "unmounted-efs", rs: []*model.Resource{
		res("efs/file-system", "p", d{"number_of_mount_targets": 0, "size_bytes": 1 << 30}),
		res("efs/file-system", "n", d{"number_of_mount_targets": 2, "size_bytes": 1 << 30}),
	}, want: []string{"p"}, wantCost: 0.3},
	{rule: "empty-provisioned-dynamodb", rs: []*model.Resource{
		res("dynamodb/table", "p", d{"billing_mode": "PROVISIONED", "item_count": 0, "read_capacity": 10, "write_capacity": 10}),
		res("dynamodb/table", "n1", d{"billing_mode": "PAY_PER_REQUEST", "item_count": 0}),
		res("dynamodb/table", "n2", d{"billing_mode": "PROVISIONED", "item_count": 5, "read_capacity": 10, "write_capacity": 10}),
	}, want: []string{"p"}, wantCost: 5.69},
	{rule: "unused-tgw-attachment", rs: []*model.Resource{
		res("ec2/transit-gateway", "tgw-lonely", d{"owner_id": acct}),
		res("ec2/transit-gateway-attachment", "p", d{"transit_gateway_id": "tgw-lonely", "resource_type": "vpc", "resource_id": "vpc-1"}),
		res("ec2/transit-gateway", "tgw-hub", d{"owner_id": acct}),
		res("ec2/transit-gateway-attachment", "n1", d{"transit_gateway_id": "tgw-hub", "resource_type": "vpc", "resource_id": "vpc-2"}),
		res("ec2/transit-gateway-attachment", "n2", d{"transit_gateway_id": "tgw-hub", "resource_type": "vpn", "resource_id": "vpn-1"}),
		// Shared by another account: its other attachments are not seen here.
		res("ec2/transit-gateway", "tgw-shared", d{"owner_id": "999999999999"}),
		res("ec2/transit-gateway-attachment", "n3", d{"transit_gateway_id": "tgw-shared", "resource_type": "vpc", "resource_id": "vpc-3"}),
	}, want: []string{"p"}, wantCost: 36.5},
	{rule: "disabled-private-ca", rs: []*model.Resource{
		res("acm-pca/certificate-authority", "p1", d{"status": "DISABLED", "usage_mode": "GENERAL_PURPOSE"}),
		res("acm-pca/certificate-authority", "p2", d{"status": "EXPIRED", "usage_mode": "SHORT_LIVED_CERTIFICATE"}),
		res("acm-pca/certificate-authority", "n", d{"status": "ACTIVE", "usage_mode": "GENERAL_PURPOSE"}),
	}, want: []string{"p1", "p2"}, wantCost: 450},
	{rule: "unused-secret", rs: []*model.Resource{
		res("secretsmanager/secret", "p1", d{"last_accessed": "2025-01-01T00:00:00Z"}),
		createdAt(res("secretsmanager/secret", "p2", d{}), "2024-01-01T00:00:00Z"),
		res("secretsmanager/secret", "n1", d{"last_accessed": "2025-05-30T00:00:00Z"}),
		res("secretsmanager/secret", "n2", d{"last_accessed": "2024-01-01T00:00:00Z", "owning_service": "rds"}),
	}, want: []string{"p1", "p2"}, wantCost: 0.8},
	{rule: "idle-emr-cluster", rs: []*model.Resource{
		res("emr/cluster", "p", d{"state": "WAITING", "auto_terminate": false}),
		res("emr/cluster", "n1", d{"state": "WAITING", "auto_terminate": true}),
		res("emr/cluster", "n2", d{"state": "RUNNING", "auto_terminate": false}),
	}, want: []string{"p"}, unpriced: 1},
	{rule: "old-redshift-snapshot", rs: []*model.Resource{
		createdAt(res("redshift/cluster-snapshot", "p", d{"size_mb": 2048}), "2024-01-01T00:00:00Z"),
		createdAt(res("redshift/cluster-snapshot", "n", d{"size_mb": 2048}), "2025-05-01T00:00:00Z"),
	}, want: []string{"p"}, unpriced: 1},
}

func TestEveryRuleHasACase(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range wasteCases {
		covered[c.rule] = true
	}
	for _, k := range RuleKeys() {
		if !covered[k] {
			t.Errorf("rule %s has no fixture case", k)
		}
	}
	if len(Rules) < 15 {
		t.Errorf("%d rules, want at least 15", len(Rules))
	}
}

func TestWasteRules(t *testing.T) {
	for _, c := range wasteCases {
		t.Run(c.rule, func(t *testing.T) {
			rules, err := SelectRules([]string{c.rule})
			if err != nil {
				t.Fatal(err)
			}
			r := fixture(t, c.rs, okCollections(c.rs, rules[0].Reads))
			var rep *WasteReport
			// Scoped to the fixture's account, the rule's SQL runs wrapped in
			// the account filter: the same findings.
			for _, account := range [][]string{nil, {acct}} {
				var err error
				rep, err = Waste(ctx, r, WasteOptions{Rules: rules, MinAgeDays: 90}, Scope{Types: types, Now: testNow, Accounts: account})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range rep.Findings {
					got = append(got, f.ID)
				}
				sort.Strings(got)
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("account %q: ids = %v, want %v", account, got, c.want)
				}
			}
			if rep.Rules[0].MonthlyCost != c.wantCost {
				t.Errorf("cost = %v, want %v", rep.Rules[0].MonthlyCost, c.wantCost)
			}
			if rep.Rules[0].Unpriced != c.unpriced || rep.Unpriced != c.unpriced {
				t.Errorf("unpriced = %d (report %d), want %d", rep.Rules[0].Unpriced, rep.Unpriced, c.unpriced)
			}
			if len(rep.Incomplete) != 0 {
				t.Errorf("incomplete = %v", rep.Incomplete)
			}
		})
	}
}

func TestWasteEmptyAndDefaults(t *testing.T) {
	rep, err := Waste(ctx, fixture(t, nil, nil), WasteOptions{MinAgeDays: 90}, Scope{Types: types, Now: testNow})
	if err != nil || rep.Total != 0 || len(rep.Rules) != len(Rules) {
		t.Fatalf("empty inventory: %+v, %v", rep, err)
	}
	rs := []*model.Resource{asDefault(res("ec2/volume", "v", d{"state": "available", "size_gb": 1, "volume_type": "gp3"}))}
	r := fixture(t, rs, okCollections(rs, nil))
	rules, _ := SelectRules([]string{"unattached-ebs"})
	for _, incl := range []bool{false, true} {
		rep, err := Waste(ctx, r, WasteOptions{Rules: rules, MinAgeDays: 90, IncludeDefaults: incl}, Scope{Types: types, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: 1}[incl]; rep.Total != want {
			t.Errorf("include defaults %v: %d findings, want %d", incl, rep.Total, want)
		}
	}
}

func TestWasteUnknownRule(t *testing.T) {
	_, err := SelectRules([]string{"unatached-ebs"})
	if err == nil || !IsUsage(err) {
		t.Fatalf("err = %v", err)
	}
	if got := err.Error(); !contains(got, "did you mean unattached-ebs") || !contains(got, "old-ami") {
		t.Errorf("error %q should suggest and list the rules", got)
	}
}

func TestWasteIncomplete(t *testing.T) {
	rs := []*model.Resource{res("ec2/volume", "v", d{"state": "available", "size_gb": 1})}
	cols := []store.Collection{{AccountID: acct, Region: "us-east-1", Service: "ec2", Type: "volume",
		Outcome: store.OutcomeThrottled, Operation: "DescribeVolumes", ErrorCode: "Throttling"}}
	r := fixture(t, rs, cols)
	rules, _ := SelectRules([]string{"unattached-ebs"})
	rep, err := Waste(ctx, r, WasteOptions{Rules: rules, MinAgeDays: 90}, Scope{Types: types, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Incomplete) != 1 || rep.Incomplete[0].String() != "UNKNOWN for "+acct+"/us-east-1: ec2 volume DescribeVolumes Throttling" {
		t.Errorf("incomplete = %v", rep.Incomplete)
	}
	// With every rule: the gap is reported once, and only under the rules
	// that read volumes.
	rep, err = Waste(ctx, r, WasteOptions{MinAgeDays: 90}, Scope{Types: types, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	volumeGaps := 0
	for _, g := range rep.Incomplete {
		if g.Service == "ec2" && g.Type == "volume" {
			volumeGaps++
		}
	}
	if volumeGaps != 1 {
		t.Errorf("ec2/volume gaps in the report: %d, want 1 (%v)", volumeGaps, rep.Incomplete)
	}
	for i, sum := range rep.Rules {
		readsVolumes := slices.Contains(Rules[i].Reads, TypeRef{"ec2", "volume"})
		got := slices.ContainsFunc(sum.Incomplete, func(g Gap) bool { return g.Service == "ec2" && g.Type == "volume" })
		if got != readsVolumes {
			t.Errorf("rule %s: volume gap listed %v, reads volumes %v", sum.Rule, got, readsVolumes)
		}
		for _, g := range sum.Incomplete {
			if !slices.Contains(Rules[i].Reads, TypeRef{g.Service, g.Type}) {
				t.Errorf("rule %s lists a gap of %s/%s, which it does not read", sum.Rule, g.Service, g.Type)
			}
		}
	}
}

// A rule whose input collection failed lists the gap under itself: every
// rule, with each type it reads denied in turn.
func TestWasteUnknownWhenAReadFails(t *testing.T) {
	for _, c := range wasteCases {
		rules, err := SelectRules([]string{c.rule})
		if err != nil {
			t.Fatal(err)
		}
		for _, failed := range rules[0].Reads {
			cols := okCollections(c.rs, rules[0].Reads)
			for i := range cols {
				if cols[i].Service == failed.Service && cols[i].Type == failed.Type {
					cols[i].Outcome, cols[i].ErrorCode = store.OutcomeDenied, "AccessDenied"
				}
			}
			rep, err := Waste(ctx, fixture(t, c.rs, cols), WasteOptions{Rules: rules, MinAgeDays: 90}, Scope{Types: types, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			gaps := rep.Rules[0].Incomplete
			if len(gaps) != 1 || gaps[0].Service != failed.Service || gaps[0].Type != failed.Type || gaps[0].Outcome != store.OutcomeDenied {
				t.Errorf("%s with %s denied: incomplete = %v, want that collection alone", c.rule, failed, gaps)
			}
		}
	}
}

// Unpriced findings: cost_unknown in JSON, nothing added to the totals, and
// a transit gateway attachment is unpriced where the table lacks its price.
func TestWasteUnpriced(t *testing.T) {
	tgw := func(region string) []*model.Resource {
		g, a := res("ec2/transit-gateway", "tgw-1", d{"owner_id": acct}), res("ec2/transit-gateway-attachment", "att-1", d{"transit_gateway_id": "tgw-1"})
		g.Region, a.Region = region, region
		return []*model.Resource{g, a}
	}
	rules, _ := SelectRules([]string{"unused-tgw-attachment"})
	for region, want := range map[string]bool{"eu-west-1": false, "ap-northeast-1": true} {
		rs := tgw(region)
		cols := okCollections(rs, nil)
		for i := range cols {
			cols[i].Region = region
		}
		rep, err := Waste(ctx, fixture(t, rs, cols), WasteOptions{Rules: rules, MinAgeDays: 90}, Scope{Types: types, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) != 1 || rep.Findings[0].CostUnknown != want || (rep.MonthlyCost == 0) != want {
			t.Errorf("%s: findings %+v, total %v; want cost unknown %v", region, rep.Findings, rep.MonthlyCost, want)
		}
		js, err := json.Marshal(rep.Findings[0])
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(js), `"cost_unknown":true`); got != want {
			t.Errorf("%s: JSON %s", region, js)
		}
	}
}
