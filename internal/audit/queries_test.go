package audit

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

type queryCase struct {
	query  string
	params map[string]string
	rs     []*model.Resource
	rels   []model.Relationship
	want   []string // ids returned (column id)
}

func key(id, status, created, lastUsed string) d {
	k := d{"id": id, "status": status, "created": created}
	if lastUsed != "" {
		k["last_used"] = lastUsed
	}
	return k
}

// queryCases: every built-in query with positive (p*) and negative (n*)
// resources; want lists exactly the rows expected.
var queryCases = []queryCase{
	{query: "admin-users", rs: []*model.Resource{
		res("iam/user", "p1", d{"attached_policies": []string{"AdministratorAccess"}, "groups": []string{}}),
		res("iam/user", "p2", d{"attached_policies": []string{}, "groups": []string{"admins"}}),
		res("iam/user", "p3", d{"attached_policies": []string{"MyAdmin"}, "groups": []string{}}),
		res("iam/user", "n1", d{"attached_policies": []string{"ReadOnlyAccess"}, "groups": []string{"devs"}}),
		res("iam/group", "admins", d{"attached_policies": []string{"AdministratorAccess"}}),
		res("iam/group", "devs", d{"attached_policies": []string{"ReadOnlyAccess", "Harmless"}}),
		res("iam/policy", "MyAdmin", d{"allows_admin": true}),
		res("iam/policy", "Harmless", d{"allows_admin": false}),
	}, want: []string{"p1", "p2", "p3"}},
	{query: "admin-roles", rs: []*model.Resource{
		res("iam/role", "p1", d{"attached_policies": []string{"AdministratorAccess"}}),
		res("iam/role", "p2", d{"attached_policies": []string{"MyAdmin"}}),
		res("iam/role", "n1", d{"attached_policies": []string{"Harmless"}}),
		res("iam/policy", "MyAdmin", d{"allows_admin": true}),
		res("iam/policy", "Harmless", d{"allows_admin": false}),
	}, want: []string{"p1", "p2"}},
	{query: "users-without-mfa", rs: []*model.Resource{
		res("iam/user", "p", d{"mfa_active": false, "access_keys": []any{}}),
		res("iam/user", "n", d{"mfa_active": true}),
	}, want: []string{"p"}},
	{query: "iam-inactive-users", rs: []*model.Resource{
		res("iam/user", "p", d{"access_keys": []any{}}),
		res("iam/user", "n1", d{"password_last_used": "2025-01-01T00:00:00Z", "access_keys": []any{}}),
		res("iam/user", "n2", d{"access_keys": []any{key("AK", "Active", "2025-01-01T00:00:00Z", "")}}),
	}, want: []string{"p"}},
	{query: "old-access-keys", rs: []*model.Resource{
		res("iam/user", "p", d{"access_keys": []any{key("AK1", "Active", "2024-01-01T00:00:00Z", "")}}),
		res("iam/user", "n1", d{"access_keys": []any{key("AK2", "Active", "2025-05-20T00:00:00Z", "")}}),
		res("iam/user", "n2", d{"access_keys": []any{key("AK3", "Inactive", "2020-01-01T00:00:00Z", "")}}),
	}, want: []string{"p"}},
	{query: "old-access-keys", params: map[string]string{"days": "5"}, rs: []*model.Resource{
		res("iam/user", "p", d{"access_keys": []any{key("AK2", "Active", "2025-05-20T00:00:00Z", "")}}),
	}, want: []string{"p"}},
	{query: "access-keys-never-used", rs: []*model.Resource{
		res("iam/user", "p", d{"access_keys": []any{key("AK1", "Active", "2025-01-01T00:00:00Z", "")}}),
		res("iam/user", "n", d{"access_keys": []any{key("AK2", "Active", "2025-01-01T00:00:00Z", "2025-05-01T00:00:00Z")}}),
	}, want: []string{"p"}},
	{query: "cross-account-roles", rs: []*model.Resource{
		res("iam/role", "p", d{"trusts_other_accounts": true}), res("iam/role", "n", d{"trusts_other_accounts": false}),
	}, want: []string{"p"}},
	{query: "roles-trusting-everyone", rs: []*model.Resource{
		res("iam/role", "p", d{"trusts_everyone": true}), res("iam/role", "n", d{"trusts_everyone": false}),
	}, want: []string{"p"}},
	{query: "open-security-groups", rs: []*model.Resource{
		res("ec2/security-group", "p", d{"open_to_world": true}), res("ec2/security-group", "n", d{"open_to_world": false}),
	}, want: []string{"p"}},
	{query: "sg-open-admin-ports", rs: []*model.Resource{
		res("ec2/security-group", "p1", d{"open_ports_to_world": []string{"tcp:3300-3400"}}),
		res("ec2/security-group", "p2", d{"open_ports_to_world": []string{"all:all"}}),
		res("ec2/security-group", "n1", d{"open_ports_to_world": []string{"tcp:443-443", "udp:22-22"}}),
		res("ec2/security-group", "n2", d{"open_ports_to_world": []string{}}),
	}, want: []string{"p1", "p2"}},
	{query: "sg-open-port", rs: []*model.Resource{
		res("ec2/security-group", "p", d{"open_ports_to_world": []string{"tcp:0-1024"}}),
		res("ec2/security-group", "n", d{"open_ports_to_world": []string{"tcp:80-80"}}),
	}, want: []string{"p"}},
	{query: "sg-open-port", params: map[string]string{"port": "80"}, rs: []*model.Resource{
		res("ec2/security-group", "p", d{"open_ports_to_world": []string{"tcp:80-80"}}),
		res("ec2/security-group", "n", d{"open_ports_to_world": []string{"tcp:22-22"}}),
	}, want: []string{"p"}},
	{query: "default-sg-with-rules", rs: []*model.Resource{
		res("ec2/security-group", "p", d{"group_name": "default", "ingress_rules": []any{d{"protocol": "all"}}, "egress_rules": []any{}}),
		res("ec2/security-group", "n1", d{"group_name": "default", "ingress_rules": []any{}, "egress_rules": []any{}}),
		res("ec2/security-group", "n2", d{"group_name": "web", "ingress_rules": []any{d{"protocol": "all"}}, "egress_rules": []any{}}),
	}, want: []string{"p"}},
	{query: "secrets-no-rotation", rs: []*model.Resource{
		res("secretsmanager/secret", "p", d{"rotation_enabled": false}), res("secretsmanager/secret", "n", d{"rotation_enabled": true}),
	}, want: []string{"p"}},
	{query: "secrets-not-accessed", rs: []*model.Resource{
		res("secretsmanager/secret", "p", d{"last_accessed": "2025-01-01T00:00:00Z"}),
		createdAt(res("secretsmanager/secret", "p2", d{}), "2024-01-01T00:00:00Z"),
		res("secretsmanager/secret", "n", d{"last_accessed": "2025-05-30T00:00:00Z"}),
	}, want: []string{"p", "p2"}},
	{query: "public-s3-buckets", rs: []*model.Resource{
		res("s3/bucket", "p", d{"is_public": true}), res("s3/bucket", "n", d{"is_public": false}),
	}, want: []string{"p"}},
	{query: "encryption-status", rs: []*model.Resource{
		res("s3/bucket", "p", d{"encryption_algorithm": "AES256"}), res("ec2/volume", "n", d{}),
	}, want: []string{"p"}},
	{query: "s3-no-encryption", rs: []*model.Resource{
		res("s3/bucket", "p", d{"encryption_algorithm": "none"}), res("s3/bucket", "n", d{"encryption_algorithm": "aws:kms"}),
		res("s3/bucket", "unknown", d{}), // GetBucketEncryption failed: the collection says partial, not this query
	}, want: []string{"p"}},
	{query: "s3-no-versioning", rs: []*model.Resource{
		res("s3/bucket", "p", d{"versioning": "Suspended"}), res("s3/bucket", "p2", d{}), res("s3/bucket", "n", d{"versioning": "Enabled"}),
	}, want: []string{"p", "p2"}},
	{query: "s3-no-logging", rs: []*model.Resource{
		res("s3/bucket", "p", d{"logging_enabled": false}), res("s3/bucket", "n", d{"logging_enabled": true}),
	}, want: []string{"p"}},
	{query: "s3-no-public-access-block", rs: []*model.Resource{
		res("s3/bucket", "p", d{"public_access_block_enabled": false}), res("s3/bucket", "n", d{"public_access_block_enabled": true}),
	}, want: []string{"p"}},
	{query: "stopped-instances", rs: []*model.Resource{
		res("ec2/instance", "p", d{"state": "stopped"}), res("ec2/instance", "n", d{"state": "running"}),
	}, want: []string{"p"}},
	{query: "unused-volumes", rs: []*model.Resource{
		res("ec2/volume", "p", d{"state": "available"}), res("ec2/volume", "n", d{"state": "in-use"}),
	}, want: []string{"p"}},
	{query: "ebs-unencrypted", rs: []*model.Resource{
		res("ec2/volume", "p", d{"encrypted": false}), res("ec2/volume", "n", d{"encrypted": true}),
	}, want: []string{"p"}},
	{query: "ebs-snapshots-public", rs: []*model.Resource{
		res("ec2/snapshot", "p", d{"shared_publicly": true}), res("ec2/snapshot", "n", d{"shared_publicly": false}),
	}, want: []string{"p"}},
	{query: "ebs-snapshots-unencrypted", rs: []*model.Resource{
		res("ec2/snapshot", "p", d{"encrypted": false}), res("ec2/snapshot", "n", d{"encrypted": true}),
	}, want: []string{"p"}},
	{query: "amis-public", rs: []*model.Resource{
		res("ec2/ami", "p", d{"public": true}), res("ec2/ami", "n", d{"public": false}),
	}, want: []string{"p"}},
	{query: "unused-eips", rs: []*model.Resource{
		res("ec2/elastic-ip", "p", d{"public_ip": "1.2.3.4"}), res("ec2/elastic-ip", "n", d{"association_id": "eipassoc-1", "instance_id": "i-1"}),
	}, want: []string{"p"}},
	{query: "default-vpcs", rs: []*model.Resource{
		asDefault(res("ec2/vpc", "p", d{})), res("ec2/vpc", "n", d{}),
	}, want: []string{"p"}},
	{query: "vpcs-without-flow-logs", rs: []*model.Resource{
		res("ec2/vpc", "p", d{}), res("ec2/vpc", "n", d{}), res("ec2/flow-log", "fl-1", d{"resource_id": "n"}),
	}, want: []string{"p"}},
	{query: "imdsv1-instances", rs: []*model.Resource{
		res("ec2/instance", "p", d{"imdsv2_required": false}), res("ec2/instance", "n", d{"imdsv2_required": true}),
	}, want: []string{"p"}},
	{query: "public-instances", rs: []*model.Resource{
		res("ec2/instance", "p", d{"public_ip": "3.3.3.3"}), res("ec2/instance", "n", d{"public_ip": ""}),
	}, want: []string{"p"}},
	{query: "previous-generation-instances", rs: []*model.Resource{
		res("ec2/instance", "p", d{"instance_type": "t2.micro"}), res("ec2/instance", "n", d{"instance_type": "t3.micro"}),
	}, want: []string{"p"}},
	{query: "gp2-volumes", rs: []*model.Resource{
		res("ec2/volume", "p", d{"volume_type": "gp2"}), res("ec2/volume", "n", d{"volume_type": "gp3"}),
	}, want: []string{"p"}},
	{query: "unused-key-pairs", rs: []*model.Resource{
		res("ec2/key-pair", "p", d{}), res("ec2/key-pair", "n", d{}), res("ec2/instance", "i-1", d{"key_name": "n"}),
	}, want: []string{"p"}},
	{query: "rds-public", rs: []*model.Resource{
		res("rds/db-instance", "p", d{"publicly_accessible": true}), res("rds/db-instance", "n", d{"publicly_accessible": false}),
	}, want: []string{"p"}},
	{query: "rds-unencrypted", rs: []*model.Resource{
		res("rds/db-instance", "p", d{"storage_encrypted": false}), res("rds/db-instance", "n", d{"storage_encrypted": true}),
	}, want: []string{"p"}},
	{query: "rds-no-multi-az", rs: []*model.Resource{
		res("rds/db-instance", "p", d{"multi_az": false}), res("rds/db-instance", "n1", d{"multi_az": true}),
		res("rds/db-instance", "n2", d{"multi_az": false, "cluster_id": "aurora-1"}),
	}, want: []string{"p"}},
	{query: "rds-no-backup", rs: []*model.Resource{
		res("rds/db-instance", "p", d{"backup_retention_days": 0}), res("rds/db-instance", "n", d{"backup_retention_days": 7}),
	}, want: []string{"p"}},
	{query: "rds-no-deletion-protection", rs: []*model.Resource{
		res("rds/db-instance", "p", d{"deletion_protection": false}), res("rds/db-instance", "n", d{"deletion_protection": true}),
	}, want: []string{"p"}},
	{query: "rds-snapshots-public", rs: []*model.Resource{
		res("rds/db-snapshot", "p", d{"shared_publicly": true}), res("rds/db-snapshot", "n", d{"shared_publicly": false}),
	}, want: []string{"p"}},
	{query: "rds-snapshots-unencrypted", rs: []*model.Resource{
		res("rds/db-snapshot", "p", d{"encrypted": false}), res("rds/db-snapshot", "n", d{"encrypted": true}),
	}, want: []string{"p"}},
	{query: "rds-engines", rs: []*model.Resource{
		res("rds/db-instance", "a", d{"engine": "mysql", "engine_version": "8.0"}),
		res("rds/db-instance", "b", d{"engine": "mysql", "engine_version": "8.0"}),
		res("rds/db-cluster", "n", d{"engine": "aurora", "engine_version": "3"}),
	}, want: []string{"mysql 8.0"}},
	{query: "lambda-runtimes", rs: []*model.Resource{
		res("lambda/function", "a", d{"runtime": "python3.12"}), res("lambda/function", "b", d{"runtime": ""}),
		res("lambda/layer", "n", d{}),
	}, want: []string{"image", "python3.12"}},
	{query: "lambda-deprecated-runtimes", rs: []*model.Resource{
		res("lambda/function", "p", d{"runtime": "python3.8"}), res("lambda/function", "n", d{"runtime": "python3.12"}),
	}, want: []string{"p"}},
	{query: "lambda-high-memory", rs: []*model.Resource{
		res("lambda/function", "p", d{"memory_mb": 1024}), res("lambda/function", "n", d{"memory_mb": 256}),
	}, want: []string{"p"}},
	{query: "lambda-secret-like-env", rs: []*model.Resource{
		res("lambda/function", "p", d{"environment_variable_names": []string{"DB_PASSWORD", "LOG_LEVEL"}}),
		res("lambda/function", "n", d{"environment_variable_names": []string{"LOG_LEVEL"}}),
	}, want: []string{"p"}},
	{query: "untagged-resources", rs: []*model.Resource{
		res("ec2/volume", "p", d{}), withTags(res("ec2/volume", "n1", d{}), map[string]string{"Owner": "a"}),
		asDefault(res("ec2/vpc", "n2", d{})),
	}, want: []string{"p"}},
	{query: "missing-tag", rs: []*model.Resource{
		withTags(res("ec2/volume", "p1", d{}), map[string]string{"Env": "x"}),
		withTags(res("ec2/volume", "p2", d{}), map[string]string{"Owner": ""}),
		withTags(res("ec2/volume", "n", d{}), map[string]string{"Owner": "alice"}),
	}, want: []string{"p1", "p2"}},
	{query: "missing-tag", params: map[string]string{"tag": "cost:center"}, rs: []*model.Resource{
		withTags(res("ec2/volume", "p", d{}), map[string]string{"Owner": "x"}),
		withTags(res("ec2/volume", "n", d{}), map[string]string{"cost:center": "42"}),
	}, want: []string{"p"}},
	{query: "resources-by-tag", rs: []*model.Resource{
		withTags(res("ec2/volume", "p", d{}), map[string]string{"Owner": "a"}), res("ec2/volume", "n", d{}),
	}, want: []string{"p"}},
	{query: "terminate-after-passed", rs: []*model.Resource{
		withTags(res("ec2/instance", "p", d{}), map[string]string{"TerminateAfter": "2025-01-01"}),
		withTags(res("ec2/instance", "n1", d{}), map[string]string{"TerminateAfter": "2026-01-01"}),
		withTags(res("ec2/instance", "n2", d{}), map[string]string{"TerminateAfter": "soon"}),
	}, want: []string{"p"}},
	{query: "resources-by-service", rs: []*model.Resource{
		res("ec2/volume", "a", d{}), res("ec2/volume", "b", d{}), res("s3/bucket", "c", d{}),
	}, want: []string{"ec2/volume", "s3/bucket"}},
	{query: "resources-by-region", rs: []*model.Resource{
		res("ec2/volume", "a", d{}), res("iam/user", "b", d{}),
	}, want: []string{"global", "us-east-1"}},
	{query: "resources-by-account", rs: []*model.Resource{res("ec2/volume", "a", d{})}, want: []string{acct}},
	{query: "resources-per-account-service", rs: []*model.Resource{
		res("ec2/volume", "a", d{}), res("iam/user", "b", d{}),
	}, want: []string{acct + "/ec2", acct + "/iam"}},
	{query: "root-access-keys", rs: []*model.Resource{
		res("iam/account-summary", "p", d{"root_access_keys_present": true}),
		res("iam/account-summary", "n", d{"root_access_keys_present": false}),
	}, want: []string{"p"}},
	{query: "root-no-mfa", rs: []*model.Resource{
		res("iam/account-summary", "p", d{"root_mfa_enabled": false}), res("iam/account-summary", "n", d{"root_mfa_enabled": true}),
	}, want: []string{"p"}},
	{query: "console-users-without-mfa", rs: []*model.Resource{
		res("iam/user", "p", d{"console_access": true, "mfa_active": false}),
		res("iam/user", "n1", d{"console_access": true, "mfa_active": true}),
		res("iam/user", "n2", d{"console_access": false, "mfa_active": false}),
	}, want: []string{"p"}},
	{query: "weak-password-policy", rs: []*model.Resource{
		res("iam/password-policy", "p1", d{"exists": true, "minimum_password_length": 8, "password_reuse_prevention": 24}),
		res("iam/password-policy", "p2", d{"exists": false}),
		res("iam/password-policy", "n", d{"exists": true, "minimum_password_length": 14, "password_reuse_prevention": 24}),
	}, want: []string{"p1", "p2"}},
	{query: "policies-allow-admin", rs: []*model.Resource{
		res("iam/policy", "p", d{"allows_admin": true}), res("iam/policy", "n", d{"allows_admin": false}),
	}, want: []string{"p"}},
	{query: "policies-passrole-star", rs: []*model.Resource{
		res("iam/policy", "p", d{"allows_passrole_star": true}), res("iam/policy", "n", d{"allows_passrole_star": false}),
	}, want: []string{"p"}},
	{query: "unused-iam-roles", rs: []*model.Resource{
		res("iam/role", "p", d{"last_used": "2024-01-01T00:00:00Z", "path": "/"}),
		res("iam/role", "n1", d{"last_used": "2025-05-01T00:00:00Z", "path": "/"}),
		res("iam/role", "n2", d{"last_used": "2020-01-01T00:00:00Z", "path": "/aws-service-role/x/"}),
	}, want: []string{"p"}},
	{query: "log-groups-no-retention", rs: []*model.Resource{
		res("logs/log-group", "p", d{"never_expires": true}), res("logs/log-group", "n", d{"never_expires": false, "retention_days": 30}),
	}, want: []string{"p"}},
	{query: "log-groups-unencrypted", rs: []*model.Resource{
		res("logs/log-group", "p", d{}), res("logs/log-group", "n", d{"kms_key_id": "arn:k"}),
	}, want: []string{"p"}},
	{query: "kms-no-rotation", rs: []*model.Resource{
		res("kms/key", "p", d{"key_manager": "CUSTOMER", "key_state": "Enabled", "key_spec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS", "rotation_enabled": false}),
		res("kms/key", "n1", d{"key_manager": "CUSTOMER", "key_state": "Enabled", "key_spec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS", "rotation_enabled": true}),
		res("kms/key", "n2", d{"key_manager": "AWS", "key_state": "Enabled", "rotation_enabled": false}),
	}, want: []string{"p"}},
	{query: "kms-keys-pending-deletion", rs: []*model.Resource{
		res("kms/key", "p", d{"key_state": "PendingDeletion"}), res("kms/key", "n", d{"key_state": "Enabled"}),
	}, want: []string{"p"}},
	{query: "acm-expiring", rs: []*model.Resource{
		res("acm/certificate", "p", d{"not_after": "2025-06-15T00:00:00Z"}), res("acm/certificate", "n", d{"not_after": "2026-01-01T00:00:00Z"}),
	}, want: []string{"p"}},
	{query: "eks-public-endpoint", rs: []*model.Resource{
		res("eks/cluster", "p", d{"endpoint_public_access": true}), res("eks/cluster", "n", d{"endpoint_public_access": false}),
	}, want: []string{"p"}},
	{query: "eks-no-secrets-encryption", rs: []*model.Resource{
		res("eks/cluster", "p", d{"secrets_encryption": false}), res("eks/cluster", "n", d{"secrets_encryption": true}),
	}, want: []string{"p"}},
	{query: "ecs-privileged", rs: []*model.Resource{
		res("ecs/task-definition", "p", d{"any_privileged": true}), res("ecs/task-definition", "n", d{"any_privileged": false}),
	}, want: []string{"p"}},
	{query: "ecs-root-user", rs: []*model.Resource{
		res("ecs/task-definition", "p", d{"any_runs_as_root": true}), res("ecs/task-definition", "n", d{"any_runs_as_root": false}),
	}, want: []string{"p"}},
	{query: "ecs-writable-root-fs", rs: []*model.Resource{
		res("ecs/task-definition", "p", d{"any_writable_root_fs": true}), res("ecs/task-definition", "n", d{"any_writable_root_fs": false}),
	}, want: []string{"p"}},
	{query: "ecr-no-scan-on-push", rs: []*model.Resource{
		res("ecr/repository", "p", d{"scan_on_push": false}), res("ecr/repository", "n", d{"scan_on_push": true}),
	}, want: []string{"p"}},
	{query: "ecr-mutable-tags", rs: []*model.Resource{
		res("ecr/repository", "p", d{"image_tag_mutability": "MUTABLE"}), res("ecr/repository", "n", d{"image_tag_mutability": "IMMUTABLE"}),
	}, want: []string{"p"}},
	{query: "resolver-query-logging-many-vpcs", rs: []*model.Resource{
		res("route53resolver/query-log-config", "p", d{"association_count": 20}),
		res("route53resolver/query-log-config", "n", d{"association_count": 2}),
	}, want: []string{"p"}},
	{query: "dynamodb-no-pitr", rs: []*model.Resource{
		res("dynamodb/table", "p", d{"pitr_enabled": false}), res("dynamodb/table", "n", d{"pitr_enabled": true}),
	}, want: []string{"p"}},
	{query: "sqs-unencrypted", rs: []*model.Resource{
		res("sqs/queue", "p", d{"sse_enabled": false}), res("sqs/queue", "n", d{"sse_enabled": true}),
	}, want: []string{"p"}},
	{query: "sns-unencrypted", rs: []*model.Resource{
		res("sns/topic", "p", d{}), res("sns/topic", "n", d{"kms_key_id": "alias/aws/sns"}),
	}, want: []string{"p"}},
	{query: "sns-topics-without-subscriptions", rs: []*model.Resource{
		res("sns/topic", "p", d{"subscriptions_confirmed": 0}), res("sns/topic", "n", d{"subscriptions_confirmed": 2}),
	}, want: []string{"p"}},
	{query: "glue-connections-plaintext-password", rs: []*model.Resource{
		res("glue/connection", "p", d{"plaintext_password": true, "uses_secret": false}),
		res("glue/connection", "n1", d{"plaintext_password": false, "uses_secret": true}),
		res("glue/connection", "n2", d{}), // not described: unknown, not flagged
	}, want: []string{"p"}},
	{query: "kinesis-unencrypted", rs: []*model.Resource{
		res("kinesis/stream", "p", d{"encryption_type": "NONE"}), res("kinesis/stream", "n1", d{"encryption_type": "KMS"}),
		res("kinesis/stream", "n2", d{}),
	}, want: []string{"p"}},
	{query: "redshift-unencrypted", rs: []*model.Resource{
		res("redshift/cluster", "p", d{"encrypted": false}), res("redshift/cluster", "n", d{"encrypted": true}),
	}, want: []string{"p"}},
	{query: "redshift-public", rs: []*model.Resource{
		res("redshift/cluster", "p", d{"publicly_accessible": true}), res("redshift/cluster", "n", d{"publicly_accessible": false}),
	}, want: []string{"p"}},
	{query: "stepfunctions-no-logging", rs: []*model.Resource{
		res("sfn/state-machine", "p", d{"logging_level": "OFF"}), res("sfn/state-machine", "n1", d{"logging_level": "ERROR"}),
		res("sfn/state-machine", "n2", d{}),
	}, want: []string{"p"}},
	{query: "athena-results-unencrypted", rs: []*model.Resource{
		res("athena/workgroup", "p1", d{"results_encryption": "", "enforce_configuration": true}),
		res("athena/workgroup", "p2", d{"results_encryption": "SSE_KMS", "enforce_configuration": false}),
		res("athena/workgroup", "n1", d{"results_encryption": "SSE_S3", "enforce_configuration": true}),
		res("athena/workgroup", "n2", d{}),
	}, want: []string{"p1", "p2"}},
	{query: "mq-public-brokers", rs: []*model.Resource{
		res("mq/broker", "p", d{"publicly_accessible": true}), res("mq/broker", "n1", d{"publicly_accessible": false}),
		res("mq/broker", "n2", d{}),
	}, want: []string{"p"}},
	{query: "msk-no-tls", rs: []*model.Resource{
		res("kafka/cluster", "p1", d{"client_broker_encryption": "TLS_PLAINTEXT", "inter_broker_tls": true}),
		res("kafka/cluster", "p2", d{"client_broker_encryption": "TLS", "inter_broker_tls": false}),
		res("kafka/cluster", "n1", d{"client_broker_encryption": "TLS", "inter_broker_tls": true}),
		res("kafka/cluster", "n2", d{"cluster_type": "SERVERLESS", "client_broker_encryption": "", "inter_broker_tls": true}),
	}, want: []string{"p1", "p2"}},
	{query: "codebuild-privileged", rs: []*model.Resource{
		res("codebuild/project", "p", d{"privileged_mode": true}), res("codebuild/project", "n1", d{"privileged_mode": false}),
		res("codebuild/project", "n2", d{}),
	}, want: []string{"p"}},
	{query: "codebuild-plaintext-secrets", rs: []*model.Resource{
		res("codebuild/project", "p", d{"environment_variables": []any{d{"name": "db_password", "type": "PLAINTEXT"}, d{"name": "STAGE", "type": "PLAINTEXT"}}}),
		res("codebuild/project", "n1", d{"environment_variables": []any{d{"name": "DB_PASSWORD", "type": "SECRETS_MANAGER"}, d{"name": "STAGE", "type": "PLAINTEXT"}}}),
		res("codebuild/project", "n2", d{"environment_variables": []any{}}), res("codebuild/project", "n3", d{}),
	}, want: []string{"p"}},
	{query: "efs-unencrypted", rs: []*model.Resource{
		res("efs/file-system", "p", d{"encrypted": false}), res("efs/file-system", "n", d{"encrypted": true}),
	}, want: []string{"p"}},
	{query: "elasticache-unencrypted", rs: []*model.Resource{
		res("elasticache/replication-group", "p", d{"at_rest_encryption": true, "transit_encryption": false}),
		res("elasticache/replication-group", "n", d{"at_rest_encryption": true, "transit_encryption": true}),
	}, want: []string{"p"}},
	{query: "cloudfront-http-allowed", rs: []*model.Resource{
		res("cloudfront/distribution", "p", d{"viewer_protocol_policy": "allow-all"}),
		res("cloudfront/distribution", "n", d{"viewer_protocol_policy": "redirect-to-https"}),
	}, want: []string{"p"}},
	{query: "cloudformation-drifted", rs: []*model.Resource{
		res("cloudformation/stack", "p", d{"drift_status": "DRIFTED"}), res("cloudformation/stack", "n", d{"drift_status": "IN_SYNC"}),
	}, want: []string{"p"}},
	{query: "cloudformation-failed", rs: []*model.Resource{
		res("cloudformation/stack", "p1", d{"status": "ROLLBACK_COMPLETE"}), res("cloudformation/stack", "p2", d{"status": "UPDATE_ROLLBACK_FAILED"}),
		res("cloudformation/stack", "n", d{"status": "CREATE_COMPLETE"}),
	}, want: []string{"p1", "p2"}},
	{query: "alarms-without-actions", rs: []*model.Resource{
		res("cloudwatch/alarm", "p", d{"actions_enabled": true, "alarm_actions": []string{}}),
		res("cloudwatch/alarm", "n", d{"actions_enabled": true, "alarm_actions": []string{"arn:sns"}}),
	}, want: []string{"p"}},
	{query: "classic-load-balancers", rs: []*model.Resource{
		res("elb/load-balancer", "p", d{}), res("elbv2/load-balancer", "n", d{}),
	}, want: []string{"p"}},
	{query: "launch-configurations", rs: []*model.Resource{
		res("autoscaling/launch-configuration", "p", d{}), res("autoscaling/group", "n", d{}),
	}, want: []string{"p"}},
	{query: "ssm-plaintext-secrets", rs: []*model.Resource{
		res("ssm/parameter", "/db/password", d{"type": "String"}), res("ssm/parameter", "/db/secret-x", d{"type": "SecureString"}),
		res("ssm/parameter", "/app/log-level", d{"type": "String"}),
	}, want: []string{"/db/password"}},
	{query: "cloudtrail-not-logging", rs: []*model.Resource{
		res("cloudtrail/trail", "p", d{"is_logging": false}), res("cloudtrail/trail", "n", d{"is_logging": true}),
	}, want: []string{"p"}},
	{query: "cloudtrail-not-multi-region", rs: []*model.Resource{
		res("cloudtrail/trail", "p", d{"multi_region": false}), res("cloudtrail/trail", "n", d{"multi_region": true}),
	}, want: []string{"p"}},
	{query: "cloudtrail-no-log-validation", rs: []*model.Resource{
		res("cloudtrail/trail", "p", d{"log_file_validation": false}), res("cloudtrail/trail", "n", d{"log_file_validation": true}),
	}, want: []string{"p"}},
	{query: "cloudtrail-unencrypted", rs: []*model.Resource{
		res("cloudtrail/trail", "p", d{}), res("cloudtrail/trail", "n", d{"kms_key_id": "arn:aws:kms:k"}),
	}, want: []string{"p"}},
	// One scan: the drift queries find only what AWS dates recently (see
	// drift_test.go for several scans).
	{query: "recently-created", rs: []*model.Resource{
		createdAt(res("ec2/instance", "p", nil), "2025-05-30T00:00:00Z"),
		createdAt(res("ec2/instance", "n1", nil), "2024-05-30T00:00:00Z"),
		res("ec2/instance", "n2", nil), // first seen by the first scan
	}, want: []string{"p"}},
	{query: "recently-deleted", rs: []*model.Resource{res("ec2/instance", "n", nil)}},
	{query: "security-group-changes", rs: []*model.Resource{res("ec2/security-group", "n", nil)}},
	{query: "iam-changes", rs: []*model.Resource{res("iam/user", "n", nil)}},
	// Regions without a detector or hub at all: notenabled_test.go.
	{query: "guardduty-not-enabled", rs: []*model.Resource{
		res("guardduty/detector", "p", d{"status": "DISABLED"}),
	}, want: []string{"p"}},
	{query: "securityhub-not-enabled", rs: []*model.Resource{
		res("securityhub/hub", "p", d{"standards_count": 0}),
	}, want: []string{"p"}},
	{query: "config-not-recording", rs: []*model.Resource{
		res("config/configuration-recorder", "p", d{"recording": false}), res("config/configuration-recorder", "n", d{"recording": true}),
	}, want: []string{"p"}},
	{query: "public-albs-without-waf", rs: []*model.Resource{
		res("elbv2/load-balancer", "p", d{"type": "application", "scheme": "internet-facing"}),
		res("elbv2/load-balancer", "n-protected", d{"type": "application", "scheme": "internet-facing"}),
		res("elbv2/load-balancer", "n-internal", d{"type": "application", "scheme": "internal"}),
		res("elbv2/load-balancer", "n-nlb", d{"type": "network", "scheme": "internet-facing"}),
		res("wafv2/web-acl", "acl", d{"scope": "REGIONAL"}),
	}, rels: []model.Relationship{{From: res("wafv2/web-acl", "acl", nil).Key, Kind: "protects", To: res("elbv2/load-balancer", "n-protected", nil).Key}},
		want: []string{"p"}},
	// Issue 15: audits of the new types.
	{query: "nacl-open-admin-ports", rs: []*model.Resource{
		res("ec2/network-acl", "p-all", d{"entries": []any{
			d{"rule_number": 100, "egress": false, "protocol": "all", "action": "allow", "cidr": "0.0.0.0/0"},
			d{"rule_number": 32767, "egress": false, "protocol": "all", "action": "deny", "cidr": "0.0.0.0/0"}}}),
		res("ec2/network-acl", "p-rdp6", d{"entries": []any{
			d{"rule_number": 110, "egress": false, "protocol": "6", "action": "allow", "ipv6_cidr": "::/0", "from_port": 3000, "to_port": 4000}}}),
		res("ec2/network-acl", "n-https", d{"entries": []any{
			d{"rule_number": 100, "egress": false, "protocol": "6", "action": "allow", "cidr": "0.0.0.0/0", "from_port": 443, "to_port": 443}}}),
		res("ec2/network-acl", "n-egress", d{"entries": []any{
			d{"rule_number": 100, "egress": true, "protocol": "all", "action": "allow", "cidr": "0.0.0.0/0"}}}),
		res("ec2/network-acl", "n-office", d{"entries": []any{
			d{"rule_number": 100, "egress": false, "protocol": "6", "action": "allow", "cidr": "10.0.0.0/8", "from_port": 22, "to_port": 22}}}),
		res("ec2/network-acl", "n-deny", d{"entries": []any{
			d{"rule_number": 100, "egress": false, "protocol": "all", "action": "deny", "cidr": "0.0.0.0/0"}}}),
	}, want: []string{"p-all", "p-rdp6"}},
	{query: "vpc-peering-unknown-accounts", rs: []*model.Resource{
		res("ec2/vpc-peering-connection", "p", d{"requester_account_id": acct, "accepter_account_id": "999999999999"}),
		res("ec2/vpc-peering-connection", "p-in", d{"requester_account_id": "999999999999", "accepter_account_id": acct}),
		res("ec2/vpc-peering-connection", "n-org", d{"requester_account_id": acct, "accepter_account_id": "222222222222"}),
		res("ec2/vpc-peering-connection", "n-same", d{"requester_account_id": acct, "accepter_account_id": acct}),
		res("organizations/account", "222222222222", d{}),
	}, want: []string{"p", "p-in"}},
	{query: "subnets-auto-public-ip", rs: []*model.Resource{
		res("ec2/subnet", "p", d{"map_public_ip_on_launch": true}), res("ec2/subnet", "n", d{"map_public_ip_on_launch": false}),
		asDefault(res("ec2/subnet", "n-default", d{"map_public_ip_on_launch": true})),
	}, want: []string{"p"}},
	{query: "iam-server-certificates-expiring", rs: []*model.Resource{
		res("iam/server-certificate", "p-soon", d{"expiration": "2025-06-10T00:00:00Z"}),
		res("iam/server-certificate", "p-gone", d{"expiration": "2024-06-10T00:00:00Z"}),
		res("iam/server-certificate", "n", d{"expiration": "2026-06-10T00:00:00Z"}),
	}, want: []string{"p-gone", "p-soon"}},
	{query: "iam-saml-providers-expiring", rs: []*model.Resource{
		res("iam/saml-provider", "p", d{"valid_until": "2025-06-20T00:00:00Z"}),
		res("iam/saml-provider", "n", d{"valid_until": "2125-01-01T00:00:00Z"}),
	}, want: []string{"p"}},
	{query: "iam-saml-providers-expiring", params: map[string]string{"days": "10"}, rs: []*model.Resource{
		res("iam/saml-provider", "n", d{"valid_until": "2025-06-20T00:00:00Z"}),
	}},
	{query: "iam-unassigned-mfa-devices", rs: []*model.Resource{
		res("iam/virtual-mfa-device", "p", d{"assigned": false}), res("iam/virtual-mfa-device", "n", d{"assigned": true, "user": "alice"}),
	}, want: []string{"p"}},
	{query: "cognito-user-pools-mfa-off", rs: []*model.Resource{
		res("cognito-idp/user-pool", "p", d{"mfa_configuration": "OFF"}),
		res("cognito-idp/user-pool", "n1", d{"mfa_configuration": "OPTIONAL"}), res("cognito-idp/user-pool", "n2", d{"mfa_configuration": "ON"}),
		res("cognito-idp/user-pool", "n3", d{}),
	}, want: []string{"p"}},
	{query: "cognito-identity-pools-unauthenticated", rs: []*model.Resource{
		res("cognito-identity/identity-pool", "p", d{"allow_unauthenticated_identities": true, "roles": d{"unauthenticated": "arn:aws:iam::1:role/guest"}}),
		res("cognito-identity/identity-pool", "n", d{"allow_unauthenticated_identities": false}),
	}, want: []string{"p"}},
	{query: "waf-web-acls-no-logging", rs: []*model.Resource{
		res("wafv2/web-acl", "p", d{"scope": "REGIONAL", "logging_enabled": false}), res("wafv2/web-acl", "n", d{"scope": "REGIONAL", "logging_enabled": true}),
		res("wafv2/web-acl", "n-unknown", d{"scope": "REGIONAL"}),
	}, want: []string{"p"}},
	{query: "cloudfront-without-waf", rs: []*model.Resource{
		res("cloudfront/distribution", "p", d{"enabled": true, "web_acl_id": ""}),
		res("cloudfront/distribution", "n", d{"enabled": true, "web_acl_id": "arn:aws:wafv2:us-east-1:1:global/webacl/x/1"}),
		res("cloudfront/distribution", "n-off", d{"enabled": false, "web_acl_id": ""}),
	}, want: []string{"p"}},
	{query: "cloudfront-old-tls", rs: []*model.Resource{
		res("cloudfront/distribution", "p", d{"aliases": []string{"www.example.com"}, "minimum_protocol_version": "TLSv1.1_2016"}),
		res("cloudfront/distribution", "n", d{"aliases": []string{"www.example.com"}, "minimum_protocol_version": "TLSv1.2_2021"}),
		res("cloudfront/distribution", "n-default-cert", d{"aliases": []string{}, "minimum_protocol_version": "TLSv1"}),
	}, want: []string{"p"}},
	{query: "cloudfront-s3-origins-without-oac", rs: []*model.Resource{
		res("cloudfront/distribution", "p", d{"origins": []any{d{"id": "o1", "domain": "b.s3.amazonaws.com", "type": "s3", "origin_access": "none"}}}),
		res("cloudfront/distribution", "n", d{"origins": []any{d{"id": "o1", "domain": "b.s3.amazonaws.com", "type": "s3", "origin_access": "oac"},
			d{"id": "o2", "domain": "api.example.com", "type": "custom", "origin_access": "none"}}}),
	}, want: []string{"p"}},
	{query: "apigateway-stages-no-access-logs", rs: []*model.Resource{
		res("apigateway/stage", "a/p", d{"access_log_destination": ""}), res("apigatewayv2/stage", "b/p", d{}),
		res("apigateway/stage", "a/n", d{"access_log_destination": "arn:aws:logs:us-east-1:1:log-group:x"}),
	}, want: []string{"a/p", "b/p"}},
	{query: "apigateway-stages-without-waf", rs: []*model.Resource{
		res("apigateway/rest-api", "pub", d{"endpoint_types": []string{"REGIONAL"}}),
		res("apigateway/rest-api", "priv", d{"endpoint_types": []string{"PRIVATE"}}),
		res("apigateway/stage", "pub/p", d{"rest_api_id": "pub", "web_acl_arn": ""}),
		res("apigateway/stage", "pub/n", d{"rest_api_id": "pub", "web_acl_arn": "arn:aws:wafv2:us-east-1:1:regional/webacl/x/1"}),
		res("apigateway/stage", "priv/n", d{"rest_api_id": "priv", "web_acl_arn": ""}),
	}, want: []string{"pub/p"}},
	{query: "eks-outdated-versions", rs: []*model.Resource{
		res("eks/cluster", "p", d{"version": "1.29"}), res("eks/cluster", "n", d{"version": "1.34"}), res("eks/cluster", "n2", d{"version": "1.100"}),
	}, want: []string{"p"}},
	{query: "eks-outdated-versions", params: map[string]string{"min_minor": "30"}, rs: []*model.Resource{
		res("eks/cluster", "p", d{"version": "1.29"}), res("eks/cluster", "n", d{"version": "1.30"}),
	}, want: []string{"p"}},
	{query: "eks-no-audit-logging", rs: []*model.Resource{
		res("eks/cluster", "p1", d{"logging_enabled_types": []string{"api"}}), res("eks/cluster", "p2", d{"logging_enabled_types": []string{}}),
		res("eks/cluster", "n", d{"logging_enabled_types": []string{"api", "audit"}}), res("eks/cluster", "n-unknown", d{}),
	}, want: []string{"p1", "p2"}},
	{query: "elasticache-no-backups", rs: []*model.Resource{
		res("elasticache/replication-group", "p", d{"snapshot_retention": 0}), res("elasticache/replication-group", "n", d{"snapshot_retention": 7}),
	}, want: []string{"p"}},
	{query: "rds-clusters-unencrypted", rs: []*model.Resource{
		res("rds/db-cluster", "p", d{"storage_encrypted": false}), res("rds/db-cluster", "n", d{"storage_encrypted": true}),
	}, want: []string{"p"}},
	{query: "rds-clusters-no-deletion-protection", rs: []*model.Resource{
		res("rds/db-cluster", "p", d{"deletion_protection": false}), res("rds/db-cluster", "n", d{"deletion_protection": true}),
	}, want: []string{"p"}},
	{query: "redshift-snapshots-unencrypted", rs: []*model.Resource{
		res("redshift/cluster-snapshot", "p", d{"encrypted": false}), res("redshift/cluster-snapshot", "n", d{"encrypted": true}),
	}, want: []string{"p"}},
	{query: "redshift-snapshots-shared", rs: []*model.Resource{
		res("redshift/cluster-snapshot", "p", d{"shared_with_accounts": []string{"999999999999"}}),
		res("redshift/cluster-snapshot", "n", d{"shared_with_accounts": []string{}}),
	}, want: []string{"p"}},
	{query: "redshift-no-automated-snapshots", rs: []*model.Resource{
		res("redshift/cluster", "p", d{"automated_snapshot_retention_days": 0}), res("redshift/cluster", "n", d{"automated_snapshot_retention_days": 1}),
	}, want: []string{"p"}},
	{query: "mq-no-logging", rs: []*model.Resource{
		res("mq/broker", "p1", d{"engine_type": "RABBITMQ", "general_logs": false}),
		res("mq/broker", "p2", d{"engine_type": "ACTIVEMQ", "general_logs": true, "audit_logs": false}),
		res("mq/broker", "n1", d{"engine_type": "ACTIVEMQ", "general_logs": true, "audit_logs": true}),
		res("mq/broker", "n2", d{"engine_type": "RABBITMQ", "general_logs": true, "audit_logs": false}),
	}, want: []string{"p1", "p2"}},
	{query: "msk-public-access", rs: []*model.Resource{
		res("kafka/cluster", "p", d{"public_access": true}), res("kafka/cluster", "n", d{"public_access": false}),
	}, want: []string{"p"}},
	{query: "msk-unauthenticated-access", rs: []*model.Resource{
		res("kafka/cluster", "p", d{"unauthenticated_access": true}), res("kafka/cluster", "n", d{"unauthenticated_access": false}),
	}, want: []string{"p"}},
	{query: "emr-no-security-configuration", rs: []*model.Resource{
		res("emr/cluster", "p", d{"security_configuration": ""}), res("emr/cluster", "n", d{"security_configuration": "enc"}),
		res("emr/cluster", "n-unknown", d{}),
	}, want: []string{"p"}},
	{query: "emr-no-logging", rs: []*model.Resource{
		res("emr/cluster", "p", d{"log_uri": ""}), res("emr/cluster", "n", d{"log_uri": "s3://logs/emr/"}),
	}, want: []string{"p"}},
	{query: "firehose-unencrypted", rs: []*model.Resource{
		res("firehose/delivery-stream", "p", d{"source_type": "DirectPut", "encryption_status": "DISABLED"}),
		res("firehose/delivery-stream", "n1", d{"source_type": "DirectPut", "encryption_status": "ENABLED"}),
		res("firehose/delivery-stream", "n2", d{"source_type": "KinesisStreamAsSource", "encryption_status": "DISABLED"}),
	}, want: []string{"p"}},
	{query: "sns-http-subscriptions", rs: []*model.Resource{
		res("sns/subscription", "p", d{"protocol": "http", "endpoint": "http://hooks.example.com"}),
		res("sns/subscription", "n", d{"protocol": "https", "endpoint": "https://hooks.example.com"}),
	}, want: []string{"p"}},
	{query: "sns-cross-account-subscriptions", rs: []*model.Resource{
		res("sns/subscription", "p", d{"protocol": "sqs", "endpoint": "arn:aws:sqs:us-east-1:999999999999:outside"}),
		res("sns/subscription", "n-own", d{"protocol": "lambda", "endpoint": "arn:aws:lambda:us-east-1:" + acct + ":function:f"}),
		res("sns/subscription", "n-org", d{"protocol": "sqs", "endpoint": "arn:aws:sqs:us-east-1:222222222222:q"}),
		res("sns/subscription", "n-http", d{"protocol": "https", "endpoint": "https://hooks.example.com"}),
		res("organizations/account", "222222222222", d{}),
	}, want: []string{"p"}},
	{query: "ecr-no-lifecycle-policy", rs: []*model.Resource{
		res("ecr/repository", "p", d{"lifecycle_policy_present": false}), res("ecr/repository", "n", d{"lifecycle_policy_present": true}),
	}, want: []string{"p"}},
	{query: "backup-vaults-not-locked", rs: []*model.Resource{
		res("backup/vault", "p", d{"vault_type": "BACKUP_VAULT", "locked": false}),
		res("backup/vault", "n", d{"vault_type": "BACKUP_VAULT", "locked": true}),
		res("backup/vault", "n-airgap", d{"vault_type": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "locked": false}),
	}, want: []string{"p"}},
	{query: "private-ca-expiring", rs: []*model.Resource{
		res("acm-pca/certificate-authority", "p", d{"status": "ACTIVE", "not_after": "2025-07-01T00:00:00Z"}),
		res("acm-pca/certificate-authority", "n", d{"status": "ACTIVE", "not_after": "2035-01-01T00:00:00Z"}),
		res("acm-pca/certificate-authority", "n-disabled", d{"status": "DISABLED", "not_after": "2025-07-01T00:00:00Z"}),
	}, want: []string{"p"}},
	{query: "glue-jobs-no-security-configuration", rs: []*model.Resource{
		res("glue/job", "p", d{"security_configuration": ""}), res("glue/job", "n", d{"security_configuration": "sec"}),
	}, want: []string{"p"}},
	{query: "glue-crawlers-failing", rs: []*model.Resource{
		res("glue/crawler", "p", d{"last_crawl_status": "FAILED"}), res("glue/crawler", "n", d{"last_crawl_status": "SUCCEEDED"}),
		res("glue/crawler", "n-new", d{"last_crawl_status": ""}),
	}, want: []string{"p"}},
	{query: "codebuild-public-projects", rs: []*model.Resource{
		res("codebuild/project", "p", d{"visibility": "PUBLIC_READ"}), res("codebuild/project", "n", d{"visibility": "PRIVATE"}),
	}, want: []string{"p"}},
	{query: "codebuild-no-logs", rs: []*model.Resource{
		res("codebuild/project", "p", d{"cloudwatch_logs": "DISABLED", "s3_logs": "DISABLED"}),
		res("codebuild/project", "n", d{"cloudwatch_logs": "DISABLED", "s3_logs": "ENABLED"}),
	}, want: []string{"p"}},
	{query: "codebuild-artifacts-unencrypted", rs: []*model.Resource{
		res("codebuild/project", "p", d{"artifacts_encryption_disabled": true}), res("codebuild/project", "n", d{"artifacts_encryption_disabled": false}),
	}, want: []string{"p"}},
	{query: "ecs-services-public-ip", rs: []*model.Resource{
		res("ecs/service", "c/p", d{"assign_public_ip": true}), res("ecs/service", "c/n", d{"assign_public_ip": false}),
	}, want: []string{"c/p"}},
	{query: "auto-minor-upgrade-off", rs: []*model.Resource{
		res("rds/db-instance", "p-db", d{"engine": "postgres", "auto_minor_version_upgrade": false}),
		res("elasticache/cluster", "p-cache", d{"engine": "redis", "auto_minor_version_upgrade": false}),
		res("mq/broker", "p-mq", d{"engine_type": "RABBITMQ", "auto_minor_version_upgrade": false}),
		res("rds/db-instance", "n-db", d{"auto_minor_version_upgrade": true}), res("mq/broker", "n-mq", d{"auto_minor_version_upgrade": true}),
		res("rds/db-instance", "n-unknown", d{}),
	}, want: []string{"p-cache", "p-db", "p-mq"}},
	{query: "apigateway-data-trace-enabled", rs: []*model.Resource{
		res("apigateway/stage", "a/p", d{"data_trace_enabled": true}), res("apigateway/stage", "a/n", d{"data_trace_enabled": false}),
	}, want: []string{"a/p"}},
	{query: "elasticache-clusters-unencrypted", rs: []*model.Resource{
		res("elasticache/cluster", "p", d{"engine": "memcached", "at_rest_encryption": false, "transit_encryption": true}),
		res("elasticache/cluster", "n", d{"engine": "memcached", "at_rest_encryption": true, "transit_encryption": true}),
		res("elasticache/cluster", "n-member", d{"replication_group_id": "rg-1", "at_rest_encryption": false, "transit_encryption": false}),
	}, want: []string{"p"}},
	{query: "cognito-user-pools-weak-passwords", rs: []*model.Resource{
		res("cognito-idp/user-pool", "p", d{"password_minimum_length": 8}), res("cognito-idp/user-pool", "n", d{"password_minimum_length": 14}),
	}, want: []string{"p"}},
	{query: "cognito-user-pools-weak-passwords", params: map[string]string{"min_length": "6"}, rs: []*model.Resource{
		res("cognito-idp/user-pool", "n", d{"password_minimum_length": 8}),
	}},
	{query: "dynamodb-no-deletion-protection", rs: []*model.Resource{
		res("dynamodb/table", "p", d{"deletion_protection": false}), res("dynamodb/table", "n", d{"deletion_protection": true}),
	}, want: []string{"p"}},
}

