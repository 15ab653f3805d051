package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	classic "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	clbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	rslvtypes "github.com/aws/aws-sdk-go-v2/service/route53resolver/types"
)

func init() {
	kinds = append(kinds,
		&kind{name: "acm.certificate", weight: 0.5, min: 1, stable: true},
		&kind{name: "elbv2.load-balancer", weight: 0.6},
		&kind{name: "elbv2.target-group", weight: 0.9},
		&kind{name: "elb.load-balancer", weight: 0.15},
		&kind{name: "route53.hosted-zone", weight: 0.4, min: 2, global: true},
		&kind{name: "route53resolver.query-log-config", weight: 0.05, max: 3},
		&kind{name: "route53resolver.resolver-endpoint", weight: 0.05, max: 4},
		&kind{name: "cloudfront.distribution", weight: 0.4, min: 1, global: true},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Elastic Load Balancing v2", map[string]handler{"DescribeLoadBalancers": elbv2LBs, "DescribeTags": elbv2Tags, "DescribeListeners": elbv2Listeners,
		"DescribeLoadBalancerAttributes": elbv2Attributes, "DescribeTargetGroups": elbv2TargetGroups, "DescribeTargetHealth": elbv2Health})
	register("Elastic Load Balancing", map[string]handler{"DescribeLoadBalancers": clbLBs, "DescribeTags": clbTags})
	register("ACM", map[string]handler{"ListCertificates": acmList, "DescribeCertificate": acmDescribe, "ListTagsForCertificate": acmTags})
	register("Route 53", map[string]handler{"ListHostedZones": r53Zones, "ListTagsForResources": r53Tags, "GetHostedZone": r53Zone})
	register("Route53Resolver", map[string]handler{"ListResolverQueryLogConfigs": rslvConfigs, "ListResolverQueryLogConfigAssociations": rslvAssociations,
		"ListResolverEndpoints": rslvEndpoints, "ListTagsForResource": rslvTags})
	register("CloudFront", map[string]handler{"ListDistributions": cfDistributions, "ListTagsForResource": cfTags})
}

// nameIndex is the index at the end of the name in an ELBv2 ARN
// (loadbalancer/app/NAME/ID, targetgroup/NAME/ID) or of a plain name.
func nameIndex(s string) (int, bool) {
	if parts := strings.Split(s, "/"); len(parts) >= 3 {
		s = parts[len(parts)-2]
	}
	return trailingIndex(s)
}

// offsetPage pages n computed items by offset tokens ("demo-N").
func (c *call) offsetPage(n int, token *string, size int) (start, end int, next *string) {
	if t := deref(token); t != "" {
		start, _ = trailingIndex(t)
	}
	start = min(start, n)
	end = min(start+size, n)
	if end < n {
		next = aws.String(fmt.Sprintf("demo-%d", end))
	}
	return start, end, next
}

// --- ACM: certificates are stable (renewed, never removed). Load
// balancer i uses certificate i mod n of its region, distribution d
// certificate d mod n of us-east-1. About one in 7 expires within 30 days.

func (c *call) certARN(k int) string {
	return c.arn("acm", "certificate/"+c.uuid("acm.certificate", k))
}

type certFacts struct {
	domain                     string
	imported, ec, pending      bool
	notBefore, notAfter, creat time.Time
	status                     acmtypes.CertificateStatus
}

func (c *call) cert(k int) certFacts {
	r := c.rng("acm.certificate", k)
	f := certFacts{domain: fmt.Sprintf("%s.%s.acme.example", r.pick(apps), Accounts[c.acct].Env), imported: r.chance(0.15), ec: r.chance(0.2),
		pending: k > 0 && r.chance(0.04), creat: *c.created("acm.certificate", k), status: acmtypes.CertificateStatusIssued}
	if r.chance(0.25) {
		f.domain = "*." + f.domain
	}
	now, year := c.v.e.now, 365*24*time.Hour
	m := c.mut("acm.certificate", k)
	switch {
	case f.pending:
		f.status = acmtypes.CertificateStatusPendingValidation
		return f
	case k%7 == 3 || m.chance(0.05):
		f.notAfter = now.Add(time.Duration(3+r.intn(25))*24*time.Hour + 7*time.Hour)
	case f.imported && k%11 == 5:
		f.notAfter = now.Add(-time.Duration(1+r.intn(90)) * 24 * time.Hour)
		f.status = acmtypes.CertificateStatusExpired
	default:
		f.notAfter = f.creat.Add(year + 30*24*time.Hour)
		for f.notAfter.Before(now.Add(31 * 24 * time.Hour)) {
			f.notAfter = f.notAfter.Add(year)
		}
	}
	f.notBefore = f.notAfter.Add(-year - 30*24*time.Hour)
	if f.creat.After(f.notBefore) {
		f.creat = f.notBefore
	}
	return f
}

// certUsers are the ARNs of the load balancers (and, in us-east-1, the
// distributions) that use certificate k.
func (c *call) certUsers(k int) []string {
	users := []string{}
	nc := max(c.n("acm.certificate"), 1)
	_, lim := c.v.limit(c.acct, c.region, "elbv2.load-balancer")
	for i := k; i < lim; i += nc {
		if c.alive("elbv2.load-balancer", i) && c.lb(i).https {
			users = append(users, c.lbARN(i))
		}
	}
	_, lim = c.v.limit(c.acct, c.region, "elb.load-balancer")
	for i := k; i < lim; i += nc {
		if c.alive("elb.load-balancer", i) && c.clbHTTPS(i) {
			users = append(users, c.arn("elasticloadbalancing", "loadbalancer/"+c.clbName(i)))
		}
	}
	if c.region == "us-east-1" {
		g := c.at(global)
		_, lim = c.v.limit(c.acct, global, "cloudfront.distribution")
		for d := k; d < lim; d += nc {
			if g.alive("cloudfront.distribution", d) && g.dist(d).acm {
				users = append(users, g.distARN(d))
			}
		}
	}
	return users
}

func (c *call) certIndex(arn *string) (int, error) {
	k, ok := c.uuidIndex("acm.certificate", aws.ToString(arn))
	if !ok || !c.alive("acm.certificate", k) {
		return 0, notFound("ResourceNotFoundException", "Could not find certificate "+aws.ToString(arn)+".")
	}
	return k, nil
}

