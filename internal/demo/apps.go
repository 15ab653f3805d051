package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	sm "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

func init() {
	kinds = append(kinds,
		&kind{name: "lambda.function", weight: 5},
		&kind{name: "lambda.layer", weight: 0.3, max: 10},
		&kind{name: "lambda.event-source-mapping", weight: 0.8},
		&kind{name: "kms.key", weight: 0.8, min: 1},
		&kind{name: "secretsmanager.secret", weight: 1.5},
		&kind{name: "sqs.queue", weight: 1.5},
		&kind{name: "sns.topic", weight: 1, min: 1},
		&kind{name: "sns.subscription", weight: 1.5},
		&kind{name: "ssm.parameter", weight: 4},
		&kind{name: "dynamodb.table", weight: 1.5},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Lambda", map[string]handler{"ListFunctions": lambdaFunctions, "ListTags": lambdaTags, "GetFunctionConcurrency": lambdaConcurrency,
		"ListLayers": lambdaLayers, "ListEventSourceMappings": lambdaMappings})
	register("KMS", map[string]handler{"ListKeys": kmsKeys, "ListAliases": kmsAliases, "DescribeKey": kmsDescribe, "GetKeyRotationStatus": kmsRotation, "ListResourceTags": kmsTags})
	register("Secrets Manager", map[string]handler{"ListSecrets": smSecrets, "GetResourcePolicy": smPolicy})
	register("SQS", map[string]handler{"ListQueues": sqsQueues, "GetQueueAttributes": sqsAttributes, "ListQueueTags": sqsTags})
	register("SNS", map[string]handler{"ListTopics": snsTopics, "GetTopicAttributes": snsAttributes, "ListTagsForResource": snsTags, "ListSubscriptions": snsSubscriptions})
	register("SSM", map[string]handler{"DescribeParameters": ssmParameters, "ListTagsForResource": ssmTags})
	register("DynamoDB", map[string]handler{"ListTables": ddbTables, "DescribeTable": ddbDescribe, "DescribeContinuousBackups": ddbBackups, "ListTagsOfResource": ddbTags})
}

func (c *call) arn(service, resource string) string {
	return fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, c.region, Accounts[c.acct].ID, resource)
}

func (c *call) tagMap(kind string, i int, name string) map[string]string {
	m := map[string]string{}
	for _, t := range c.v.tagsOf(c.acct, c.region, kind, i, name) {
		m[t.k] = t.v
	}
	return m
}

// index finds the item of kind a name or ARN ending in an index refers to.
func (c *call) index(kind, s, code string) (int, error) {
	i, ok := trailingIndex(s)
	if !ok || !c.alive(kind, i) {
		return 0, notFound(code, "resource "+s+" not found")
	}
	return i, nil
}

// --- Lambda: functions run as "lambda" IAM roles and log to /aws/lambda/<name>.

var runtimes = []lambdatypes.Runtime{"python3.12", "python3.9", "nodejs20.x", "nodejs16.x", "java21", "go1.x", "provided.al2023", "python3.11", "nodejs18.x", "ruby3.2"}

func (c *call) fnName(i int) string {
	return fmt.Sprintf("%s-%s-fn-%04d", c.rng("lambda.function", i).pick(apps), Accounts[c.acct].Env, i)
}

func (c *call) lambdaRole(i int) string {
	nr := max(c.g("iam.role"), 1)
	r := (i * len(roleUses)) % nr // roleUses[0] is "lambda"
	r -= r % len(roleUses)
	return c.iamARN("iam.role", "/", iamName("iam.role", r))
}

