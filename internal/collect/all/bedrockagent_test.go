package all_test

import (
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagent"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagent/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/bedrockagent"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var bedrockagentPaged = collecttest.Paged{Cap: 2}

const bedrockagentRegion = "us-east-1"

var (
	bedrockagentRole = "arn:aws:iam::" + account + ":role/agent"
	bedrockagentKey  = "arn:aws:kms:us-east-1:" + account + ":key/k-ag"
)

// moto writes this service's times as numbers, which the SDK cannot
// read: the whole estate is canned. Three agents (the first encrypted
// with a customer key) and three knowledge bases, over two pages each;
// each knowledge base has two data sources, over two pages.
func bedrockagentEstate() map[string]func(any) (any, error) {
	created := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	arn := func(res string) *string { return aws.String("arn:aws:bedrock:us-east-1:" + account + ":" + res) }
	return map[string]func(any) (any, error){
		"ListAgents": func(in any) (any, error) {
			if aws.ToString(in.(*bedrockagent.ListAgentsInput).NextToken) == "" {
				return &bedrockagent.ListAgentsOutput{NextToken: aws.String("2"), AgentSummaries: []types.AgentSummary{
					{AgentId: aws.String("A0"), AgentName: aws.String("helper0")}, {AgentId: aws.String("A1"), AgentName: aws.String("helper1")}}}, nil
			}
			return &bedrockagent.ListAgentsOutput{AgentSummaries: []types.AgentSummary{{AgentId: aws.String("A2"), AgentName: aws.String("helper2")}}}, nil
		},
		"GetAgent": func(in any) (any, error) {
			id := aws.ToString(in.(*bedrockagent.GetAgentInput).AgentId)
			a := &types.Agent{AgentId: aws.String(id), AgentArn: arn("agent/" + id), AgentResourceRoleArn: aws.String(bedrockagentRole), AgentStatus: types.AgentStatusPrepared,
				FoundationModel: aws.String("anthropic.claude-v2"), IdleSessionTTLInSeconds: aws.Int32(600), CreatedAt: &created}
			if id == "A0" {
				a.CustomerEncryptionKeyArn = aws.String(bedrockagentKey)
				a.GuardrailConfiguration = &types.GuardrailConfiguration{GuardrailIdentifier: aws.String("gr1")}
			}
			return &bedrockagent.GetAgentOutput{Agent: a}, nil
		},
		"ListKnowledgeBases": func(in any) (any, error) {
			if aws.ToString(in.(*bedrockagent.ListKnowledgeBasesInput).NextToken) == "" {
				return &bedrockagent.ListKnowledgeBasesOutput{NextToken: aws.String("2"), KnowledgeBaseSummaries: []types.KnowledgeBaseSummary{
					{KnowledgeBaseId: aws.String("KB0"), Name: aws.String("docs0")}, {KnowledgeBaseId: aws.String("KB1"), Name: aws.String("docs1")}}}, nil
			}
			return &bedrockagent.ListKnowledgeBasesOutput{KnowledgeBaseSummaries: []types.KnowledgeBaseSummary{{KnowledgeBaseId: aws.String("KB2"), Name: aws.String("docs2")}}}, nil
		},
		"GetKnowledgeBase": func(in any) (any, error) {
			id := aws.ToString(in.(*bedrockagent.GetKnowledgeBaseInput).KnowledgeBaseId)
			return &bedrockagent.GetKnowledgeBaseOutput{KnowledgeBase: &types.KnowledgeBase{KnowledgeBaseId: aws.String(id), KnowledgeBaseArn: arn("knowledge-base/" + id),
				RoleArn: aws.String(bedrockagentRole), Status: types.KnowledgeBaseStatusActive, Description: aws.String("manuals"), CreatedAt: &created,
				KnowledgeBaseConfiguration: &types.KnowledgeBaseConfiguration{Type: types.KnowledgeBaseTypeVector},
				StorageConfiguration:       &types.StorageConfiguration{Type: types.KnowledgeBaseStorageTypeOpensearchServerless}}}, nil
		},
		"ListDataSources": func(in any) (any, error) {
			l := in.(*bedrockagent.ListDataSourcesInput)
			if aws.ToString(l.NextToken) == "" {
				return &bedrockagent.ListDataSourcesOutput{NextToken: aws.String("2"), DataSourceSummaries: []types.DataSourceSummary{
					{KnowledgeBaseId: l.KnowledgeBaseId, DataSourceId: aws.String("s3src"), Name: aws.String("bucket")}}}, nil
			}
			return &bedrockagent.ListDataSourcesOutput{DataSourceSummaries: []types.DataSourceSummary{
				{KnowledgeBaseId: l.KnowledgeBaseId, DataSourceId: aws.String("web"), Name: aws.String("site")}}}, nil
		},
		"GetDataSource": func(in any) (any, error) {
			g := in.(*bedrockagent.GetDataSourceInput)
			d := &types.DataSource{KnowledgeBaseId: g.KnowledgeBaseId, DataSourceId: g.DataSourceId, Status: types.DataSourceStatusAvailable, CreatedAt: &created,
				DataDeletionPolicy: types.DataDeletionPolicyRetain, DataSourceConfiguration: &types.DataSourceConfiguration{Type: types.DataSourceTypeWeb}}
			if aws.ToString(g.DataSourceId) == "s3src" {
				d.DataSourceConfiguration = &types.DataSourceConfiguration{Type: types.DataSourceTypeS3, S3Configuration: &types.S3DataSourceConfiguration{BucketArn: aws.String("arn:aws:s3:::manuals")}}
				d.ServerSideEncryptionConfiguration = &types.ServerSideEncryptionConfiguration{KmsKeyArn: aws.String(bedrockagentKey)}
			}
			return &bedrockagent.GetDataSourceOutput{DataSource: d}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &bedrockagent.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*bedrockagent.ListTagsForResourceInput).ResourceArn)}}, nil
		},
	}
}

