// Package bedrockagent collects Agents for Amazon Bedrock: agents,
// knowledge bases and the data sources that feed them.
package bedrockagent

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagent"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagent/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Agents for Bedrock collector.
var Service = &collect.Service{
	Name:        "bedrock-agent",
	Description: "Bedrock agents, knowledge bases and their data sources",
	Types: []collect.Type{
		{Name: "agent", Description: "Bedrock agent (id = agent id), its working draft",
			Fields: agentFields.Declared(), Tags: collect.TagsPerResource, Collect: agents, DetailCalls: 2},
		{Name: "knowledge-base", Description: "Bedrock knowledge base (id = knowledge base id): its vector store and role",
			Fields: knowledgeBaseFields.Declared(), Tags: collect.TagsPerResource, Collect: knowledgeBases, DetailCalls: 2},
		{Name: "data-source", Description: "data source of a Bedrock knowledge base (id = knowledge base id/data source id; data sources have no ARN)",
			Fields: dataSourceFields.Declared(), Tags: collect.NotTaggable, Collect: dataSources, DetailCalls: 2},
	},
	Calls: "agent: ListAgents + per agent GetAgent, ListTagsForResource. ListKnowledgeBases once for knowledge-base and data-source; " +
		"knowledge-base: per knowledge base GetKnowledgeBase, ListTagsForResource. " +
		"data-source: per knowledge base ListDataSources + per data source GetDataSource",
	Relations: []collect.Relation{
		{From: "agent", Kind: "assumes-role", To: "iam/role"},
		{From: "agent", Kind: "encrypted-with", To: "kms/key"},
		{From: "knowledge-base", Kind: "assumes-role", To: "iam/role"},
		{From: "data-source", Kind: "feeds", To: "bedrock-agent/knowledge-base"},
		{From: "data-source", Kind: "reads-from", To: "s3/bucket"},
		{From: "data-source", Kind: "encrypted-with", To: "kms/key"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *bedrockagent.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &bedrockagent.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return out.Tags
}

var agentFields = collect.Fields[*types.Agent]{
	collect.Enum("status", "CREATING, PREPARING, PREPARED, NOT_PREPARED, DELETING, FAILED, VERSIONING or UPDATING", func(a *types.Agent) types.AgentStatus { return a.AgentStatus }),
	collect.Text("foundation_model", "model the agent orchestrates with", func(a *types.Agent) *string { return a.FoundationModel }),
	collect.Text("description", "agent description", func(a *types.Agent) *string { return a.Description }),
	collect.Text("role_arn", "IAM role the agent calls models and actions with", func(a *types.Agent) *string { return a.AgentResourceRoleArn }),
	collect.Text("kms_key_arn", "customer managed KMS key encrypting the agent; empty: AWS owned key", func(a *types.Agent) *string { return a.CustomerEncryptionKeyArn }),
	collect.Computed("guardrail", model.Text, "guardrail applied to the agent; empty: none", func(a *types.Agent) any {
		if a.GuardrailConfiguration == nil {
			return ""
		}
		return aws.ToString(a.GuardrailConfiguration.GuardrailIdentifier)
	}),
	collect.Int("idle_session_ttl", "seconds an idle session is kept", func(a *types.Agent) *int32 { return a.IdleSessionTTLInSeconds }),
	collect.Timestamp("prepared_at", "when the draft was last prepared", func(a *types.Agent) *time.Time { return a.PreparedAt }),
	collect.Timestamp("updated_at", "last change of the draft", func(a *types.Agent) *time.Time { return a.UpdatedAt }),
}

func agents(ctx context.Context, t *collect.Task) error {
	api := bedrockagent.NewFromConfig(t.Config)
	p := bedrockagent.NewListAgentsPaginator(api, &bedrockagent.ListAgentsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *bedrockagent.ListAgentsOutput) []types.AgentSummary { return page.AgentSummaries },
		func(ctx context.Context, s types.AgentSummary) {
			id := aws.ToString(s.AgentId)
			key := t.Key("agent", id)
			r := &model.Resource{Key: key, Name: aws.ToString(s.AgentName), ARN: collect.ARN(t, "bedrock", "", "agent/"+id)}
			if out, err := api.GetAgent(ctx, &bedrockagent.GetAgentInput{AgentId: s.AgentId}); err != nil {
				t.Warn("GetAgent", err)
			} else if a := out.Agent; a != nil {
				r.ARN, r.CreatedAt, r.Details = aws.ToString(a.AgentArn), model.Time(a.CreatedAt), agentFields.Details(a)
				t.Relate(key, "assumes-role", t.Role(aws.ToString(a.AgentResourceRoleArn)))
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(a.CustomerEncryptionKeyArn)))
			}
			r.Tags = tags(ctx, t, api, r.ARN)
			t.Emit(r)
		})
}