func lambdaFunctions(c *call) (any, error) {
	in := c.in.(*lambda.ListFunctionsInput)
	items, next := c.list("lambda.function", in.Marker, in.MaxItems, 50)
	out := &lambda.ListFunctionsOutput{NextMarker: next}
	for _, i := range items {
		r, m := c.rng("lambda.function", i), c.mut("lambda.function", i)
		name := c.fnName(i)
		rt := runtimes[(r.intn(len(runtimes))+m.intn(2))%len(runtimes)]
		f := lambdatypes.FunctionConfiguration{FunctionName: aws.String(name), FunctionArn: aws.String(c.arn("lambda", "function:"+name)),
			Runtime: rt, Role: aws.String(c.lambdaRole(i)), Handler: aws.String("main.handler"), CodeSize: int64(1000 + r.intn(50_000_000)),
			MemorySize: aws.Int32(int32([]int{128, 256, 512, 1024, 2048}[r.intn(5)])), Timeout: aws.Int32(int32(3 + r.intn(300))),
			LastModified: aws.String(c.created("lambda.function", i).Format("2006-01-02T15:04:05.000+0000")), Version: aws.String("$LATEST"),
			PackageType: lambdatypes.PackageTypeZip, Architectures: []lambdatypes.Architecture{lambdatypes.ArchitectureX8664},
			TracingConfig: &lambdatypes.TracingConfigResponse{Mode: lambdatypes.TracingModePassThrough}}
		if r.chance(0.3) && c.n("ec2.subnet") > 0 {
			f.VpcConfig = &lambdatypes.VpcConfigResponse{SubnetIds: []string{c.subnetID(1 % c.n("ec2.subnet"))}, SecurityGroupIds: []string{c.sgID(0)}, VpcId: c.vpcID(c.vpcOf(1 % c.n("ec2.subnet")))}
		}
		if r.chance(0.4) {
			f.Environment = &lambdatypes.EnvironmentResponse{Variables: map[string]string{"LOG_LEVEL": "info", "TABLE": "orders"}}
		}
		if i%4 == 1 && c.n("kms.key") > 0 { // from i, not r: the rest of the estate stays as it was
			f.KMSKeyArn = aws.String(c.kmsARN())
		}
		out.Functions = append(out.Functions, f)
	}
	return out, nil
}

func lambdaTags(c *call) (any, error) {
	in := c.in.(*lambda.ListTagsInput)
	if uuid, ok := strings.CutPrefix(aws.ToString(in.Resource), c.arn("lambda", "event-source-mapping:")); ok {
		i, ok := c.uuidIndex("lambda.esm", uuid)
		if !ok || !c.alive("lambda.event-source-mapping", i) {
			return nil, notFound("ResourceNotFoundException", "event source mapping "+uuid+" not found")
		}
		return &lambda.ListTagsOutput{Tags: c.tagMap("lambda.event-source-mapping", i, "")}, nil
	}
	i, err := c.index("lambda.function", aws.ToString(in.Resource), "ResourceNotFoundException")
	if err != nil {
		return nil, err
	}
	return &lambda.ListTagsOutput{Tags: c.tagMap("lambda.function", i, "")}, nil
}

func lambdaConcurrency(c *call) (any, error) {
	in := c.in.(*lambda.GetFunctionConcurrencyInput)
	i, err := c.index("lambda.function", aws.ToString(in.FunctionName), "ResourceNotFoundException")
	if err != nil {
		return nil, err
	}
	out := &lambda.GetFunctionConcurrencyOutput{}
	if c.rng("lambda.function", i+1<<30).chance(0.1) {
		out.ReservedConcurrentExecutions = aws.Int32(10)
	}
	return out, nil
}

func lambdaLayers(c *call) (any, error) {
	in := c.in.(*lambda.ListLayersInput)
	items, next := c.list("lambda.layer", in.Marker, in.MaxItems, 50)
	out := &lambda.ListLayersOutput{NextMarker: next}
	for _, i := range items {
		name := fmt.Sprintf("%s-deps-%04d", c.rng("lambda.layer", i).pick(apps), i)
		ver := int64(1 + c.v.version(c.acct, c.region, "lambda.layer", i))
		out.Layers = append(out.Layers, lambdatypes.LayersListItem{LayerName: aws.String(name), LayerArn: aws.String(c.arn("lambda", "layer:"+name)),
			LatestMatchingVersion: &lambdatypes.LayerVersionsListItem{Version: ver, LayerVersionArn: aws.String(c.arn("lambda", fmt.Sprintf("layer:%s:%d", name, ver))),
				CreatedDate: aws.String(c.created("lambda.layer", i).Format("2006-01-02T15:04:05.000+0000")), CompatibleRuntimes: []lambdatypes.Runtime{"python3.12"}}})
	}
	return out, nil
}

func lambdaMappings(c *call) (any, error) {
	in := c.in.(*lambda.ListEventSourceMappingsInput)
	items, next := c.list("lambda.event-source-mapping", in.Marker, in.MaxItems, 100)
	out := &lambda.ListEventSourceMappingsOutput{NextMarker: next}
	for _, i := range items {
		fn := i % max(c.n("lambda.function"), 1)
		q := i % max(c.n("sqs.queue"), 1)
		out.EventSourceMappings = append(out.EventSourceMappings, lambdatypes.EventSourceMappingConfiguration{UUID: aws.String(c.uuid("lambda.esm", i)),
			FunctionArn: aws.String(c.arn("lambda", "function:"+c.fnName(fn))), EventSourceArn: aws.String(c.arn("sqs", c.queueName(q))),
			State: aws.String("Enabled"), BatchSize: aws.Int32(10), LastModified: c.created("lambda.event-source-mapping", i)})
	}
	return out, nil
}

