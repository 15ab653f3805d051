package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
)

// AWS Config is on in every region but securityOffRegion (see
// security.go), its recorder stopped in configStoppedRegion. Where it is
// on, the delivery channel writes to the central bucket of the
// shared-services account; managed rules (some created by Security Hub),
// a few custom Lambda rules and conformance packs run. The shared-services
// account aggregates the organization from us-east-1; the management
// account aggregates its accounts, not every region.
func init() {
	kinds = append(kinds,
		&kind{name: "config.config-rule", weight: 0.6, max: 60},
		&kind{name: "config.conformance-pack", weight: 0.04, max: 3},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Config Service", map[string]handler{
		"DescribeConfigurationRecorders":      configRecorders,
		"DescribeConfigurationRecorderStatus": configRecorderStatus,
		"DescribeDeliveryChannels":            configChannels,
		"DescribeConfigRules":                 configRules,
		"DescribeConformancePacks":            configPacks,
		"DescribeConfigurationAggregators":    configAggregators,
		"ListTagsForResource":                 configTags,
	})
}

// configOn says whether Config runs in the call's region.
func (c *call) configOn() bool { return c.region != securityOffRegion }

var managedRules = []string{"S3_BUCKET_VERSIONING_ENABLED", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "ENCRYPTED_VOLUMES", "RDS_STORAGE_ENCRYPTED",
	"IAM_PASSWORD_POLICY", "ROOT_ACCOUNT_MFA_ENABLED", "CLOUD_TRAIL_ENABLED", "RESTRICTED_INCOMING_TRAFFIC", "VPC_FLOW_LOGS_ENABLED", "ACCESS_KEYS_ROTATED"}

// configID is a Config resource id: prefix, letters, then the index.
func (c *call) configID(prefix, kind string, i int) string {
	return prefix + letters(c.rng(kind, i+1<<31), 6) + fmt.Sprint(i)
}

func (c *call) configRuleARN(i int) string {
	return c.arn("config", "config-rule/"+c.configID("config-rule-", "config.config-rule", i))
}

func (c *call) configPackARN(i int) string {
	return c.arn("config", fmt.Sprintf("conformance-pack/%s/%s", configPackName(i), c.configID("conformance-pack-", "config.conformance-pack", i)))
}

func configPackName(i int) string {
	return fmt.Sprintf("%s-%02d", []string{"Operational-Best-Practices-for-CIS", "Operational-Best-Practices-for-PCI-DSS", "Security-Best-Practices-for-S3"}[i%3], i)
}

func (c *call) centralConfigBucket() string {
	return (&call{r: c.r, v: c.v, acct: loggingAccount}).liveBucket(0)
}

func configChannels(c *call) (any, error) {
	out := &configservice.DescribeDeliveryChannelsOutput{}
	if !c.configOn() {
		return out, nil
	}
	ch := cfgtypes.DeliveryChannel{Name: aws.String("default"), S3BucketName: aws.String(c.centralConfigBucket()), S3KeyPrefix: aws.String("config/" + Accounts[c.acct].ID),
		ConfigSnapshotDeliveryProperties: &cfgtypes.ConfigSnapshotDeliveryProperties{DeliveryFrequency: cfgtypes.MaximumExecutionFrequencyTwentyFourHours}}
	if t := c.live("sns.topic", 0); t >= 0 && c.acct != 1 {
		ch.SnsTopicARN = aws.String(c.topicARN(t))
	}
	if c.region == "us-east-1" {
		ch.S3KmsKeyArn = aws.String(c.kmsARN())
	}
	out.DeliveryChannels = []cfgtypes.DeliveryChannel{ch}
	return out, nil
}

func configRules(c *call) (any, error) {
	in := c.in.(*configservice.DescribeConfigRulesInput)
	out := &configservice.DescribeConfigRulesOutput{}
	if !c.configOn() {
		return out, nil
	}
	items, next := c.list("config.config-rule", in.NextToken, nil, 25)
	out.NextToken = next
	for _, i := range items {
		r := c.rng("config.config-rule", i)
		id := managedRules[i%len(managedRules)]
		rule := cfgtypes.ConfigRule{ConfigRuleName: aws.String(strings.ToLower(strings.ReplaceAll(id, "_", "-")) + fmt.Sprintf("-%04d", i)),
			ConfigRuleArn: aws.String(c.configRuleARN(i)), ConfigRuleId: aws.String(c.configID("config-rule-", "config.config-rule", i)),
			ConfigRuleState: cfgtypes.ConfigRuleStateActive, Source: &cfgtypes.Source{Owner: cfgtypes.OwnerAws, SourceIdentifier: aws.String(id)},
			Description: aws.String("Checks " + strings.ToLower(strings.ReplaceAll(id, "_", " ")))}
		switch x := r.intn(10); {
		case x < 3:
			rule.ConfigRuleName = aws.String(fmt.Sprintf("securityhub-%s-%s-%04d", strings.ToLower(strings.ReplaceAll(id, "_", "-")), letters(r, 6), i))
			rule.CreatedBy = aws.String("securityhub.amazonaws.com")
		case x == 3:
			if fn := c.live("lambda.function", i); fn >= 0 {
				rule.Source = &cfgtypes.Source{Owner: cfgtypes.OwnerCustomLambda, SourceIdentifier: aws.String(c.arn("lambda", "function:"+c.fnName(fn)))}
				rule.ConfigRuleName = aws.String(fmt.Sprintf("acme-custom-%s-%04d", r.pick(apps), i))
				rule.Description = aws.String("Acme custom check")
			}
		}
		if strings.HasSuffix(id, "ENABLED") || id == "IAM_PASSWORD_POLICY" || id == "ACCESS_KEYS_ROTATED" {
			rule.MaximumExecutionFrequency = cfgtypes.MaximumExecutionFrequencyTwentyFourHours
		}
		out.ConfigRules = append(out.ConfigRules, rule)
	}
	return out, nil
}

