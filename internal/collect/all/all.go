// Package all is the registry: the one place every service collector is listed.
package all

import (
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/ec2"
)

// Services returns every collector, in the order --list-services shows them.
func Services() []*collect.Service {
	return []*collect.Service{
		ec2.Service,
	}
}