// --- KMS: key 0 of a region is the one EBS and S3 use.

func kmsKeys(c *call) (any, error) {
	in := c.in.(*kms.ListKeysInput)
	items, next := c.list("kms.key", in.Marker, in.Limit, 100)
	out := &kms.ListKeysOutput{NextMarker: next, Truncated: next != nil}
	for _, i := range items {
		id := c.uuid("kms.key", i)
		out.Keys = append(out.Keys, kmstypes.KeyListEntry{KeyId: aws.String(id), KeyArn: aws.String(c.arn("kms", "key/"+id))})
	}
	return out, nil
}

func kmsAliases(c *call) (any, error) {
	in := c.in.(*kms.ListAliasesInput)
	items, next := c.list("kms.key", in.Marker, in.Limit, 100)
	out := &kms.ListAliasesOutput{NextMarker: next, Truncated: next != nil}
	for _, i := range items {
		name := fmt.Sprintf("alias/%s-%s-%04d", Accounts[c.acct].Env, c.rng("kms.key", i).pick(apps), i)
		out.Aliases = append(out.Aliases, kmstypes.AliasListEntry{AliasName: aws.String(name), AliasArn: aws.String(c.arn("kms", name)), TargetKeyId: aws.String(c.uuid("kms.key", i))})
	}
	return out, nil
}

func (c *call) kmsIndex(id *string) (int, error) {
	i, ok := c.uuidIndex("kms.key", aws.ToString(id))
	if !ok || !c.alive("kms.key", i) {
		return 0, notFound("NotFoundException", "Key '"+aws.ToString(id)+"' does not exist")
	}
	return i, nil
}

func kmsDescribe(c *call) (any, error) {
	in := c.in.(*kms.DescribeKeyInput)
	i, err := c.kmsIndex(in.KeyId)
	if err != nil {
		return nil, err
	}
	id := c.uuid("kms.key", i)
	state := kmstypes.KeyStateEnabled
	if c.mut("kms.key", i).chance(0.08) {
		state = kmstypes.KeyStateDisabled
	}
	return &kms.DescribeKeyOutput{KeyMetadata: &kmstypes.KeyMetadata{KeyId: aws.String(id), Arn: aws.String(c.arn("kms", "key/"+id)), AWSAccountId: aws.String(Accounts[c.acct].ID),
		CreationDate: c.created("kms.key", i), Enabled: state == kmstypes.KeyStateEnabled, KeyState: state, KeyManager: kmstypes.KeyManagerTypeCustomer,
		KeyUsage: kmstypes.KeyUsageTypeEncryptDecrypt, KeySpec: kmstypes.KeySpecSymmetricDefault, Origin: kmstypes.OriginTypeAwsKms,
		Description: aws.String("data key"), MultiRegion: aws.Bool(false)}}, nil
}

func kmsRotation(c *call) (any, error) {
	i, err := c.kmsIndex(c.in.(*kms.GetKeyRotationStatusInput).KeyId)
	if err != nil {
		return nil, err
	}
	return &kms.GetKeyRotationStatusOutput{KeyRotationEnabled: !c.rng("kms.key", i).chance(0.4)}, nil
}

func kmsTags(c *call) (any, error) {
	i, err := c.kmsIndex(c.in.(*kms.ListResourceTagsInput).KeyId)
	if err != nil {
		return nil, err
	}
	out := &kms.ListResourceTagsOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, "kms.key", i, "") {
		out.Tags = append(out.Tags, kmstypes.Tag{TagKey: aws.String(t.k), TagValue: aws.String(t.v)})
	}
	return out, nil
}

// --- Secrets Manager: 40% rotate; the others were never rotated.