func (c *call) certAlgo(f certFacts) acmtypes.KeyAlgorithm {
	if f.ec {
		return acmtypes.KeyAlgorithmEcPrime256v1
	}
	return acmtypes.KeyAlgorithmRsa2048
}

func (c *call) certTimes(f certFacts) (typ acmtypes.CertificateType, renewal acmtypes.RenewalEligibility, nb, na, issued, imported *time.Time) {
	typ, renewal = acmtypes.CertificateTypeAmazonIssued, acmtypes.RenewalEligibilityEligible
	if f.pending {
		return typ, acmtypes.RenewalEligibilityIneligible, nil, nil, nil, nil
	}
	nb, na = aws.Time(f.notBefore), aws.Time(f.notAfter)
	if f.imported {
		typ, renewal, imported = acmtypes.CertificateTypeImported, acmtypes.RenewalEligibilityIneligible, aws.Time(f.creat)
	} else {
		issued = nb
	}
	return
}

func acmList(c *call) (any, error) {
	in := c.in.(*acm.ListCertificatesInput)
	items, next := c.list("acm.certificate", in.NextToken, in.MaxItems, 1000)
	out := &acm.ListCertificatesOutput{NextToken: next}
	for _, k := range items {
		f := c.cert(k)
		typ, renewal, nb, na, issued, imported := c.certTimes(f)
		out.CertificateSummaryList = append(out.CertificateSummaryList, acmtypes.CertificateSummary{CertificateArn: aws.String(c.certARN(k)),
			DomainName: aws.String(f.domain), SubjectAlternativeNameSummaries: []string{f.domain}, Status: f.status, Type: typ,
			KeyAlgorithm: c.certAlgo(f), RenewalEligibility: renewal, NotBefore: nb, NotAfter: na, IssuedAt: issued, ImportedAt: imported,
			CreatedAt: aws.Time(f.creat), InUse: aws.Bool(len(c.certUsers(k)) > 0), HasAdditionalSubjectAlternativeNames: aws.Bool(false)})
	}
	return out, nil
}

func acmDescribe(c *call) (any, error) {
	in := c.in.(*acm.DescribeCertificateInput)
	k, err := c.certIndex(in.CertificateArn)
	if err != nil {
		return nil, err
	}
	f := c.cert(k)
	typ, renewal, nb, na, issued, imported := c.certTimes(f)
	cd := &acmtypes.CertificateDetail{CertificateArn: in.CertificateArn, DomainName: aws.String(f.domain), SubjectAlternativeNames: []string{f.domain},
		Status: f.status, Type: typ, KeyAlgorithm: c.certAlgo(f), RenewalEligibility: renewal, NotBefore: nb, NotAfter: na, IssuedAt: issued,
		ImportedAt: imported, CreatedAt: aws.Time(f.creat), InUseBy: c.certUsers(k), Issuer: aws.String("Amazon"),
		Serial: aws.String(c.rng("acm.certificate", k).hex(32)), SignatureAlgorithm: aws.String("SHA256WITHRSA")}
	if strings.HasPrefix(f.domain, "*.") {
		cd.SubjectAlternativeNames = append(cd.SubjectAlternativeNames, f.domain[2:])
	}
	if f.imported {
		cd.Issuer = aws.String("DigiCert Inc")
	}
	return &acm.DescribeCertificateOutput{Certificate: cd}, nil
}

