package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	"github.com/aws/aws-sdk-go-v2/service/mq/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mq"
)

func TestMqConfigurations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := mq.NewFromConfig(cfg)
	ids := map[string]string{}
	for i := range 3 {
		out, err := api.CreateConfiguration(context.Background(), &mq.CreateConfigurationInput{Name: aws.String(fmt.Sprintf("conf%d", i)),
			EngineType: types.EngineTypeActivemq, EngineVersion: aws.String("5.17.6"), Tags: map[string]string{"n": fmt.Sprint(i)}})
		if err != nil {
			t.Fatal(err)
		}
		ids[fmt.Sprintf("conf%d", i)] = aws.ToString(out.Id)
	}
	b, err := api.CreateBroker(context.Background(), &mq.CreateBrokerInput{BrokerName: aws.String("orders"), EngineType: types.EngineTypeActivemq,
		EngineVersion: aws.String("5.17.6"), HostInstanceType: aws.String("mq.t3.micro"), DeploymentMode: types.DeploymentModeSingleInstance,
		PubliclyAccessible: aws.Bool(false), AutoMinorVersionUpgrade: aws.Bool(true), Configuration: &types.ConfigurationId{Id: aws.String(ids["conf1"])},
		Users: []types.User{{Username: aws.String("admin"), Password: aws.String("Secret123456!")}}})
	if err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "configuration", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("configurations: %v, %d", got.Err, len(got.Resources))
	}
	c := got.ByID()[ids["conf2"]]
	if c.Name != "conf2" || c.ARN != "arn:aws:mq:eu-west-1:"+collecttest.MotoAccount+":configuration:"+ids["conf2"] || c.CreatedAt == "" {
		t.Errorf("conf2: %s %s %q", c.Name, c.ARN, c.CreatedAt)
	}
	for k, v := range map[string]any{"engine_type": "ACTIVEMQ", "engine_version": "5.17.6", "latest_revision": int64(1)} {
		if c.Details[k] != v {
			t.Errorf("conf2 details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	// moto answers "simple" where AWS answers SIMPLE, and lists
	// configurations without their tags (AWS lists them).
	if !strings.EqualFold(fmt.Sprint(c.Details["authentication_strategy"]), "SIMPLE") {
		t.Errorf("conf2: %v", c.Details["authentication_strategy"])
	}
	brokers := collecttest.Run(t, cfg, collector.Service, "broker", region)
	collecttest.HasEdges(t, brokers, aws.ToString(b.BrokerId)+" -uses-configuration-> mq/configuration:"+ids["conf1"])

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListConfigurations")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "configuration", region))
}