func smSecrets(c *call) (any, error) {
	in := c.in.(*sm.ListSecretsInput)
	items, next := c.list("secretsmanager.secret", in.NextToken, in.MaxResults, 100)
	out := &sm.ListSecretsOutput{NextToken: next}
	for _, i := range items {
		r := c.rng("secretsmanager.secret", i)
		name := fmt.Sprintf("%s/%s/db-password-%04d", Accounts[c.acct].Env, r.pick(apps), i)
		created := c.created("secretsmanager.secret", i)
		s := smtypes.SecretListEntry{Name: aws.String(name), ARN: aws.String(c.arn("secretsmanager", "secret:"+name+"-"+r.hex(6))), CreatedDate: created,
			Description: aws.String("credentials"), RotationEnabled: aws.Bool(false), LastChangedDate: created}
		if r.chance(0.4) {
			s.RotationEnabled = aws.Bool(true)
			s.RotationRules = &smtypes.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)}
			last := c.v.e.now.Add(-time.Duration(r.intn(30)) * 24 * time.Hour)
			s.LastRotatedDate, s.NextRotationDate = &last, aws.Time(last.Add(30*24*time.Hour))
			s.RotationLambdaARN = aws.String(c.arn("lambda", "function:"+c.fnName(0)))
		}
		if r.chance(0.7) {
			s.LastAccessedDate = aws.Time(c.v.e.now.Add(-time.Duration(r.intn(120)) * 24 * time.Hour).Truncate(24 * time.Hour))
		}
		if r.chance(0.3) {
			s.KmsKeyId = aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))
		}
		for _, t := range c.v.tagsOf(c.acct, c.region, "secretsmanager.secret", i, "") {
			s.Tags = append(s.Tags, smtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
		}
		out.SecretList = append(out.SecretList, s)
	}
	return out, nil
}

func smPolicy(c *call) (any, error) {
	in := c.in.(*sm.GetResourcePolicyInput)
	id := aws.ToString(in.SecretId)
	return &sm.GetResourcePolicyOutput{ARN: in.SecretId, Name: aws.String(id[strings.LastIndex(id, ":")+1:])}, nil
}

// --- SQS

func (c *call) queueName(i int) string {
	return fmt.Sprintf("%s-%s-queue-%04d", c.rng("sqs.queue", i).pick(apps), Accounts[c.acct].Env, i)
}

func sqsQueues(c *call) (any, error) {
	in := c.in.(*sqs.ListQueuesInput)
	items, next := c.list("sqs.queue", in.NextToken, in.MaxResults, 1000)
	out := &sqs.ListQueuesOutput{NextToken: next}
	for _, i := range items {
		out.QueueUrls = append(out.QueueUrls, fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/%s", c.region, Accounts[c.acct].ID, c.queueName(i)))
	}
	return out, nil
}

func sqsAttributes(c *call) (any, error) {
	in := c.in.(*sqs.GetQueueAttributesInput)
	i, err := c.index("sqs.queue", aws.ToString(in.QueueUrl), "AWS.SimpleQueueService.NonExistentQueue")
	if err != nil {
		return nil, err
	}
	r := c.rng("sqs.queue", i)
	a := map[string]string{"QueueArn": c.arn("sqs", c.queueName(i)), "ApproximateNumberOfMessages": fmt.Sprint(r.intn(5000)),
		"CreatedTimestamp": fmt.Sprint(c.created("sqs.queue", i).Unix()), "LastModifiedTimestamp": fmt.Sprint(c.created("sqs.queue", i).Unix()),
		"VisibilityTimeout": "30", "MessageRetentionPeriod": "345600", "DelaySeconds": "0", "MaximumMessageSize": "262144",
		"SqsManagedSseEnabled": fmt.Sprint(!r.chance(0.2))}
	if r.chance(0.5) {
		a["RedrivePolicy"] = fmt.Sprintf(`{"deadLetterTargetArn":"%s","maxReceiveCount":5}`, c.arn("sqs", c.queueName(0)))
	}
	return &sqs.GetQueueAttributesOutput{Attributes: a}, nil
}

func sqsTags(c *call) (any, error) {
	i, err := c.index("sqs.queue", aws.ToString(c.in.(*sqs.ListQueueTagsInput).QueueUrl), "AWS.SimpleQueueService.NonExistentQueue")
	if err != nil {
		return nil, err
	}
	return &sqs.ListQueueTagsOutput{Tags: c.tagMap("sqs.queue", i, "")}, nil
}

// --- SNS (100 topics a page)

func (c *call) topicARN(i int) string {
	return c.arn("sns", fmt.Sprintf("%s-%s-alerts-%04d", c.rng("sns.topic", i).pick(apps), Accounts[c.acct].Env, i))
}

func snsTopics(c *call) (any, error) {
	in := c.in.(*sns.ListTopicsInput)
	items, next := c.list("sns.topic", in.NextToken, nil, 100)
	out := &sns.ListTopicsOutput{NextToken: next}
	for _, i := range items {
		out.Topics = append(out.Topics, snsTopic(c.topicARN(i)))
	}
	return out, nil
}

func snsAttributes(c *call) (any, error) {
	arn := aws.ToString(c.in.(*sns.GetTopicAttributesInput).TopicArn)
	i, err := c.index("sns.topic", arn, "NotFound")
	if err != nil {
		return nil, err
	}
	a := map[string]string{"TopicArn": arn, "Owner": Accounts[c.acct].ID, "DisplayName": "", "SubscriptionsConfirmed": fmt.Sprint(c.rng("sns.topic", i).intn(5)),
		"SubscriptionsPending": "0", "SubscriptionsDeleted": "0"}
	if c.rng("sns.topic", i).chance(0.5) {
		a["KmsMasterKeyId"] = "alias/aws/sns"
	}
	return &sns.GetTopicAttributesOutput{Attributes: a}, nil
}

func snsTags(c *call) (any, error) {
	i, err := c.index("sns.topic", aws.ToString(c.in.(*sns.ListTagsForResourceInput).ResourceArn), "ResourceNotFound")
	if err != nil {
		return nil, err
	}
	out := &sns.ListTagsForResourceOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, "sns.topic", i, "") {
		out.Tags = append(out.Tags, snsTag(t))
	}
	return out, nil
}