func TestEveryQueryHasACase(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, c := range queryCases {
		covered[c.query] = true
	}
	for _, n := range lib.Names() {
		if !covered[n] {
			t.Errorf("query %s has no fixture case", n)
		}
	}
	if n := len(lib.Names()); n < 60 {
		t.Errorf("%d built-in queries, want at least 60", n)
	}
}

func TestQueries(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range queryCases {
		name := c.query
		if c.params != nil {
			name += "+params"
		}
		t.Run(name, func(t *testing.T) {
			q, ok := lib.Get(c.query)
			if !ok {
				t.Fatalf("no query %s", c.query)
			}
			r := fixtureScans(t, scanInput{c.rs, okCollections(c.rs, q.Reads), c.rels})
			// Scoped to the fixture's account, the query runs wrapped in the
			// account filter: the same rows.
			for _, account := range [][]string{nil, {acct}} {
				res, err := Run(ctx, r, q, c.params, Scope{Types: types, Now: testNow, Accounts: account})
				if err != nil {
					t.Fatal(err)
				}
				if err := checkColumns(res.Columns); err != nil {
					t.Error(err)
				}
				if got := ids(res.Rows); !reflect.DeepEqual(got, c.want) {
					t.Errorf("account %q: ids = %v, want %v", account, got, c.want)
				}
				if len(res.Incomplete) != 0 {
					t.Errorf("account %q: incomplete = %v on a complete fixture", account, res.Incomplete)
				}
			}
		})
	}
}

