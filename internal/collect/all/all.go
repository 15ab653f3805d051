// Package all is the registry: the one place every service collector is listed.
package all

import (
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/acm"
	"github.com/awsmap/awsmap/internal/collect/ec2"
	"github.com/awsmap/awsmap/internal/collect/iam"
	"github.com/awsmap/awsmap/internal/collect/kms"
	"github.com/awsmap/awsmap/internal/collect/s3"
	"github.com/awsmap/awsmap/internal/collect/secretsmanager"
	"github.com/awsmap/awsmap/internal/collect/ssm"
	"github.com/awsmap/awsmap/internal/model"
)

// Services returns every collector, in the order --list-services shows them.
func Services() []*collect.Service {
	return []*collect.Service{
		ec2.Service,
		s3.Service,
		iam.Service,
		kms.Service,
		secretsmanager.Service,
		ssm.Service,
		acm.Service,
	}
}

// Types describes every resource type of every collector.
func Types() []model.TypeInfo {
	var out []model.TypeInfo
	for _, s := range Services() {
		for _, t := range s.Types {
			out = append(out, s.Info(t))
		}
	}
	return out
}