func snsSubscriptions(c *call) (any, error) {
	in := c.in.(*sns.ListSubscriptionsInput)
	items, next := c.list("sns.subscription", in.NextToken, nil, 100)
	out := &sns.ListSubscriptionsOutput{NextToken: next}
	nt := max(c.n("sns.topic"), 1)
	for _, i := range items {
		topic := c.topicARN(i % nt)
		proto, endpoint := "email", owners[i%len(owners)]
		if i%3 == 1 && c.n("sqs.queue") > 0 {
			proto, endpoint = "sqs", c.arn("sqs", c.queueName(i%c.n("sqs.queue")))
		} else if i%3 == 2 && c.n("lambda.function") > 0 {
			proto, endpoint = "lambda", c.arn("lambda", "function:"+c.fnName(i%c.n("lambda.function")))
		}
		out.Subscriptions = append(out.Subscriptions, snsSub(topic, fmt.Sprintf("%s:%s", topic, c.uuid("sns.subscription", i)), proto, endpoint, Accounts[c.acct].ID))
	}
	return out, nil
}

// --- SSM parameters (50 a page)

func (c *call) paramName(i int) string {
	return fmt.Sprintf("/%s/%s/config-%04d", Accounts[c.acct].Env, c.rng("ssm.parameter", i).pick(apps), i)
}

func ssmParameters(c *call) (any, error) {
	in := c.in.(*ssm.DescribeParametersInput)
	items, next := c.list("ssm.parameter", in.NextToken, in.MaxResults, 50)
	out := &ssm.DescribeParametersOutput{NextToken: next}
	for _, i := range items {
		r := c.rng("ssm.parameter", i)
		name := c.paramName(i)
		r.next() // the app drawn for the name
		typ := []ssmtypes.ParameterType{ssmtypes.ParameterTypeString, ssmtypes.ParameterTypeSecureString, ssmtypes.ParameterTypeStringList}[r.intn(3)]
		out.Parameters = append(out.Parameters, ssmtypes.ParameterMetadata{Name: aws.String(name), ARN: aws.String(c.arn("ssm", "parameter"+name)), Type: typ,
			Tier: ssmtypes.ParameterTierStandard, DataType: aws.String("text"), Version: int64(1 + c.v.version(c.acct, c.region, "ssm.parameter", i)),
			LastModifiedDate: c.created("ssm.parameter", i), LastModifiedUser: aws.String(c.iamARN("iam.user", "/", iamName("iam.user", 1)))})
	}
	return out, nil
}

