package demo

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	kafkatypes "github.com/aws/aws-sdk-go-v2/service/kafka/types"
)

// MSK: clusters in application VPCs, one in four serverless. Provisioned
// cluster 0 of a region still accepts plaintext from clients
// (TLS_PLAINTEXT, msk-no-tls finds it), and so do about a fifth of the
// others; a few let clients in unauthenticated, and one in seven TLS-only
// clusters has public broker addresses.
func init() {
	kinds = append(kinds, &kind{name: "kafka.cluster", weight: 0.06, max: 10})
	kindByName["kafka.cluster"] = kinds[len(kinds)-1]
	register("Kafka", map[string]handler{"ListClustersV2": kafkaClusters})
}

func kafkaClusters(c *call) (any, error) {
	in := c.in.(*kafka.ListClustersV2Input)
	items, next := c.list("kafka.cluster", in.NextToken, in.MaxResults, 10)
	out := &kafka.ListClustersV2Output{NextToken: next}
	for _, i := range items {
		r, m := c.rng("kafka.cluster", i), c.mut("kafka.cluster", i)
		name := fmt.Sprintf("%s-%s-events-%04d", r.pick(projects), Accounts[c.acct].Env, i)
		vpc := c.appVPC(i)
		subnets, groups := c.vpcSubnets(vpc, i, 3), []string{c.vpcSG(vpc, i)}
		cl := kafkatypes.Cluster{ClusterName: aws.String(name), CreationTime: c.created("kafka.cluster", i), State: kafkatypes.ClusterStateActive,
			ClusterArn:     aws.String(c.arn("kafka", "cluster/"+name+"/"+c.uuid("kafka.cluster", i)+"-"+fmt.Sprint(1+i%20))),
			CurrentVersion: aws.String("K" + r.hex(13)), Tags: c.tagMap("kafka.cluster", i, "")}
		if m.chance(0.04) {
			cl.State = kafkatypes.ClusterStateUpdating
		}
		if i%4 == 3 {
			cl.ClusterType = kafkatypes.ClusterTypeServerless
			cl.Serverless = &kafkatypes.Serverless{VpcConfigs: []kafkatypes.VpcConfig{{SubnetIds: subnets, SecurityGroupIds: groups}},
				ClientAuthentication: &kafkatypes.ServerlessClientAuthentication{Sasl: &kafkatypes.ServerlessSasl{Iam: &kafkatypes.Iam{Enabled: aws.Bool(true)}}}}
			out.ClusterInfoList = append(out.ClusterInfoList, cl)
			continue
		}
		clientBroker := kafkatypes.ClientBrokerTls
		if i == 0 || r.chance(0.2) {
			clientBroker = kafkatypes.ClientBrokerTlsPlaintext
		}
		if r.chance(0.05) {
			clientBroker = kafkatypes.ClientBrokerPlaintext
		}
		brokers := int32(len(subnets) * (1 + r.intn(2)))
		public := "DISABLED"
		if clientBroker == kafkatypes.ClientBrokerTls && i%7 == 5 {
			public = "SERVICE_PROVIDED_EIPS"
		}
		cl.ClusterType = kafkatypes.ClusterTypeProvisioned
		cl.Provisioned = &kafkatypes.Provisioned{NumberOfBrokerNodes: aws.Int32(brokers),
			BrokerNodeGroupInfo: &kafkatypes.BrokerNodeGroupInfo{ClientSubnets: subnets, SecurityGroups: groups,
				InstanceType:     aws.String([]string{"kafka.t3.small", "kafka.m5.large", "kafka.m7g.large", "kafka.m5.2xlarge"}[r.intn(4)]),
				ConnectivityInfo: &kafkatypes.ConnectivityInfo{PublicAccess: &kafkatypes.PublicAccess{Type: aws.String(public)}}},
			CurrentBrokerSoftwareInfo: &kafkatypes.BrokerSoftwareInfo{KafkaVersion: aws.String([]string{"3.6.0", "3.5.1", "2.8.1", "3.7.x"}[r.intn(4)])},
			EncryptionInfo: &kafkatypes.EncryptionInfo{EncryptionAtRest: &kafkatypes.EncryptionAtRest{DataVolumeKMSKeyId: aws.String(c.kmsARN())},
				EncryptionInTransit: &kafkatypes.EncryptionInTransit{ClientBroker: clientBroker, InCluster: aws.Bool(!r.chance(0.05))}},
			ClientAuthentication: &kafkatypes.ClientAuthentication{Unauthenticated: &kafkatypes.Unauthenticated{Enabled: aws.Bool(clientBroker != kafkatypes.ClientBrokerTls && r.chance(0.5))},
				Sasl: &kafkatypes.Sasl{Iam: &kafkatypes.Iam{Enabled: aws.Bool(true)}}},
			EnhancedMonitoring: []kafkatypes.EnhancedMonitoring{kafkatypes.EnhancedMonitoringDefault, kafkatypes.EnhancedMonitoringPerBroker}[m.intn(2)]}
		out.ClusterInfoList = append(out.ClusterInfoList, cl)
	}
	return out, nil
}