func acmTags(c *call) (any, error) {
	k, err := c.certIndex(c.in.(*acm.ListTagsForCertificateInput).CertificateArn)
	if err != nil {
		return nil, err
	}
	out := &acm.ListTagsForCertificateOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, "acm.certificate", k, "") {
		out.Tags = append(out.Tags, acmtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}

// --- ELBv2: load balancer i sits in two subnets of one VPC and forwards to
// target group i (same VPC) while both exist; other target groups are
// attached to nothing. About 15% of groups have no targets and 10% only
// unhealthy ones: idle load balancers.

type lbFacts struct {
	name, hex         string
	network, internal bool
	https, oldTLS     bool
	subnets           []int
	vpc, sg, cert     int
}

func (c *call) lb(i int) lbFacts {
	r := c.rng("elbv2.load-balancer", i)
	f := lbFacts{network: r.chance(0.15), internal: r.chance(0.35), hex: r.hex(16)}
	typ := "alb"
	if f.network {
		typ = "nlb"
	}
	f.name = fmt.Sprintf("%s-%s-%s-%04d", r.pick(apps), Accounts[c.acct].Env[:4], typ, i)
	s := r.intn(max(c.n("ec2.subnet"), 1))
	f.subnets = []int{s}
	if t := c.nwSubnet(s, s/max(c.n("ec2.vpc"), 1)+1); t != s {
		f.subnets = append(f.subnets, t)
	}
	f.vpc = c.vpcOf(s)
	f.sg = c.nwSG(f.vpc, r.intn(4))
	f.https = !f.internal && r.chance(0.75) || r.chance(0.2)
	f.oldTLS = r.chance(0.2)
	f.cert = i % max(c.n("acm.certificate"), 1)
	return f
}

func (c *call) lbARN(i int) string {
	f := c.lb(i)
	kind := "app"
	if f.network {
		kind = "net"
	}
	return c.arn("elasticloadbalancing", fmt.Sprintf("loadbalancer/%s/%s/%s", kind, f.name, f.hex))
}

func (c *call) lbDNS(name string, internal bool, i int) string {
	dns := fmt.Sprintf("%s-%d.%s.elb.amazonaws.com", name, 100000000+c.rng("elb.dns", i).intn(900000000), c.region)
	if internal {
		dns = "internal-" + dns
	}
	return dns
}

func elbv2LBs(c *call) (any, error) {
	in := c.in.(*elbv2.DescribeLoadBalancersInput)
	items, next := c.list("elbv2.load-balancer", in.Marker, in.PageSize, 400)
	out := &elbv2.DescribeLoadBalancersOutput{NextMarker: next}
	for _, i := range items {
		f := c.lb(i)
		lb := elbtypes.LoadBalancer{LoadBalancerName: aws.String(f.name), LoadBalancerArn: aws.String(c.lbARN(i)), DNSName: aws.String(c.lbDNS(f.name, f.internal, i)),
			CanonicalHostedZoneId: aws.String("Z35SXDOTRQ7X7K"), CreatedTime: c.created("elbv2.load-balancer", i), VpcId: c.vpcID(f.vpc),
			Type: elbtypes.LoadBalancerTypeEnumApplication, Scheme: elbtypes.LoadBalancerSchemeEnumInternetFacing, IpAddressType: elbtypes.IpAddressTypeIpv4,
			State: &elbtypes.LoadBalancerState{Code: elbtypes.LoadBalancerStateEnumActive}, SecurityGroups: []string{c.sgID(f.sg)}}
		if f.internal {
			lb.Scheme = elbtypes.LoadBalancerSchemeEnumInternal
		}
		if f.network {
			lb.Type = elbtypes.LoadBalancerTypeEnumNetwork
			if c.rng("elbv2.load-balancer", i+1<<30).chance(0.6) {
				lb.SecurityGroups = nil
			}
		}
		for _, s := range f.subnets {
			lb.AvailabilityZones = append(lb.AvailabilityZones, elbtypes.AvailabilityZone{ZoneName: aws.String(c.az(s)), SubnetId: aws.String(c.subnetID(s))})
		}
		out.LoadBalancers = append(out.LoadBalancers, lb)
	}
	return out, nil
}

func (c *call) lbIndex(arn *string) (int, error) {
	i, ok := nameIndex(aws.ToString(arn))
	if !ok || !c.alive("elbv2.load-balancer", i) || c.lbARN(i) != aws.ToString(arn) {
		return 0, notFound("LoadBalancerNotFound", "One or more load balancers not found")
	}
	return i, nil
}

func elbv2Attributes(c *call) (any, error) {
	i, err := c.lbIndex(c.in.(*elbv2.DescribeLoadBalancerAttributesInput).LoadBalancerArn)
	if err != nil {
		return nil, err
	}
	m := c.mut("elbv2.load-balancer", i)
	attr := func(k, v string) elbtypes.LoadBalancerAttribute {
		return elbtypes.LoadBalancerAttribute{Key: aws.String(k), Value: aws.String(v)}
	}
	return &elbv2.DescribeLoadBalancerAttributesOutput{Attributes: []elbtypes.LoadBalancerAttribute{
		attr("deletion_protection.enabled", fmt.Sprint(m.chance(0.35))), attr("access_logs.s3.enabled", fmt.Sprint(m.chance(0.3))),
		attr("idle_timeout.timeout_seconds", "60"), attr("routing.http.drop_invalid_header_fields.enabled", fmt.Sprint(m.chance(0.4))),
	}}, nil
}

// paired says whether target group i belongs to load balancer i.
func (c *call) paired(i int) bool {
	return i < c.n("elbv2.load-balancer") && i < c.n("elbv2.target-group")
}

func elbv2Listeners(c *call) (any, error) {
	in := c.in.(*elbv2.DescribeListenersInput)
	i, err := c.lbIndex(in.LoadBalancerArn)
	if err != nil {
		return nil, err
	}
	f := c.lb(i)
	arn := aws.ToString(in.LoadBalancerArn)
	listenerARN := func(n int) *string {
		return aws.String(strings.Replace(arn, ":loadbalancer/", ":listener/", 1) + "/" + c.rng("elbv2.listener", i*4+n).hex(16))
	}
	forward := elbtypes.Action{Type: elbtypes.ActionTypeEnumFixedResponse, Order: aws.Int32(1),
		FixedResponseConfig: &elbtypes.FixedResponseActionConfig{StatusCode: aws.String("503"), ContentType: aws.String("text/plain")}}
	if c.paired(i) && c.alive("elbv2.target-group", i) {
		tg := aws.String(c.tgARN(i))
		forward = elbtypes.Action{Type: elbtypes.ActionTypeEnumForward, Order: aws.Int32(1), TargetGroupArn: tg,
			ForwardConfig: &elbtypes.ForwardActionConfig{TargetGroups: []elbtypes.TargetGroupTuple{{TargetGroupArn: tg, Weight: aws.Int32(1)}}}}
	}
	policy := aws.String("ELBSecurityPolicy-TLS13-1-2-2021-06")
	if f.oldTLS {
		policy = aws.String("ELBSecurityPolicy-2016-08")
	}
	cert := []elbtypes.Certificate{{CertificateArn: aws.String(c.certARN(f.cert)), IsDefault: aws.Bool(true)}}
	var ls []elbtypes.Listener
	switch {
	case f.network && f.https:
		ls = append(ls, elbtypes.Listener{Port: aws.Int32(443), Protocol: elbtypes.ProtocolEnumTls, Certificates: cert, SslPolicy: policy, DefaultActions: []elbtypes.Action{forward}})
	case f.network:
		ls = append(ls, elbtypes.Listener{Port: aws.Int32(80), Protocol: elbtypes.ProtocolEnumTcp, DefaultActions: []elbtypes.Action{forward}})
	case f.https:
		ls = append(ls, elbtypes.Listener{Port: aws.Int32(443), Protocol: elbtypes.ProtocolEnumHttps, Certificates: cert, SslPolicy: policy, DefaultActions: []elbtypes.Action{forward}},
			elbtypes.Listener{Port: aws.Int32(80), Protocol: elbtypes.ProtocolEnumHttp, DefaultActions: []elbtypes.Action{{Type: elbtypes.ActionTypeEnumRedirect, Order: aws.Int32(1),
				RedirectConfig: &elbtypes.RedirectActionConfig{Protocol: aws.String("HTTPS"), Port: aws.String("443"), StatusCode: elbtypes.RedirectActionStatusCodeEnumHttp301}}}})
	default:
		ls = append(ls, elbtypes.Listener{Port: aws.Int32(80), Protocol: elbtypes.ProtocolEnumHttp, DefaultActions: []elbtypes.Action{forward}})
	}
	for n := range ls {
		ls[n].ListenerArn, ls[n].LoadBalancerArn = listenerARN(n), in.LoadBalancerArn
	}
	start, end, next := c.offsetPage(len(ls), in.Marker, c.pageSize(400, in.PageSize))
	return &elbv2.DescribeListenersOutput{Listeners: ls[start:end], NextMarker: next}, nil
}

type tgFacts struct {
	name, hex            string
	vpc, port            int
	network, ip          bool
	empty, unhealthy     bool
	subnet, targetsAsked int
}

func (c *call) tg(j int) tgFacts {
	r, m := c.rng("elbv2.target-group", j), c.mut("elbv2.target-group", j)
	f := tgFacts{hex: r.hex(16), ip: r.chance(0.15), port: []int{80, 8080, 443, 3000}[r.intn(4)]}
	f.name = fmt.Sprintf("%s-%s-tg-%04d", r.pick(apps), Accounts[c.acct].Env[:4], j)
	if c.paired(j) {
		lb := c.lb(j)
		f.vpc, f.network, f.subnet = lb.vpc, lb.network, lb.subnets[0]
	} else {
		f.subnet = r.intn(max(c.n("ec2.subnet"), 1))
		f.vpc = c.vpcOf(f.subnet)
		f.network = r.chance(0.15)
	}
	f.empty = j%7 == 2 || m.chance(0.08)
	f.unhealthy = !f.empty && (j%10 == 5 || m.chance(0.05))
	f.targetsAsked = 1 + r.intn(4)
	return f
}

func (c *call) tgARN(j int) string {
	f := c.tg(j)
	return c.arn("elasticloadbalancing", fmt.Sprintf("targetgroup/%s/%s", f.name, f.hex))
}

func elbv2TargetGroups(c *call) (any, error) {
	in := c.in.(*elbv2.DescribeTargetGroupsInput)
	items, next := c.list("elbv2.target-group", in.Marker, in.PageSize, 400)
	out := &elbv2.DescribeTargetGroupsOutput{NextMarker: next}
	for _, j := range items {
		f := c.tg(j)
		g := elbtypes.TargetGroup{TargetGroupName: aws.String(f.name), TargetGroupArn: aws.String(c.tgARN(j)), VpcId: c.vpcID(f.vpc),
			Protocol: elbtypes.ProtocolEnumHttp, Port: aws.Int32(int32(f.port)), TargetType: elbtypes.TargetTypeEnumInstance,
			HealthCheckProtocol: elbtypes.ProtocolEnumHttp, HealthCheckPath: aws.String("/health"), HealthCheckPort: aws.String("traffic-port"),
			HealthCheckEnabled: aws.Bool(true), HealthCheckIntervalSeconds: aws.Int32(30), HealthyThresholdCount: aws.Int32(5), UnhealthyThresholdCount: aws.Int32(2),
			IpAddressType: elbtypes.TargetGroupIpAddressTypeEnumIpv4, LoadBalancerArns: []string{}}
		if f.network {
			g.Protocol, g.HealthCheckProtocol, g.HealthCheckPath = elbtypes.ProtocolEnumTcp, elbtypes.ProtocolEnumTcp, nil
		} else {
			g.ProtocolVersion = aws.String("HTTP1")
		}
		if f.ip {
			g.TargetType = elbtypes.TargetTypeEnumIp
		}
		if c.paired(j) && c.alive("elbv2.load-balancer", j) {
			g.LoadBalancerArns = []string{c.lbARN(j)}
		}
		out.TargetGroups = append(out.TargetGroups, g)
	}
	return out, nil
}

// vpcInstances are up to n live, non-terminated instances of the VPC,
// probed from a start derived from seed.
func (c *call) vpcInstances(vpc, seed, n int) []int {
	ni := c.n("ec2.instance")
	var out []int
	for t := 0; t < 48 && len(out) < n && ni > 0; t++ {
		y := (seed*7 + t*13) % ni
		if !c.alive("ec2.instance", y) {
			continue
		}
		if f := c.instance(y); f.state != ec2types.InstanceStateNameTerminated && c.vpcOf(f.subnet) == vpc && !containsInt(out, y) {
			out = append(out, y)
		}
	}
	return out
}

func containsInt(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func elbv2Health(c *call) (any, error) {
	arn := aws.ToString(c.in.(*elbv2.DescribeTargetHealthInput).TargetGroupArn)
	j, ok := nameIndex(arn)
	if !ok || !c.alive("elbv2.target-group", j) || c.tgARN(j) != arn {
		return nil, notFound("TargetGroupNotFound", "One or more target groups not found")
	}
	f := c.tg(j)
	out := &elbv2.DescribeTargetHealthOutput{TargetHealthDescriptions: []elbtypes.TargetHealthDescription{}}
	if f.empty {
		return out, nil
	}
	health := func(ok bool) *elbtypes.TargetHealth {
		switch {
		case f.unhealthy:
			return &elbtypes.TargetHealth{State: elbtypes.TargetHealthStateEnumUnhealthy, Reason: elbtypes.TargetHealthReasonEnumFailedHealthChecks, Description: aws.String("Health checks failed")}
		case !ok:
			return &elbtypes.TargetHealth{State: elbtypes.TargetHealthStateEnumUnused, Reason: elbtypes.TargetHealthReasonEnumInvalidState, Description: aws.String("Target is in the stopped state")}
		}
		return &elbtypes.TargetHealth{State: elbtypes.TargetHealthStateEnumHealthy}
	}
	if f.ip {
		for k := range f.targetsAsked {
			s := c.nwSubnet(f.subnet, k)
			out.TargetHealthDescriptions = append(out.TargetHealthDescriptions, elbtypes.TargetHealthDescription{
				Target:       &elbtypes.TargetDescription{Id: aws.String(c.privateIP(s, 200+j*4+k)), Port: aws.Int32(int32(f.port)), AvailabilityZone: aws.String(c.az(s))},
				TargetHealth: health(true), HealthCheckPort: aws.String(fmt.Sprint(f.port))})
		}
		return out, nil
	}
	for _, y := range c.vpcInstances(f.vpc, j, f.targetsAsked) {
		inst := c.instance(y)
		out.TargetHealthDescriptions = append(out.TargetHealthDescriptions, elbtypes.TargetHealthDescription{
			Target:       &elbtypes.TargetDescription{Id: aws.String(c.instanceID(y)), Port: aws.Int32(int32(f.port)), AvailabilityZone: aws.String(c.az(inst.subnet))},
			TargetHealth: health(inst.state == ec2types.InstanceStateNameRunning), HealthCheckPort: aws.String(fmt.Sprint(f.port))})
	}
	return out, nil
}

func elbv2Tags(c *call) (any, error) {
	in := c.in.(*elbv2.DescribeTagsInput)
	out := &elbv2.DescribeTagsOutput{}
	for _, arn := range in.ResourceArns {
		kind, owner := "elbv2.load-balancer", arn
		if strings.Contains(arn, ":listener/") { // a listener carries its load balancer's tags
			owner = strings.Replace(arn[:strings.LastIndex(arn, "/")], ":listener/", ":loadbalancer/", 1)
		}
		i, ok := nameIndex(owner)
		if strings.Contains(arn, ":targetgroup/") {
			kind = "elbv2.target-group"
			ok = ok && c.alive(kind, i) && c.tgARN(i) == arn
		} else {
			ok = ok && c.alive(kind, i) && c.lbARN(i) == owner
		}
		if !ok {
			return nil, notFound("LoadBalancerNotFound", "One or more resources not found: "+arn)
		}
		d := elbtypes.TagDescription{ResourceArn: aws.String(arn), Tags: []elbtypes.Tag{}}
		for _, t := range c.v.tagsOf(c.acct, c.region, kind, i, "") {
			d.Tags = append(d.Tags, elbtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.TagDescriptions = append(out.TagDescriptions, d)
	}
	return out, nil
}

// --- Classic load balancers: legacy, a quarter with no instance left.

func (c *call) clbName(i int) string {
	return fmt.Sprintf("%s-classic-%04d", c.rng("elb.load-balancer", i).pick(apps), i)
}

func (c *call) clbHTTPS(i int) bool { return c.rng("elb.load-balancer", i+1<<30).chance(0.5) }

func clbLBs(c *call) (any, error) {
	in := c.in.(*classic.DescribeLoadBalancersInput)
	items, next := c.list("elb.load-balancer", in.Marker, in.PageSize, 400)
	out := &classic.DescribeLoadBalancersOutput{NextMarker: next}
	for _, i := range items {
		r, m := c.rng("elb.load-balancer", i), c.mut("elb.load-balancer", i)
		name := c.clbName(i)
		s := r.intn(max(c.n("ec2.subnet"), 1))
		vpc := c.vpcOf(s)
		subnets := []string{c.subnetID(s)}
		zones := []string{c.az(s)}
		if t := c.nwSubnet(s, s/max(c.n("ec2.vpc"), 1)+1); t != s {
			subnets, zones = append(subnets, c.subnetID(t)), append(zones, c.az(t))
		}
		internal := r.chance(0.3)
		scheme := "internet-facing"
		if internal {
			scheme = "internal"
		}
		lb := clbtypes.LoadBalancerDescription{LoadBalancerName: aws.String(name), DNSName: aws.String(c.lbDNS(name, internal, 1<<20+i)),
			CanonicalHostedZoneName: aws.String(c.lbDNS(name, internal, 1<<20+i)), CanonicalHostedZoneNameID: aws.String("Z35SXDOTRQ7X7K"),
			CreatedTime: c.created("elb.load-balancer", i), Scheme: aws.String(scheme), VPCId: c.vpcID(vpc), Subnets: subnets, AvailabilityZones: zones,
			SecurityGroups: []string{c.sgID(c.nwSG(vpc, r.intn(4)))}, SourceSecurityGroup: &clbtypes.SourceSecurityGroup{GroupName: aws.String("default"), OwnerAlias: c.owner()},
			HealthCheck:          &clbtypes.HealthCheck{Target: aws.String("HTTP:80/health"), Interval: aws.Int32(30), Timeout: aws.Int32(5), HealthyThreshold: aws.Int32(3), UnhealthyThreshold: aws.Int32(2)},
			ListenerDescriptions: []clbtypes.ListenerDescription{{Listener: &clbtypes.Listener{Protocol: aws.String("HTTP"), LoadBalancerPort: 80, InstanceProtocol: aws.String("HTTP"), InstancePort: aws.Int32(80)}}},
			Instances:            []clbtypes.Instance{}}
		if c.clbHTTPS(i) {
			lb.ListenerDescriptions = append(lb.ListenerDescriptions, clbtypes.ListenerDescription{Listener: &clbtypes.Listener{Protocol: aws.String("HTTPS"), LoadBalancerPort: 443,
				InstanceProtocol: aws.String("HTTP"), InstancePort: aws.Int32(80), SSLCertificateId: aws.String(c.certARN(i % max(c.n("acm.certificate"), 1)))},
				PolicyNames: []string{"ELBSecurityPolicy-2016-08"}})
		}
		if i%4 != 0 && !m.chance(0.1) { // the first of every four serves nobody
			for _, y := range c.vpcInstances(vpc, 1<<16+i, 1+r.intn(3)) {
				lb.Instances = append(lb.Instances, clbtypes.Instance{InstanceId: aws.String(c.instanceID(y))})
			}
		}
		out.LoadBalancerDescriptions = append(out.LoadBalancerDescriptions, lb)
	}
	return out, nil
}

func clbTags(c *call) (any, error) {
	out := &classic.DescribeTagsOutput{}
	for _, name := range c.in.(*classic.DescribeTagsInput).LoadBalancerNames {
		i, ok := trailingIndex(name)
		if !ok || !c.alive("elb.load-balancer", i) || c.clbName(i) != name {
			return nil, notFound("LoadBalancerNotFound", "There is no ACTIVE Load Balancer named '"+name+"'")
		}
		d := clbtypes.TagDescription{LoadBalancerName: aws.String(name)}
		for _, t := range c.v.tagsOf(c.acct, c.region, "elb.load-balancer", i, "") {
			d.Tags = append(d.Tags, clbtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.TagDescriptions = append(out.TagDescriptions, d)
	}
	return out, nil
}

// --- Route 53 (global): one zone in three is private, associated with
// one to three VPCs of the account across regions.

func (c *call) zoneID(z int) string {
	r := c.v.rng(c.acct, global, "route53.hosted-zone", z, 0x20e)
	b := make([]byte, 10)
	for k := range b {
		b[k] = byte('A' + r.intn(26))
	}
	return fmt.Sprintf("Z%s%d", b, z)
}

func (c *call) zone(z int) r53types.HostedZone {
	r := c.grng("route53.hosted-zone", z)
	env := Accounts[c.acct].Env
	private := z%3 == 1
	name := fmt.Sprintf("%s.acme-%s.com.", r.pick(apps), env)
	if z == 0 {
		name = fmt.Sprintf("%s.acme.example.", env)
	}
	if private {
		name = fmt.Sprintf("%s.%s.internal.", r.pick(apps), env)
	}
	hz := r53types.HostedZone{Id: aws.String("/hostedzone/" + c.zoneID(z)), Name: aws.String(name), CallerReference: aws.String(c.uuid("route53.ref", z)),
		Config: &r53types.HostedZoneConfig{PrivateZone: private, Comment: aws.String("managed by terraform")}, ResourceRecordSetCount: aws.Int64(int64(2 + r.intn(400)))}
	if private && z%9 == 7 {
		hz.LinkedService = &r53types.LinkedService{ServicePrincipal: aws.String("servicediscovery.amazonaws.com"), Description: aws.String("Cloud Map namespace")}
		hz.Config.Comment = aws.String("")
	}
	return hz
}

func (c *call) zoneIndex(id string) (int, error) {
	id = strings.TrimPrefix(id, "/hostedzone/")
	z, ok := trailingIndex(id)
	if !ok || !c.v.exists(c.acct, global, "route53.hosted-zone", z) || c.zoneID(z) != id {
		return 0, notFound("NoSuchHostedZone", "No hosted zone found with ID: "+id)
	}
	return z, nil
}

func r53Zones(c *call) (any, error) {
	in := c.in.(*route53.ListHostedZonesInput)
	items, next := c.at(global).list("route53.hosted-zone", in.Marker, in.MaxItems, 100)
	out := &route53.ListHostedZonesOutput{NextMarker: next, IsTruncated: next != nil, Marker: in.Marker, MaxItems: aws.Int32(int32(c.pageSize(100, in.MaxItems)))}
	for _, z := range items {
		out.HostedZones = append(out.HostedZones, c.zone(z))
	}
	return out, nil
}

func r53Zone(c *call) (any, error) {
	z, err := c.zoneIndex(aws.ToString(c.in.(*route53.GetHostedZoneInput).Id))
	if err != nil {
		return nil, err
	}
	hz := c.zone(z)
	out := &route53.GetHostedZoneOutput{HostedZone: &hz}
	if !hz.Config.PrivateZone {
		out.DelegationSet = &r53types.DelegationSet{NameServers: []string{"ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk", "ns-3.awsdns-03.com", "ns-4.awsdns-04.net"}}
		return out, nil
	}
	for t := range 1 + z%3 {
		region := Regions[(z+t*2)%len(Regions)]
		if t == 0 {
			region = Regions[z%2*2] // us-east-1 or us-west-2
		}
		nv := c.v.e.base[countKey{c.acct, region, "ec2.vpc"}]
		if nv == 0 {
			continue
		}
		out.VPCs = append(out.VPCs, r53types.VPC{VPCId: aws.String(c.v.eid(c.acct, region, "ec2.vpc", "vpc", (z/3+t)%nv)), VPCRegion: r53types.VPCRegion(region)})
	}
	return out, nil
}

func r53Tags(c *call) (any, error) {
	out := &route53.ListTagsForResourcesOutput{}
	for _, id := range c.in.(*route53.ListTagsForResourcesInput).ResourceIds {
		z, err := c.zoneIndex(id)
		if err != nil {
			return nil, err
		}
		set := r53types.ResourceTagSet{ResourceId: aws.String(id), ResourceType: r53types.TagResourceTypeHostedzone}
		for _, t := range c.v.tagsOf(c.acct, global, "route53.hosted-zone", z, "") {
			set.Tags = append(set.Tags, r53types.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.ResourceTagSets = append(out.ResourceTagSets, set)
	}
	return out, nil
}

// --- Route 53 Resolver: configuration 0 logs every VPC of the region,
// the others one VPC each; logs go to a live bucket of the account.

func (c *call) rqlcID(q int) string { return c.id("route53resolver.query-log-config", "rslvr-qlc", q) }

func (c *call) rqlcVPCs(q int) []int {
	nv := c.n("ec2.vpc")
	if q == 0 {
		out := make([]int, nv)
		for v := range out {
			out[v] = v
		}
		return out
	}
	if nv == 0 {
		return nil
	}
	return []int{q % nv}
}

func (c *call) logBucket() string {
	if b := c.liveBucket(0); b != "" {
		return b
	}
	return "acme-dns-logs"
}

func rslvConfigs(c *call) (any, error) {
	in := c.in.(*route53resolver.ListResolverQueryLogConfigsInput)
	items, next := c.list("route53resolver.query-log-config", in.NextToken, in.MaxResults, 100)
	out := &route53resolver.ListResolverQueryLogConfigsOutput{NextToken: next, TotalCount: int32(c.v.Count(c.acct, c.region, "route53resolver.query-log-config"))}
	for _, q := range items {
		id := c.rqlcID(q)
		dest := "arn:aws:s3:::" + c.logBucket()
		if q%2 == 1 {
			dest = c.arn("logs", "log-group:/aws/route53/resolver-"+id)
		}
		out.ResolverQueryLogConfigs = append(out.ResolverQueryLogConfigs, rslvtypes.ResolverQueryLogConfig{Id: aws.String(id),
			Arn: aws.String(c.arn("route53resolver", "resolver-query-log-config/"+id)), Name: aws.String(fmt.Sprintf("%s-dns-query-logs-%02d", Accounts[c.acct].Env, q)),
			DestinationArn: aws.String(dest), Status: rslvtypes.ResolverQueryLogConfigStatusCreated, AssociationCount: int32(len(c.rqlcVPCs(q))),
			ShareStatus: rslvtypes.ShareStatusNotShared, OwnerId: c.owner(), CreatorRequestId: aws.String(c.uuid("rqlc.req", q)),
			CreationTime: aws.String(c.created("route53resolver.query-log-config", q).Format(time.RFC3339))})
		if q == 0 && c.acct == 2 {
			out.ResolverQueryLogConfigs[len(out.ResolverQueryLogConfigs)-1].ShareStatus = rslvtypes.ShareStatusSharedByMe
		}
	}
	return out, nil
}

func rslvAssociations(c *call) (any, error) {
	in := c.in.(*route53resolver.ListResolverQueryLogConfigAssociationsInput)
	type assoc struct{ q, v int }
	var all []assoc // a few configurations × a few VPCs
	c.v.each(c.acct, c.region, "route53resolver.query-log-config", 0, func(q int) bool {
		for _, v := range c.rqlcVPCs(q) {
			all = append(all, assoc{q, v})
		}
		return true
	})
	start, end, next := c.offsetPage(len(all), in.NextToken, c.pageSize(100, in.MaxResults))
	out := &route53resolver.ListResolverQueryLogConfigAssociationsOutput{NextToken: next, TotalCount: int32(len(all))}
	for _, a := range all[start:end] {
		out.ResolverQueryLogConfigAssociations = append(out.ResolverQueryLogConfigAssociations, rslvtypes.ResolverQueryLogConfigAssociation{
			Id: aws.String(c.id("route53resolver.assoc", "rslvr-qlcassoc", a.q*64+a.v)), ResolverQueryLogConfigId: aws.String(c.rqlcID(a.q)),
			ResourceId: c.vpcID(a.v), Status: rslvtypes.ResolverQueryLogConfigAssociationStatusActive,
			CreationTime: aws.String(c.created("route53resolver.query-log-config", a.q).Format(time.RFC3339))})
	}
	return out, nil
}

func (c *call) endpointID(e int) string {
	if e%2 == 0 {
		return c.id("route53resolver.resolver-endpoint", "rslvr-in", e)
	}
	return c.id("route53resolver.resolver-endpoint", "rslvr-out", e)
}

func rslvEndpoints(c *call) (any, error) {
	in := c.in.(*route53resolver.ListResolverEndpointsInput)
	items, next := c.list("route53resolver.resolver-endpoint", in.NextToken, in.MaxResults, 100)
	out := &route53resolver.ListResolverEndpointsOutput{NextToken: next, MaxResults: in.MaxResults}
	for _, e := range items {
		s := c.rng("route53resolver.resolver-endpoint", e).intn(max(c.n("ec2.subnet"), 1))
		vpc := c.vpcOf(s)
		id := c.endpointID(e)
		dir := rslvtypes.ResolverEndpointDirectionInbound
		if e%2 == 1 {
			dir = rslvtypes.ResolverEndpointDirectionOutbound
		}
		status := rslvtypes.ResolverEndpointStatusOperational
		if c.mut("route53resolver.resolver-endpoint", e).chance(0.05) {
			status = rslvtypes.ResolverEndpointStatusActionNeeded
		}
		ts := aws.String(c.created("route53resolver.resolver-endpoint", e).Format(time.RFC3339))
		out.ResolverEndpoints = append(out.ResolverEndpoints, rslvtypes.ResolverEndpoint{Id: aws.String(id), Arn: aws.String(c.arn("route53resolver", "resolver-endpoint/"+id)),
			Name: aws.String(fmt.Sprintf("%s-%s-resolver-%02d", Accounts[c.acct].Env, strings.ToLower(string(dir)), e)), Direction: dir, IpAddressCount: aws.Int32(2),
			HostVPCId: c.vpcID(vpc), SecurityGroupIds: []string{c.sgID(c.nwSG(vpc, e))}, Status: status, ResolverEndpointType: rslvtypes.ResolverEndpointTypeIpv4,
			Protocols: []rslvtypes.Protocol{rslvtypes.ProtocolDo53}, CreationTime: ts, ModificationTime: ts, CreatorRequestId: aws.String(c.uuid("rslvr.req", e))})
	}
	return out, nil
}

func rslvTags(c *call) (any, error) {
	in := c.in.(*route53resolver.ListTagsForResourceInput)
	arn := aws.ToString(in.ResourceArn)
	id := arn[strings.LastIndex(arn, "/")+1:]
	kind, prefix := "route53resolver.query-log-config", "rslvr-qlc-"
	if strings.Contains(arn, ":resolver-endpoint/") {
		kind, prefix = "route53resolver.resolver-endpoint", id[:strings.LastIndex(id, "-")+1]
	}
	i, ok := decodeID(c.v.salt(c.acct, c.region, kind), strings.TrimPrefix(id, prefix))
	if !ok || !c.alive(kind, i) {
		return nil, notFound("ResourceNotFoundException", "Resource "+arn+" does not exist")
	}
	out := &route53resolver.ListTagsForResourceOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, kind, i, "") {
		out.Tags = append(out.Tags, rslvtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}

// --- CloudFront (global): distributions front a bucket (with OAC) or a
// us-east-1 load balancer; one in four still allows plain HTTP; those with
// an alias use an ACM certificate of us-east-1.

type distFacts struct {
	id, domain, alias string
	acm, allowHTTP    bool
	bucket, lb, cert  int
}

func (c *call) dist(d int) distFacts {
	r := c.v.rng(c.acct, global, "cloudfront.distribution", d, 0)
	m := c.v.rng(c.acct, global, "cloudfront.distribution", d, 1+uint64(c.v.version(c.acct, global, "cloudfront.distribution", d)))
	b := make([]byte, 9)
	for k := range b {
		b[k] = byte('A' + r.intn(26))
	}
	f := distFacts{id: fmt.Sprintf("E%s%d", b, d), domain: "d" + r.hex(13) + ".cloudfront.net", bucket: -1, lb: -1}
	use1 := c.at("us-east-1")
	if nc := use1.n("acm.certificate"); nc > 0 && r.chance(0.6) {
		f.acm, f.cert = true, d%nc
		f.alias = strings.TrimPrefix(use1.cert(f.cert).domain, "*.")
		if strings.HasPrefix(use1.cert(f.cert).domain, "*.") {
			f.alias = "www." + f.alias
		}
	}
	f.allowHTTP = d%4 == 1 || m.chance(0.05)
	if nl := use1.n("elbv2.load-balancer"); nl > 0 && r.chance(0.35) {
		f.lb = d % nl
	} else {
		f.bucket = d % max(c.g("s3.bucket"), 1)
	}
	return f
}

func (c *call) distARN(d int) string {
	return fmt.Sprintf("arn:aws:cloudfront::%s:distribution/%s", Accounts[c.acct].ID, c.dist(d).id)
}

func cfDistributions(c *call) (any, error) {
	in := c.in.(*cloudfront.ListDistributionsInput)
	g := c.at(global)
	items, next := g.list("cloudfront.distribution", in.Marker, in.MaxItems, 1000)
	list := &cftypes.DistributionList{Marker: aws.String(deref(in.Marker)), NextMarker: next, IsTruncated: aws.Bool(next != nil),
		MaxItems: aws.Int32(int32(c.pageSize(1000, in.MaxItems))), Quantity: aws.Int32(int32(len(items))), Items: []cftypes.DistributionSummary{}}
	use1 := c.at("us-east-1")
	for _, d := range items {
		f := g.dist(d)
		m := c.v.rng(c.acct, global, "cloudfront.distribution", d, 1+uint64(c.v.version(c.acct, global, "cloudfront.distribution", d)))
		var o cftypes.Origin
		if f.lb >= 0 {
			lb := use1.lb(f.lb)
			o = cftypes.Origin{Id: aws.String("alb-" + lb.name), DomainName: aws.String(use1.lbDNS(lb.name, lb.internal, f.lb)), OriginPath: aws.String(""),
				CustomOriginConfig: &cftypes.CustomOriginConfig{HTTPPort: aws.Int32(80), HTTPSPort: aws.Int32(443), OriginProtocolPolicy: cftypes.OriginProtocolPolicyHttpsOnly}}
		} else {
			bucket := c.bucket(f.bucket).name
			o = cftypes.Origin{Id: aws.String("s3-" + bucket), DomainName: aws.String(bucket + ".s3.amazonaws.com"), OriginPath: aws.String(""),
				S3OriginConfig: &cftypes.S3OriginConfig{OriginAccessIdentity: aws.String("")}, OriginAccessControlId: aws.String("E" + strings.ToUpper(c.v.rng(c.acct, global, "cf.oac", 0, 0).hex(13)))}
			if d%6 == 5 {
				o.OriginAccessControlId = aws.String("")
				o.S3OriginConfig.OriginAccessIdentity = aws.String("origin-access-identity/cloudfront/E" + strings.ToUpper(c.v.rng(c.acct, global, "cf.oai", 0, 0).hex(13)))
			}
		}
		policy := cftypes.ViewerProtocolPolicyRedirectToHttps
		if f.allowHTTP {
			policy = cftypes.ViewerProtocolPolicyAllowAll
		}
		vc := &cftypes.ViewerCertificate{CloudFrontDefaultCertificate: aws.Bool(true), MinimumProtocolVersion: cftypes.MinimumProtocolVersionTLSv1}
		aliases := &cftypes.Aliases{Quantity: aws.Int32(0)}
		if f.acm {
			arn := use1.certARN(f.cert)
			vc = &cftypes.ViewerCertificate{ACMCertificateArn: aws.String(arn),
				SSLSupportMethod: cftypes.SSLSupportMethodSniOnly, MinimumProtocolVersion: cftypes.MinimumProtocolVersionTLSv122021, CloudFrontDefaultCertificate: aws.Bool(false)}
			if d%5 == 2 {
				vc.MinimumProtocolVersion = cftypes.MinimumProtocolVersionTLSv12016
			}
			aliases = &cftypes.Aliases{Quantity: aws.Int32(1), Items: []string{f.alias}}
		}
		s := cftypes.DistributionSummary{Id: aws.String(f.id), ARN: aws.String(g.distARN(d)), DomainName: aws.String(f.domain), Aliases: aliases,
			Comment: aws.String(fmt.Sprintf("%s CDN", Accounts[c.acct].Env)), Enabled: aws.Bool(!m.chance(0.07)), Status: aws.String("Deployed"),
			LastModifiedTime: g.gcreated("cloudfront.distribution", d), PriceClass: []cftypes.PriceClass{cftypes.PriceClassPriceClassAll, cftypes.PriceClassPriceClass100, cftypes.PriceClassPriceClass200}[d%3],
			WebACLId: aws.String(""), Origins: &cftypes.Origins{Quantity: aws.Int32(1), Items: []cftypes.Origin{o}},
			DefaultCacheBehavior: &cftypes.DefaultCacheBehavior{TargetOriginId: o.Id, ViewerProtocolPolicy: policy, Compress: aws.Bool(true)},
			CacheBehaviors:       &cftypes.CacheBehaviors{Quantity: aws.Int32(0)}, CustomErrorResponses: &cftypes.CustomErrorResponses{Quantity: aws.Int32(0)},
			Restrictions:      &cftypes.Restrictions{GeoRestriction: &cftypes.GeoRestriction{Quantity: aws.Int32(0), RestrictionType: cftypes.GeoRestrictionTypeNone}},
			ViewerCertificate: vc, HttpVersion: cftypes.HttpVersionHttp2, IsIPV6Enabled: aws.Bool(d%3 != 2), Staging: aws.Bool(false)}
		if d%3 == 0 {
			s.WebACLId = aws.String(fmt.Sprintf("arn:aws:wafv2:us-east-1:%s:global/webacl/edge-protection/%s", Accounts[c.acct].ID, c.uuid("waf", 0)))
		}
		list.Items = append(list.Items, s)
	}
	return &cloudfront.ListDistributionsOutput{DistributionList: list}, nil
}

func cfTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*cloudfront.ListTagsForResourceInput).Resource)
	g := c.at(global)
	d, ok := trailingIndex(arn)
	if !ok || !g.alive("cloudfront.distribution", d) || g.distARN(d) != arn {
		return nil, notFound("NoSuchResource", "The specified resource does not exist.")
	}
	out := &cloudfront.ListTagsForResourceOutput{Tags: &cftypes.Tags{}}
	for _, t := range c.v.tagsOf(c.acct, global, "cloudfront.distribution", d, "") {
		out.Tags.Items = append(out.Tags.Items, cftypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}