// with is the canned estate with some answers replaced.
func with(replace map[string]func(any) (any, error)) awsx.Options {
	answers := bedrockagentEstate()
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestBedrockagentTypes(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, bedrockagentRegion, with(nil))
	got := bedrockagentPaged.Run(t, cfg, collector.Service, "agent", bedrockagentRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("agents: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()["A0"]
	wantARN := "arn:aws:bedrock:us-east-1:" + account + ":agent/A0"
	if a.Name != "helper0" || a.ARN != wantARN || a.Tags["arn"] != wantARN || a.CreatedAt != "2026-06-01T00:00:00Z" ||
		a.Details["kms_key_arn"] != bedrockagentKey || a.Details["guardrail"] != "gr1" || a.Details["status"] != "PREPARED" || a.Details["idle_session_ttl"] != int64(600) {
		t.Errorf("A0 %+v", a)
	}
	collecttest.HasEdges(t, got, "A0 -encrypted-with-> kms/key:k-ag", "A2 -assumes-role-> iam/role:agent")

	got = bedrockagentPaged.Run(t, cfg, collector.Service, "knowledge-base", bedrockagentRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("knowledge bases: %v, %d", got.Err, len(got.Resources))
	}
	k := got.ByID()["KB1"]
	if k.Name != "docs1" || k.Tags["arn"] != k.ARN || k.ARN != "arn:aws:bedrock:us-east-1:"+account+":knowledge-base/KB1" ||
		k.Details["kind"] != "VECTOR" || k.Details["storage"] != "OPENSEARCH_SERVERLESS" || k.Details["description"] != "manuals" {
		t.Fatalf("KB1 %+v", k)
	}
	collecttest.HasEdges(t, got, "KB1 -assumes-role-> iam/role:agent")

	got = bedrockagentPaged.Run(t, cfg, collector.Service, "data-source", bedrockagentRegion)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("data sources: %v, %d", got.Err, len(got.Resources))
	}
	d := got.ByID()["KB2/s3src"]
	if d == nil || d.Name != "bucket" || d.ARN != "" || d.Details["source_type"] != "S3" || d.Details["bucket_arn"] != "arn:aws:s3:::manuals" || d.Details["kms_key_arn"] != bedrockagentKey ||
		d.Details["data_deletion_policy"] != "RETAIN" {
		t.Fatalf("s3 source %+v", d)
	}
	collecttest.HasEdges(t, got, "KB2/s3src -feeds-> bedrock-agent/knowledge-base:KB2", "KB2/s3src -reads-from-> s3/bucket:manuals", "KB2/s3src -encrypted-with-> kms/key:k-ag")
}

func TestBedrockagentDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"agent": "ListAgents", "knowledge-base": "ListKnowledgeBases", "data-source": "ListKnowledgeBases"} {
		cfg := collecttest.ConfigWith(t, bedrockagentRegion, with(map[string]func(any) (any, error){op: collecttest.Denied(op)}))
		collecttest.AssertDenied(t, bedrockagentPaged.Run(t, cfg, collector.Service, typ, bedrockagentRegion))
	}
	// Sources that cannot be listed fail the collection.
	cfg := collecttest.ConfigWith(t, bedrockagentRegion, with(map[string]func(any) (any, error){"ListDataSources": collecttest.Denied("ListDataSources")}))
	collecttest.AssertDenied(t, bedrockagentPaged.Run(t, cfg, collector.Service, "data-source", bedrockagentRegion))
	cfg = collecttest.ConfigWith(t, bedrockagentRegion, with(map[string]func(any) (any, error){"GetAgent": collecttest.Denied("GetAgent"), "ListTagsForResource": collecttest.Denied("ListTagsForResource")}))
	got := bedrockagentPaged.Run(t, cfg, collector.Service, "agent", bedrockagentRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 6 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want agents without details and two warnings each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