func TestQueriesOnEmptyInventory(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := fixture(t, nil, nil)
	for _, q := range lib.All() {
		res, err := Run(ctx, r, q, nil, Scope{Types: types, Now: testNow})
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		if len(res.Rows) != 0 || len(res.Incomplete) != 0 {
			t.Errorf("%s: %d rows, %d gaps on an empty inventory", q.Name, len(res.Rows), len(res.Incomplete))
		}
		if err := checkColumns(res.Columns); err != nil {
			t.Errorf("%s: %v", q.Name, err)
		}
	}
}

func TestHeadersComplete(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		if q.Title == "" || q.Description == "" {
			t.Errorf("%s: title and description are required", q.Name)
		}
		if strings.Contains(q.SQL, "FROM resources") && len(q.Reads) == 0 && !inventoryWide[q.Name] {
			t.Errorf("%s: no reads header", q.Name)
		}
	}
}

// inventoryWide queries read every type; they declare no reads.
var inventoryWide = map[string]bool{"untagged-resources": true, "missing-tag": true, "resources-by-tag": true,
	"terminate-after-passed": true, "resources-by-service": true, "resources-by-region": true,
	"resources-by-account": true, "resources-per-account-service": true}

// A query whose input collection failed answers UNKNOWN for it: every
// query of queryCases, with each type it reads denied in turn, names
// exactly that collection among its gaps.
func TestQueriesUnknownWhenAReadFails(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range queryCases {
		q, _ := lib.Get(c.query)
		if seen[c.query] || slices.Contains(q.Reads, AllTypes) {
			continue
		}
		seen[c.query] = true
		t.Run(c.query, func(t *testing.T) {
			for _, failed := range q.Reads {
				cols := okCollections(c.rs, q.Reads)
				for i := range cols {
					if cols[i].Service == failed.Service && cols[i].Type == failed.Type {
						cols[i].Outcome, cols[i].ErrorCode = store.OutcomeDenied, "AccessDenied"
					}
				}
				res, err := Run(ctx, fixtureScans(t, scanInput{c.rs, cols, c.rels}), q, c.params, Scope{Types: types, Now: testNow})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Incomplete) != 1 || res.Incomplete[0].Service != failed.Service || res.Incomplete[0].Type != failed.Type ||
					res.Incomplete[0].Outcome != store.OutcomeDenied {
					t.Errorf("%s denied: incomplete = %v, want that collection alone", failed, res.Incomplete)
				}
			}
		})
	}
}
