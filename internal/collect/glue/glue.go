// Package glue collects the Glue Data Catalog (databases, tables,
// connections) and Glue ETL (jobs, crawlers, triggers, workflows).
package glue

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Glue collector.
var Service = &collect.Service{
	Name:        "glue",
	Description: "Glue Data Catalog, ETL and Schema Registry: databases, tables, connections, jobs, crawlers, triggers, workflows, security configurations, dev endpoints, registries, schemas",
	Types: []collect.Type{
		{Name: "database", Description: "Data Catalog database of the account's own catalog (id = name)", Fields: databaseFields.Declared(), Tags: collect.TagsPerResource, Collect: databases, DetailCalls: 1},
		{Name: "table", Description: "Data Catalog table (id = database/table)", Fields: tableFields.Declared(), Tags: collect.NotTaggable, Collect: tables},
		{Name: "connection", Description: "Glue connection (id = name); only whether a password is stored, never the password", Fields: connectionFields.Declared(), Tags: collect.TagsPerResource, Collect: connections, DetailCalls: 1},
		{Name: "job", Description: "Glue ETL job (id = name)", Fields: jobFields.Declared(), Tags: collect.TagsPerResource, Collect: jobs, DetailCalls: 1},
		{Name: "crawler", Description: "Glue crawler (id = name)", Fields: crawlerFields.Declared(), Tags: collect.TagsPerResource, Collect: crawlers, DetailCalls: 1},
		{Name: "trigger", Description: "Glue trigger starting jobs and crawlers (id = name)", Fields: triggerFields.Declared(), Tags: collect.TagsPerResource, Collect: triggers, DetailCalls: 1},
		{Name: "workflow", Description: "Glue workflow (id = name)", Fields: workflowFields.Declared(), Tags: collect.TagsPerResource, Collect: workflows, DetailCalls: 1},
		{Name: "security-configuration", Description: "Glue security configuration (id = name): encryption of S3 output, CloudWatch logs and job bookmarks",
			Fields: securityConfigurationFields.Declared(), Tags: collect.NotTaggable, Collect: securityConfigurations},
		{Name: "dev-endpoint", Description: "Glue development endpoint (id = name), billed while it exists; a public address means SSH from the internet",
			Fields: devEndpointFields.Declared(), Tags: collect.TagsPerResource, Collect: devEndpoints, DetailCalls: 1},
		{Name: "registry", Description: "Glue Schema Registry registry (id = name)", Fields: registryFields.Declared(), Tags: collect.TagsPerResource, Collect: registries, DetailCalls: 1},
		{Name: "schema", Description: "Glue Schema Registry schema (id = registry/schema)", Fields: schemaFields.Declared(), Tags: collect.TagsPerResource, Collect: schemas, DetailCalls: 2},
	},
	Calls: "GetDatabases once for the database and table types; table: per database GetTables. connection: GetConnections. job: GetJobs. " +
		"crawler: GetCrawlers. trigger: GetTriggers. workflow: ListWorkflows + BatchGetWorkflows per 25. security-configuration: GetSecurityConfigurations. " +
		"dev-endpoint: GetDevEndpoints. registry: ListRegistries. schema: ListSchemas + per schema GetSchema. " +
		"Every type but table and security-configuration: per resource GetTags",
	Relations: []collect.Relation{
		{From: "table", Kind: "in-database", To: "glue/database"},
		{From: "connection", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "connection", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "job", Kind: "assumes-role", To: "iam/role"},
		{From: "job", Kind: "uses-connection", To: "glue/connection"},
		{From: "crawler", Kind: "assumes-role", To: "iam/role"},
		{From: "crawler", Kind: "writes-to", To: "glue/database"},
		{From: "trigger", Kind: "starts", To: "glue/job"},
		{From: "trigger", Kind: "starts", To: "glue/crawler"},
		{From: "trigger", Kind: "member-of", To: "glue/workflow"},
		{From: "job", Kind: "uses-security-configuration", To: "glue/security-configuration"},
		{From: "security-configuration", Kind: "encrypted-with", To: "kms/key"},
		{From: "dev-endpoint", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "dev-endpoint", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "dev-endpoint", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "dev-endpoint", Kind: "assumes-role", To: "iam/role"},
		{From: "dev-endpoint", Kind: "uses-security-configuration", To: "glue/security-configuration"},
		{From: "schema", Kind: "in-registry", To: "glue/registry"},
	},
}

func client(t *collect.Task) *glue.Client { return glue.NewFromConfig(t.Config) }

// arn is the ARN of a Glue resource: kind/name, as Glue's tag API takes it.
func arn(t *collect.Task, kind, name string) string {
	return collect.ARN(t, "glue", "", kind+"/"+name)
}

// emitTagged reads each resource's tags with GetTags, concurrently, and
// emits it; a failed tag read leaves the resource untagged and the
// collection partial.
func emitTagged(ctx context.Context, t *collect.Task, api *glue.Client, rs []*model.Resource) {
	collect.ForEach(ctx, rs, func(ctx context.Context, r *model.Resource) {
		out, err := api.GetTags(ctx, &glue.GetTagsInput{ResourceArn: aws.String(r.ARN)})
		if err != nil {
			t.Warn("GetTags", err)
		} else {
			r.Tags = out.Tags
		}
		t.Emit(r)
	})
}
