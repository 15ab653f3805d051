package ask

import (
	"sort"
	"strings"
)

// Example is one question of the examples library.
type Example struct {
	Service  string `json:"service"` // "general" for cross-service questions
	Question string `json:"question"`
	Field    string `json:"-"` // the field a generated question asks about, if any

	stems map[string]bool // contentStems(Question), for Closest
}

// curated are questions that read better written by hand.
var curated = []Example{
	{Service: "general", Question: "how many resources per region"},
	{Service: "general", Question: "how many resources per account"},
	{Service: "general", Question: "count resources per service"},
	{Service: "general", Question: "count resources per account and service"},
	{Service: "general", Question: "which service has the most resources"},
	{Service: "general", Question: "which region has the most resources"},
	{Service: "general", Question: "which account has the fewest resources"},
	{Service: "general", Question: "resources without any tags"},
	{Service: "general", Question: "count untagged resources per service"},
	{Service: "general", Question: "resources tagged Environment=production"},
	{Service: "general", Question: "count resources in production per service"},
	{Service: "general", Question: "resources with 5 or more tags"},
	{Service: "general", Question: "count resources per Owner tag"},
	{Service: "general", Question: "count resources by team tag and region"},
	{Service: "general", Question: "resources not in us-east-1 per region"},
	{Service: "general", Question: "how many resources in us-east-1 vs eu-west-1"},
	{Service: "general", Question: "resources created in the last 7 days"},
	{Service: "general", Question: "count resources created this month per service"},
	{Service: "general", Question: "who has admin access"},
	{Service: "general", Question: "which roles have admin access"},
	{Service: "general", Question: "what is wasting money"},
	{Service: "general", Question: "what changed since yesterday"},
	{Service: "general", Question: "what changed in the last 7 days per service"},
	{Service: "general", Question: "what was deleted last month"},
	{Service: "general", Question: "what was added this week"},
	{Service: "general", Question: "count changes since yesterday by type"},
	{Service: "general", Question: "default resources per region"},
	{Service: "ec2", Question: "stopped instances in eu-west-1"},
	{Service: "ec2", Question: "count ec2 instances per instance type"},
	{Service: "ec2", Question: "ec2 instances per state and region"},
	{Service: "ec2", Question: "instances without an Owner tag"},
	{Service: "ec2", Question: "public ec2 instances"},
	{Service: "ec2", Question: "unattached volumes"},
	{Service: "ec2", Question: "volumes not attached to anything"},
	{Service: "ec2", Question: "unencrypted disks larger than 100 GB"},
	{Service: "ec2", Question: "gp2 volumes per region"},
	{Service: "ec2", Question: "top 10 volumes sorted by size gb descending"},
	{Service: "ec2", Question: "vpcs without any subnets"},
	{Service: "ec2", Question: "security groups open to the world"},
	{Service: "ec2", Question: "unused elastic ips"},
	{Service: "ec2", Question: "snapshots older than 180 days"},
	{Service: "ec2", Question: "amis created before 2025-01-01"},
	{Service: "s3", Question: "public buckets"},
	{Service: "s3", Question: "buckets without versioning"},
	{Service: "s3", Question: "buckets not logging"},
	{Service: "s3", Question: "buckets named logs containing prod"},
	{Service: "iam", Question: "users without mfa"},
	{Service: "iam", Question: "roles trusting external accounts"},
	{Service: "iam", Question: "roles not used in the last 90 days"},
	{Service: "iam", Question: "policies that allow admin"},
	{Service: "rds", Question: "public databases"},
	{Service: "rds", Question: "unencrypted databases"},
	{Service: "rds", Question: "databases using postgres"},
	{Service: "rds", Question: "count databases per engine"},
	{Service: "rds", Question: "rds instances without deletion protection"},
	{Service: "rds", Question: "rds instances with allocated storage between 100 and 500"},
	{Service: "lambda", Question: "count functions per runtime"},
	{Service: "lambda", Question: "functions using python 3.12"},
	{Service: "lambda", Question: "functions not using python or nodejs"},
	{Service: "lambda", Question: "functions with memory greater than 1 GB"},
	{Service: "lambda", Question: "lambda functions with timeout between 30 and 300 seconds"},
	{Service: "lambda", Question: "which runtime has the most functions"},
	{Service: "lambda", Question: "distinct runtimes of lambda functions"},
	{Service: "lambda", Question: "functions modified in the last 30 days"},
	{Service: "lambda", Question: "count lambda functions and s3 buckets per region"},
	{Service: "acm", Question: "certificates expiring within 30 days"},
	{Service: "acm", Question: "certs expiring soon"},
	{Service: "acm", Question: "expired certificates"},
	{Service: "acm", Question: "certificates not in use"},
	{Service: "cloudtrail", Question: "trails not logging"},
	{Service: "dynamodb", Question: "tables without pitr"},
	{Service: "dynamodb", Question: "tables with more than 1000 items"},
	{Service: "elbv2", Question: "count load balancers per region"},
	{Service: "elbv2", Question: "internet facing load balancers"},
	{Service: "kms", Question: "kms keys without rotation"},
	{Service: "logs", Question: "log groups with retention days greater than 30"},
	{Service: "secretsmanager", Question: "secrets without rotation"},
	{Service: "sqs", Question: "fifo queues"},
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
	addField := func(svc, q, field string) {
		if !seen[q] && (field == "" || c.readsField(q, field)) {
			seen[q] = true
			out = append(out, Example{Service: svc, Question: q, Field: field})
		}
	}
	add := func(svc, q string) { addField(svc, q, "") }
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
				addField(s, ph+" with "+words, f.Name)
				addField(s, ph+" without "+words, f.Name)
			case "integer", "real":
				if len(strings.Split(f.Name, "_")) <= 3 {
					addField(s, ph+" with "+words+" greater than 10", f.Name)
					addField(s, "top 5 "+ph+" sorted by "+words+" descending", f.Name)
				}
			case "text":
				if vals := enumValues(f); len(vals) > 0 && len(strings.Split(f.Name, "_")) <= 3 {
					addField(s, "count "+ph+" per "+words, f.Name)
					addField(s, ph+" with "+words+" "+vals[0], f.Name)
				}
			case "timestamp":
				if len(strings.Split(f.Name, "_")) <= 3 {
					addField(s, ph+" sorted by "+words, f.Name)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Service < out[j].Service })
	for i := range out {
		out[i].stems = contentStems(out[i].Question)
	}
	return out
}

// readsField: q is understood and reads field. A question generated from
// a field is kept only then, so the examples never teach a phrase ask
// reads otherwise (a field named like a grammar word: "tagged").
func (c *Catalog) readsField(q, field string) bool {
	a, _, _, _ := c.interpret(q, Options{})
	return a != nil && strings.Contains(a.SQL, "'$."+field+"'")
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
		have := e.stems
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
