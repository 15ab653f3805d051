package audit

import (
	"regexp"
	"testing"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/acm"
	"github.com/awsmap/awsmap/internal/collect/autoscaling"
	"github.com/awsmap/awsmap/internal/collect/cloudformation"
	"github.com/awsmap/awsmap/internal/collect/cloudfront"
	"github.com/awsmap/awsmap/internal/collect/cloudtrail"
	"github.com/awsmap/awsmap/internal/collect/cloudwatch"
	"github.com/awsmap/awsmap/internal/collect/dynamodb"
	"github.com/awsmap/awsmap/internal/collect/ec2"
	"github.com/awsmap/awsmap/internal/collect/ecr"
	"github.com/awsmap/awsmap/internal/collect/ecs"
	"github.com/awsmap/awsmap/internal/collect/efs"
	"github.com/awsmap/awsmap/internal/collect/eks"
	"github.com/awsmap/awsmap/internal/collect/elasticache"
	"github.com/awsmap/awsmap/internal/collect/elb"
	"github.com/awsmap/awsmap/internal/collect/elbv2"
	"github.com/awsmap/awsmap/internal/collect/iam"
	"github.com/awsmap/awsmap/internal/collect/kms"
	"github.com/awsmap/awsmap/internal/collect/lambda"
	"github.com/awsmap/awsmap/internal/collect/logs"
	"github.com/awsmap/awsmap/internal/collect/rds"
	"github.com/awsmap/awsmap/internal/collect/route53resolver"
	"github.com/awsmap/awsmap/internal/collect/s3"
	"github.com/awsmap/awsmap/internal/collect/secretsmanager"
	"github.com/awsmap/awsmap/internal/collect/sns"
	"github.com/awsmap/awsmap/internal/collect/sqs"
	"github.com/awsmap/awsmap/internal/collect/ssm"
)

// collectors are the services the audits read.
var collectors = []*collect.Service{acm.Service, autoscaling.Service, cloudformation.Service, cloudfront.Service, cloudtrail.Service,
	cloudwatch.Service, dynamodb.Service, ec2.Service, ecr.Service, ecs.Service, efs.Service, eks.Service,
	elasticache.Service, elb.Service, elbv2.Service, iam.Service, kms.Service, lambda.Service, logs.Service,
	rds.Service, route53resolver.Service, s3.Service, secretsmanager.Service, sns.Service, sqs.Service, ssm.Service}

// nestedKeys are keys inside JSON list items the collectors document in
// their field descriptions (access_keys, routes).
var nestedKeys = map[string]bool{"id": true, "status": true, "created": true, "last_used": true, "target": true}

var fieldRef = regexp.MustCompile(`'\$\.([a-z0-9_]+)'`)

// TestAuditsReadRealFields checks every details field an audit reads is in
// the Fields catalogue of a type it declares, and that every declared type
// exists.
func TestAuditsReadRealFields(t *testing.T) {
	fields := map[TypeRef]map[string]bool{}
	for _, s := range collectors {
		for _, typ := range s.Types {
			m := map[string]bool{}
			for _, f := range typ.Fields {
				m[f.Name] = true
			}
			fields[TypeRef{s.Name, typ.Name}] = m
		}
	}
	check := func(what, sql string, reads []TypeRef) {
		for _, r := range reads {
			if fields[r] == nil {
				t.Errorf("%s reads %s, which no collector produces", what, r)
			}
		}
		for _, m := range fieldRef.FindAllStringSubmatch(sql, -1) {
			f := m[1]
			found := nestedKeys[f]
			for _, r := range reads {
				found = found || fields[r][f]
			}
			if !found {
				t.Errorf("%s reads details field %q, not in the Fields of %v", what, f, reads)
			}
		}
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		check("query "+q.Name, q.SQL, q.Reads)
	}
	for _, r := range Rules {
		check("waste rule "+r.Key, r.SQL, r.Reads)
	}
}