func configPacks(c *call) (any, error) {
	in := c.in.(*configservice.DescribeConformancePacksInput)
	out := &configservice.DescribeConformancePacksOutput{}
	if !c.configOn() {
		return out, nil
	}
	items, next := c.list("config.conformance-pack", in.NextToken, &in.Limit, 20)
	out.NextToken = next
	for _, i := range items {
		out.ConformancePackDetails = append(out.ConformancePackDetails, cfgtypes.ConformancePackDetail{ConformancePackName: aws.String(configPackName(i)),
			ConformancePackArn: aws.String(c.configPackARN(i)), ConformancePackId: aws.String(c.configID("conformance-pack-", "config.conformance-pack", i)),
			DeliveryS3Bucket: aws.String(c.centralConfigBucket()), LastUpdateRequestedTime: c.created("config.conformance-pack", i)})
	}
	return out, nil
}

// configAggregators: one where the accounts' data is gathered, none elsewhere.
func configAggregators(c *call) (any, error) {
	out := &configservice.DescribeConfigurationAggregatorsOutput{}
	if c.region != "us-east-1" || c.acct == 1 {
		return out, nil
	}
	i := min(c.acct, 1) // 0: the management account's, 1: the organization's
	name := []string{"acme-accounts", "acme-organization"}[i]
	a := cfgtypes.ConfigurationAggregator{ConfigurationAggregatorName: aws.String(fmt.Sprintf("%s-%d", name, i)),
		ConfigurationAggregatorArn: aws.String(c.configAggregatorARN(i)), CreationTime: aws.Time(c.v.e.now.AddDate(-2, -i, 0)), LastUpdatedTime: aws.Time(c.v.e.now.AddDate(0, -1, 0))}
	if i == 1 {
		a.OrganizationAggregationSource = &cfgtypes.OrganizationAggregationSource{AllAwsRegions: true, RoleArn: aws.String(c.roleOf(9, 0))}
	} else {
		ids := []string{}
		for _, acct := range Accounts {
			ids = append(ids, acct.ID)
		}
		a.AccountAggregationSources = []cfgtypes.AccountAggregationSource{{AccountIds: ids, AwsRegions: []string{"us-east-1", "eu-west-1"}}}
	}
	out.ConfigurationAggregators = []cfgtypes.ConfigurationAggregator{a}
	return out, nil
}

func (c *call) configAggregatorARN(i int) string {
	return c.arn("config", "config-aggregator/"+c.configID("config-aggregator-", "config.aggregator", i))
}

func configTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*configservice.ListTagsForResourceInput).ResourceArn)
	var kind string
	switch {
	case strings.Contains(arn, ":config-rule/"):
		kind = "config.config-rule"
	case strings.Contains(arn, ":conformance-pack/"):
		kind = "config.conformance-pack"
	case strings.Contains(arn, ":config-aggregator/"):
		// Aggregators are not estate kinds: their index says whose they are.
		if i, ok := trailingIndex(arn); ok && i <= 1 && arn == c.configAggregatorARN(i) {
			return &configservice.ListTagsForResourceOutput{Tags: tagList(c.tagMap("config.aggregator", i, ""), func(k, v *string) cfgtypes.Tag { return cfgtypes.Tag{Key: k, Value: v} })}, nil
		}
		return nil, notFound("ResourceNotFoundException", "aggregator "+arn+" not found")
	default:
		return nil, notFound("ResourceNotFoundException", "resource "+arn+" not found")
	}
	i, err := c.index(kind, arn, "ResourceNotFoundException")
	if err != nil {
		return nil, err
	}
	return &configservice.ListTagsForResourceOutput{Tags: tagList(c.tagMap(kind, i, ""), func(k, v *string) cfgtypes.Tag { return cfgtypes.Tag{Key: k, Value: v} })}, nil
}

func configRecorders(c *call) (any, error) {
	if c.region == securityOffRegion {
		return &configservice.DescribeConfigurationRecordersOutput{}, nil
	}
	return &configservice.DescribeConfigurationRecordersOutput{ConfigurationRecorders: []cfgtypes.ConfigurationRecorder{{
		Name: aws.String("default"), RoleARN: aws.String("arn:aws:iam::" + Accounts[c.acct].ID + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"),
		RecordingGroup: &cfgtypes.RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: c.region == "us-east-1"},
	}}}, nil
}

func configRecorderStatus(c *call) (any, error) {
	if c.region == securityOffRegion {
		return &configservice.DescribeConfigurationRecorderStatusOutput{}, nil
	}
	return &configservice.DescribeConfigurationRecorderStatusOutput{ConfigurationRecordersStatus: []cfgtypes.ConfigurationRecorderStatus{{
		Name: aws.String("default"), Recording: c.region != configStoppedRegion, LastStatus: cfgtypes.RecorderStatusSuccess,
	}}}, nil
}