func ssmTags(c *call) (any, error) {
	in := c.in.(*ssm.ListTagsForResourceInput)
	i, err := c.index("ssm.parameter", aws.ToString(in.ResourceId), "InvalidResourceId")
	if err != nil {
		return nil, err
	}
	out := &ssm.ListTagsForResourceOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, "ssm.parameter", i, "") {
		out.TagList = append(out.TagList, ssmtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}

// --- DynamoDB: PITR off on half the tables.

func (c *call) tableName(i int) string {
	return fmt.Sprintf("%s-%s-table-%04d", c.rng("dynamodb.table", i).pick(apps), Accounts[c.acct].Env, i)
}

func ddbTables(c *call) (any, error) {
	in := c.in.(*dynamodb.ListTablesInput)
	items, next := c.list("dynamodb.table", in.ExclusiveStartTableName, in.Limit, 100)
	out := &dynamodb.ListTablesOutput{LastEvaluatedTableName: next}
	for _, i := range items {
		out.TableNames = append(out.TableNames, c.tableName(i))
	}
	return out, nil
}

func ddbDescribe(c *call) (any, error) {
	name := aws.ToString(c.in.(*dynamodb.DescribeTableInput).TableName)
	i, err := c.index("dynamodb.table", name, "ResourceNotFoundException")
	if err != nil {
		return nil, err
	}
	r := c.rng("dynamodb.table", i)
	t := &ddbtypes.TableDescription{TableName: aws.String(name), TableArn: aws.String(c.arn("dynamodb", "table/"+name)), TableId: aws.String(c.uuid("dynamodb.table", i)),
		TableStatus: ddbtypes.TableStatusActive, CreationDateTime: c.created("dynamodb.table", i), ItemCount: aws.Int64(int64(r.intn(10_000_000))),
		TableSizeBytes: aws.Int64(int64(r.intn(1 << 34))), DeletionProtectionEnabled: aws.Bool(r.chance(0.3)),
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: ddbtypes.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: ddbtypes.KeyTypeRange}},
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: ddbtypes.ScalarAttributeTypeS}, {AttributeName: aws.String("sk"), AttributeType: ddbtypes.ScalarAttributeTypeS}}}
	if r.chance(0.6) {
		t.BillingModeSummary = &ddbtypes.BillingModeSummary{BillingMode: ddbtypes.BillingModePayPerRequest}
		t.ProvisionedThroughput = &ddbtypes.ProvisionedThroughputDescription{ReadCapacityUnits: aws.Int64(0), WriteCapacityUnits: aws.Int64(0)}
	} else {
		t.BillingModeSummary = &ddbtypes.BillingModeSummary{BillingMode: ddbtypes.BillingModeProvisioned}
		t.ProvisionedThroughput = &ddbtypes.ProvisionedThroughputDescription{ReadCapacityUnits: aws.Int64(int64(5 + r.intn(500))), WriteCapacityUnits: aws.Int64(int64(5 + r.intn(200)))}
	}
	if r.chance(0.3) {
		t.SSEDescription = &ddbtypes.SSEDescription{Status: ddbtypes.SSEStatusEnabled, SSEType: ddbtypes.SSETypeKms, KMSMasterKeyArn: aws.String(c.arn("kms", "key/"+c.uuid("kms.key", 0)))}
	}
	return &dynamodb.DescribeTableOutput{Table: t}, nil
}

func ddbBackups(c *call) (any, error) {
	name := aws.ToString(c.in.(*dynamodb.DescribeContinuousBackupsInput).TableName)
	i, err := c.index("dynamodb.table", name, "TableNotFoundException")
	if err != nil {
		return nil, err
	}
	pitr := ddbtypes.PointInTimeRecoveryStatusDisabled
	if c.rng("dynamodb.table", i+1<<30).chance(0.5) {
		pitr = ddbtypes.PointInTimeRecoveryStatusEnabled
	}
	return &dynamodb.DescribeContinuousBackupsOutput{ContinuousBackupsDescription: &ddbtypes.ContinuousBackupsDescription{
		ContinuousBackupsStatus: ddbtypes.ContinuousBackupsStatusEnabled, PointInTimeRecoveryDescription: &ddbtypes.PointInTimeRecoveryDescription{PointInTimeRecoveryStatus: pitr}}}, nil
}

func ddbTags(c *call) (any, error) {
	i, err := c.index("dynamodb.table", aws.ToString(c.in.(*dynamodb.ListTagsOfResourceInput).ResourceArn), "ResourceNotFoundException")
	if err != nil {
		return nil, err
	}
	out := &dynamodb.ListTagsOfResourceOutput{}
	for _, t := range c.v.tagsOf(c.acct, c.region, "dynamodb.table", i, "") {
		out.Tags = append(out.Tags, ddbtypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}
