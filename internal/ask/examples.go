package ask

import (
	"sort"
	"strings"
)

// Example is one question of the examples library.
type Example struct {
	Service  string `json:"service"` // "general" for cross-service questions
	Question string `json:"question"`
}

// curated are questions that read better written by hand.
var curated = []Example{
	{"general", "how many resources per region"},
	{"general", "how many resources per account"},
	{"general", "count resources per service"},
	{"general", "count resources per account and service"},
	{"general", "which service has the most resources"},
	{"general", "which region has the most resources"},
	{"general", "which account has the fewest resources"},
	{"general", "resources without any tags"},
	{"general", "count untagged resources per service"},
	{"general", "resources tagged Environment=production"},
	{"general", "count resources in production per service"},
	{"general", "resources with 5 or more tags"},
	{"general", "count resources per Owner tag"},
	{"general", "count resources by team tag and region"},
	{"general", "resources not in us-east-1 per region"},
	{"general", "how many resources in us-east-1 vs eu-west-1"},
	{"general", "resources created in the last 7 days"},
	{"general", "count resources created this month per service"},
	{"general", "who has admin access"},
	{"general", "which roles have admin access"},
	{"general", "what is wasting money"},
	{"general", "what changed since yesterday"},
	{"general", "what changed in the last 7 days per service"},
	{"general", "what was deleted last month"},
	{"general", "what was added this week"},
	{"general", "count changes since yesterday by type"},
	{"general", "default resources per region"},
	{"ec2", "stopped instances in eu-west-1"},
	{"ec2", "count ec2 instances per instance type"},
	{"ec2", "ec2 instances per state and region"},
	{"ec2", "instances without an Owner tag"},
	{"ec2", "public ec2 instances"},
	{"ec2", "unattached volumes"},
	{"ec2", "volumes not attached to anything"},
	{"ec2", "unencrypted disks larger than 100 GB"},
	{"ec2", "gp2 volumes per region"},
	{"ec2", "top 10 volumes sorted by size gb descending"},
	{"ec2", "vpcs without any subnets"},
	{"ec2", "security groups open to the world"},
	{"ec2", "unused elastic ips"},
	{"ec2", "snapshots older than 180 days"},
	{"ec2", "amis created before 2025-01-01"},
	{"s3", "public buckets"},
	{"s3", "buckets without versioning"},
	{"s3", "buckets not logging"},
	{"s3", "buckets named logs containing prod"},
	{"iam", "users without mfa"},
	{"iam", "roles trusting external accounts"},
	{"iam", "roles not used in the last 90 days"},
	{"iam", "policies that allow admin"},
	{"rds", "public databases"},
	{"rds", "unencrypted databases"},
	{"rds", "databases using postgres"},
	{"rds", "count databases per engine"},
	{"rds", "rds instances without deletion protection"},
	{"rds", "rds instances with allocated storage between 100 and 500"},
	{"lambda", "count functions per runtime"},
	{"lambda", "functions using python 3.12"},
	{"lambda", "functions not using python or nodejs"},
	{"lambda", "functions with memory greater than 1 GB"},
	{"lambda", "lambda functions with timeout between 30 and 300 seconds"},
	{"lambda", "which runtime has the most functions"},
	{"lambda", "distinct runtimes of lambda functions"},
	{"lambda", "functions modified in the last 30 days"},
	{"lambda", "count lambda functions and s3 buckets per region"},
	{"acm", "certificates expiring within 30 days"},
	{"acm", "certs expiring soon"},
	{"acm", "expired certificates"},
	{"acm", "certificates not in use"},
	{"cloudtrail", "trails not logging"},
	{"dynamodb", "tables without pitr"},
	{"dynamodb", "tables with more than 1000 items"},
	{"elbv2", "count load balancers per region"},
	{"elbv2", "internet facing load balancers"},
	{"kms", "kms keys without rotation"},
	{"logs", "log groups with retention days greater than 30"},
	{"secretsmanager", "secrets without rotation"},
	{"sqs", "fifo queues"},
}

// Examples returns the examples library: the curated questions, then
// questions generated from the catalog, grouped by service.
func (c *Catalog) Examples() []Example {
	c.examplesOnce.Do(func() { c.examples = generateExamples(c) })
	return c.examples
}

func generateExamples(c *Catalog) []Example {
	out := append([]Example(nil), curated...)
	seen := map[string]bool{}
	for _, e := range out {
		seen[e.Question] = true
	}
	add := func(svc, q string) {
		if !seen[q] {
			seen[q] = true
			out = append(out, Example{svc, q})
		}
	}
	for _, t := range c.types {
		ph := t.Service + " " + plural(strings.ReplaceAll(t.Type, "-", " "))
		s := t.Service
		add(s, "how many "+ph)
		add(s, "list "+ph)
		add(s, "count "+ph+" per region")
		add(s, "count "+ph+" per account")
		add(s, "count "+ph+" per region and account")
		add(s, ph+" in us-east-1")
		add(s, ph+" not in us-east-1")
		add(s, "count "+ph+" in us-east-1 vs eu-west-1")
		add(s, "which region has the most "+ph)
		add(s, ph+" created in the last 30 days")
		add(s, ph+" without an Owner tag")
		add(s, ph+" tagged with Environment")
		add(s, "count "+ph+" per Environment tag")
		add(s, "5 newest "+ph)
		add(s, ph+" changed since yesterday")
		for _, f := range t.Fields {
			words := strings.ReplaceAll(f.Name, "_", " ")
			switch f.Type {
			case "boolean":
				if stopWords[f.Name] {
					continue
				}
				add(s, ph+" with "+words)
				add(s, ph+" without "+words)
			case "integer", "real":
				if len(strings.Split(f.Name, "_")) <= 3 {
					add(s, ph+" with "+words+" greater than 10")
					add(s, "top 5 "+ph+" sorted by "+words+" descending")
				}
			case "text":
				if vals := enumValues(f); len(vals) > 0 && len(strings.Split(f.Name, "_")) <= 3 {
					add(s, "count "+ph+" per "+words)
					add(s, ph+" with "+words+" "+vals[0])
				}
			case "timestamp":
				if len(strings.Split(f.Name, "_")) <= 3 {
					add(s, ph+" sorted by "+words)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Service < out[j].Service })
	return out
}

// Closest returns up to n example questions sharing the most words with q.
func (c *Catalog) Closest(q string, n int) []string {
	want := contentStems(q)
	type scored struct {
		q     string
		score float64
	}
	var all []scored
	for _, e := range c.Examples() {
		have := contentStems(e.Question)
		common := 0
		for w := range want {
			if have[w] {
				common++
			}
		}
		if common == 0 {
			continue
		}
		all = append(all, scored{e.Question, float64(common) / float64(len(want)+len(have)-common)})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []string
	for i := 0; i < len(all) && len(out) < n; i++ {
		out = append(out, all[i].q)
	}
	if len(out) == 0 {
		for _, e := range curated[:n] {
			out = append(out, e.Question)
		}
	}
	return out
}

func contentStems(q string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tokenize(q) {
		if !stopWords[t.word] {
			m[t.stem] = true
		}
	}
	return m
}
