package demo

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	mqtypes "github.com/aws/aws-sdk-go-v2/service/mq/types"
)

// Amazon MQ: ActiveMQ and RabbitMQ brokers of application VPCs. Broker 0
// of a region is publicly accessible and logs nothing (mq-public-brokers,
// mq-no-logging find it), and about one in eight of the others is public;
// most use an AWS-owned key. Each broker has its own configuration, some
// revised a few times.
func init() {
	kinds = append(kinds, &kind{name: "mq.broker", weight: 0.06, max: 10})
	kindByName["mq.broker"] = kinds[len(kinds)-1]
	register("mq", map[string]handler{"ListBrokers": mqBrokers, "DescribeBroker": mqDescribeBroker, "ListConfigurations": mqConfigurations})
}

type mqFacts struct {
	id, name string
	engine   mqtypes.EngineType
	mode     mqtypes.DeploymentMode
	public   bool
}

func (c *call) mqBroker(i int) mqFacts {
	r := c.rng("mq.broker", i)
	f := mqFacts{id: "b-" + c.uuid("mq.broker", i), engine: mqtypes.EngineTypeActivemq, mode: mqtypes.DeploymentModeSingleInstance, public: i == 0 || r.chance(0.12)}
	if r.chance(0.5) {
		f.engine = mqtypes.EngineTypeRabbitmq
	}
	if Accounts[c.acct].Env == "production" && r.chance(0.7) {
		f.mode = mqtypes.DeploymentModeActiveStandbyMultiAz
		if f.engine == mqtypes.EngineTypeRabbitmq {
			f.mode = mqtypes.DeploymentModeClusterMultiAz
		}
	}
	f.name = fmt.Sprintf("%s-%s-broker-%04d", r.pick(apps), Accounts[c.acct].Env, i)
	return f
}

func (c *call) mqARN(f mqFacts) string { return c.arn("mq", "broker:"+f.name+":"+f.id) }

func mqBrokers(c *call) (any, error) {
	in := c.in.(*mq.ListBrokersInput)
	items, next := c.list("mq.broker", in.NextToken, in.MaxResults, 100)
	out := &mq.ListBrokersOutput{NextToken: next}
	for _, i := range items {
		f := c.mqBroker(i)
		out.BrokerSummaries = append(out.BrokerSummaries, mqtypes.BrokerSummary{BrokerId: aws.String(f.id), BrokerName: aws.String(f.name),
			BrokerArn: aws.String(c.mqARN(f)), Created: c.created("mq.broker", i), DeploymentMode: f.mode, EngineType: f.engine, BrokerState: mqtypes.BrokerStateRunning,
			HostInstanceType: aws.String("mq.m5.large")})
	}
	return out, nil
}

func mqDescribeBroker(c *call) (any, error) {
	id := aws.ToString(c.in.(*mq.DescribeBrokerInput).BrokerId)
	i, ok := c.uuidIndex("mq.broker", id)
	if !ok || !c.alive("mq.broker", i) {
		return nil, notFound("NotFoundException", "Can't find requested broker ["+id+"].")
	}
	f, r, m := c.mqBroker(i), c.rng("mq.broker", i+1<<30), c.mut("mq.broker", i)
	vpc := c.appVPC(i)
	subnets := c.vpcSubnets(vpc, i, 1)
	if f.mode != mqtypes.DeploymentModeSingleInstance {
		subnets = c.vpcSubnets(vpc, i, 2)
	}
	version := "5.17.6"
	if f.engine == mqtypes.EngineTypeRabbitmq {
		version = []string{"3.13", "3.11.28", "3.9.27"}[r.intn(3)]
	}
	out := &mq.DescribeBrokerOutput{BrokerId: aws.String(f.id), BrokerName: aws.String(f.name), BrokerArn: aws.String(c.mqARN(f)),
		BrokerState: mqtypes.BrokerStateRunning, Created: c.created("mq.broker", i), DeploymentMode: f.mode, EngineType: f.engine, EngineVersion: aws.String(version),
		HostInstanceType: aws.String([]string{"mq.t3.micro", "mq.m5.large", "mq.m7g.large"}[r.intn(3)]), PubliclyAccessible: aws.Bool(f.public),
		AuthenticationStrategy: mqtypes.AuthenticationStrategySimple, AutoMinorVersionUpgrade: aws.Bool(m.chance(0.6)), SubnetIds: subnets,
		SecurityGroups: []string{c.vpcSG(vpc, i)}, EncryptionOptions: &mqtypes.EncryptionOptions{UseAwsOwnedKey: aws.Bool(true)},
		Logs: &mqtypes.LogsSummary{General: aws.Bool(i != 0 && m.chance(0.5))}, Tags: c.tagMap("mq.broker", i, "")}
	if f.engine == mqtypes.EngineTypeActivemq {
		out.Logs.Audit = aws.Bool(m.chance(0.3))
		if r.chance(0.2) {
			out.AuthenticationStrategy = mqtypes.AuthenticationStrategyLdap
		}
	}
	if r.chance(0.3) {
		out.EncryptionOptions = &mqtypes.EncryptionOptions{UseAwsOwnedKey: aws.Bool(false), KmsKeyId: aws.String(c.kmsARN())}
	}
	return out, nil
}

// mqConfigurations lists the configuration of each live broker, paged
// like the brokers.
func mqConfigurations(c *call) (any, error) {
	in := c.in.(*mq.ListConfigurationsInput)
	items, next := c.list("mq.broker", in.NextToken, in.MaxResults, 100)
	out := &mq.ListConfigurationsOutput{NextToken: next, MaxResults: in.MaxResults}
	for _, i := range items {
		f, m := c.mqBroker(i), c.mut("mq.broker", i)
		id := "c-" + c.uuid("mq.configuration", i)
		version := "5.17.6"
		if f.engine == mqtypes.EngineTypeRabbitmq {
			version = "3.13"
		}
		rev := 1 + m.intn(4)
		revised := c.created("mq.broker", i).Add(time.Duration(rev-1) * 240 * time.Hour)
		if revised.After(c.v.e.now) {
			revised = c.v.e.now.Add(-time.Hour)
		}
		out.Configurations = append(out.Configurations, mqtypes.Configuration{Id: aws.String(id), Name: aws.String(f.name + "-config"),
			Arn: aws.String(c.arn("mq", "configuration:"+id)), Created: c.created("mq.broker", i), EngineType: f.engine, EngineVersion: aws.String(version),
			AuthenticationStrategy: mqtypes.AuthenticationStrategySimple, Description: aws.String("settings of " + f.name),
			LatestRevision: &mqtypes.ConfigurationRevision{Revision: aws.Int32(int32(rev)), Created: aws.Time(revised)},
			Tags:           c.tagMap("mq.configuration", i, "")})
	}
	return out, nil
}