var knowledgeBaseFields = collect.Fields[*types.KnowledgeBase]{
	collect.Enum("status", "CREATING, ACTIVE, DELETING, UPDATING, FAILED or DELETE_UNSUCCESSFUL", func(k *types.KnowledgeBase) types.KnowledgeBaseStatus { return k.Status }),
	collect.Text("description", "knowledge base description", func(k *types.KnowledgeBase) *string { return k.Description }),
	collect.Computed("kind", model.Text, "VECTOR, KENDRA or SQL", func(k *types.KnowledgeBase) any {
		if k.KnowledgeBaseConfiguration == nil {
			return ""
		}
		return string(k.KnowledgeBaseConfiguration.Type)
	}),
	collect.Computed("storage", model.Text, "vector store: OPENSEARCH_SERVERLESS, PINECONE, RDS, NEPTUNE_ANALYTICS, ...", func(k *types.KnowledgeBase) any {
		if k.StorageConfiguration == nil {
			return ""
		}
		return string(k.StorageConfiguration.Type)
	}),
	collect.Text("role_arn", "IAM role the knowledge base reads its sources with", func(k *types.KnowledgeBase) *string { return k.RoleArn }),
	collect.Timestamp("updated_at", "last change", func(k *types.KnowledgeBase) *time.Time { return k.UpdatedAt }),
}

// eachKnowledgeBase runs fn on every knowledge base, concurrently; they
// are listed once for the knowledge-base and data-source types.
func eachKnowledgeBase(ctx context.Context, api *bedrockagent.Client, t *collect.Task, fn func(context.Context, types.KnowledgeBaseSummary)) error {
	p := bedrockagent.NewListKnowledgeBasesPaginator(api, &bedrockagent.ListKnowledgeBasesInput{MaxResults: t.PageSize(1000)})
	list, err := collect.ReuseItems(ctx, t, "ListKnowledgeBases", p, func(page *bedrockagent.ListKnowledgeBasesOutput) []types.KnowledgeBaseSummary {
		return page.KnowledgeBaseSummaries
	})
	collect.ForEach(ctx, list, fn)
	return err
}

func knowledgeBases(ctx context.Context, t *collect.Task) error {
	api := bedrockagent.NewFromConfig(t.Config)
	return eachKnowledgeBase(ctx, api, t, func(ctx context.Context, s types.KnowledgeBaseSummary) {
		id := aws.ToString(s.KnowledgeBaseId)
		key := t.Key("knowledge-base", id)
		r := &model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: collect.ARN(t, "bedrock", "", "knowledge-base/"+id)}
		if out, err := api.GetKnowledgeBase(ctx, &bedrockagent.GetKnowledgeBaseInput{KnowledgeBaseId: s.KnowledgeBaseId}); err != nil {
			t.Warn("GetKnowledgeBase", err)
		} else if k := out.KnowledgeBase; k != nil {
			r.ARN, r.CreatedAt, r.Details = aws.ToString(k.KnowledgeBaseArn), model.Time(k.CreatedAt), knowledgeBaseFields.Details(k)
			t.Relate(key, "assumes-role", t.Role(aws.ToString(k.RoleArn)))
		}
		r.Tags = tags(ctx, t, api, r.ARN)
		t.Emit(r)
	})
}

var dataSourceFields = collect.Fields[*types.DataSource]{
	collect.Enum("status", "AVAILABLE, DELETING, DELETE_UNSUCCESSFUL", func(d *types.DataSource) types.DataSourceStatus { return d.Status }),
	collect.Text("knowledge_base_id", "knowledge base the source feeds", func(d *types.DataSource) *string { return d.KnowledgeBaseId }),
	collect.Computed("source_type", model.Text, "S3, WEB, CONFLUENCE, SALESFORCE, SHAREPOINT, CUSTOM or REDSHIFT_METADATA", func(d *types.DataSource) any {
		return string(sourceConfig(d).Type)
	}),
	collect.Computed("bucket_arn", model.Text, "S3 bucket of an S3 source", func(d *types.DataSource) any { return bucketARN(d) }),
	collect.Computed("kms_key_arn", model.Text, "KMS key encrypting transient ingestion data", func(d *types.DataSource) any { return kmsKey(d) }),
	collect.Enum("data_deletion_policy", "RETAIN or DELETE: what happens to the vectors when the source is deleted", func(d *types.DataSource) types.DataDeletionPolicy {
		return d.DataDeletionPolicy
	}),
}

func sourceConfig(d *types.DataSource) types.DataSourceConfiguration {
	if d.DataSourceConfiguration == nil {
		return types.DataSourceConfiguration{}
	}
	return *d.DataSourceConfiguration
}

func bucketARN(d *types.DataSource) string {
	if c := sourceConfig(d).S3Configuration; c != nil {
		return aws.ToString(c.BucketArn)
	}
	return ""
}

func kmsKey(d *types.DataSource) string {
	if d.ServerSideEncryptionConfiguration == nil {
		return ""
	}
	return aws.ToString(d.ServerSideEncryptionConfiguration.KmsKeyArn)
}

func dataSources(ctx context.Context, t *collect.Task) error {
	api := bedrockagent.NewFromConfig(t.Config)
	var failed collect.Errors
	err := eachKnowledgeBase(ctx, api, t, func(ctx context.Context, kb types.KnowledgeBaseSummary) {
		p := bedrockagent.NewListDataSourcesPaginator(api, &bedrockagent.ListDataSourcesInput{KnowledgeBaseId: kb.KnowledgeBaseId, MaxResults: t.PageSize(1000)})
		err := collect.EachItem(ctx, p, func(page *bedrockagent.ListDataSourcesOutput) []types.DataSourceSummary {
			return page.DataSourceSummaries
		},
			func(ctx context.Context, s types.DataSourceSummary) { emitDataSource(ctx, t, api, s) })
		failed.Add(err)
	})
	return failed.Join(err)
}

func emitDataSource(ctx context.Context, t *collect.Task, api *bedrockagent.Client, s types.DataSourceSummary) {
	kb, id := aws.ToString(s.KnowledgeBaseId), aws.ToString(s.DataSourceId)
	key := t.Key("data-source", kb+"/"+id)
	r := &model.Resource{Key: key, Name: aws.ToString(s.Name)}
	t.Relate(key, "feeds", t.Key("knowledge-base", kb))
	out, err := api.GetDataSource(ctx, &bedrockagent.GetDataSourceInput{KnowledgeBaseId: s.KnowledgeBaseId, DataSourceId: s.DataSourceId})
	if err != nil {
		t.Warn("GetDataSource", err)
	} else if d := out.DataSource; d != nil {
		r.CreatedAt, r.Details = model.Time(d.CreatedAt), dataSourceFields.Details(d)
		t.RelateByName(key, "reads-from", "s3", "bucket", collect.ARNResourceName(bucketARN(d)), t.Region)
		t.Relate(key, "encrypted-with", t.KMSKey(kmsKey(d)))
	}
	t.Emit(r)
}
