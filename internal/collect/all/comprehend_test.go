package all_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/comprehend"
	"github.com/aws/aws-sdk-go-v2/service/comprehend/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/comprehend"
)

var comprehendPaged = collecttest.Paged{Cap: 2}

const comprehendRegion = "us-east-1"

var (
	comprehendRole = "arn:aws:iam::" + account + ":role/comprehend"
	comprehendKey  = "arn:aws:kms:us-east-1:" + account + ":key/k-cp"
)

func comprehendTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

func comprehendArn(res string) *string {
	return aws.String("arn:aws:comprehend:us-east-1:" + account + ":" + res)
}

// moto builds wrong ARNs for versioned and unversioned models
// (topics1/None): canned. Three classifiers (the first versioned,
// encrypted, in a VPC), three recognizers and three endpoints, each
// listing over two pages; every resource is tagged with its ARN.
func comprehendCanned(replace map[string]func(any) (any, error)) awsx.Options {
	classifier := func(i int) types.DocumentClassifierProperties {
		c := types.DocumentClassifierProperties{DocumentClassifierArn: comprehendArn(fmt.Sprint("document-classifier/topics", i)), DataAccessRoleArn: aws.String(comprehendRole),
			LanguageCode: types.LanguageCodeEn, Status: types.ModelStatusTrained, SubmitTime: aws.Time(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))}
		if i == 0 {
			c.DocumentClassifierArn, c.VersionName = comprehendArn("document-classifier/topics0/version/v1"), aws.String("v1")
			c.ModelKmsKeyId, c.VolumeKmsKeyId = aws.String(comprehendKey), aws.String(comprehendKey)
			c.VpcConfig = &types.VpcConfig{Subnets: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}}
		}
		return c
	}
	recognizer := func(i int) types.EntityRecognizerProperties {
		return types.EntityRecognizerProperties{EntityRecognizerArn: comprehendArn(fmt.Sprint("entity-recognizer/parts", i)), DataAccessRoleArn: aws.String(comprehendRole),
			LanguageCode: types.LanguageCodeEn, Status: types.ModelStatusTrained}
	}
	endpoint := func(i int) types.EndpointProperties {
		return types.EndpointProperties{EndpointArn: comprehendArn(fmt.Sprint("document-classifier-endpoint/classify", i)), ModelArn: classifier(i).DocumentClassifierArn,
			CurrentInferenceUnits: aws.Int32(2), DataAccessRoleArn: aws.String(comprehendRole), Status: types.EndpointStatusInService}
	}
	answers := map[string]func(any) (any, error){
		"ListDocumentClassifiers": func(in any) (any, error) {
			if aws.ToString(in.(*comprehend.ListDocumentClassifiersInput).NextToken) == "" {
				return &comprehend.ListDocumentClassifiersOutput{NextToken: aws.String("2"), DocumentClassifierPropertiesList: []types.DocumentClassifierProperties{classifier(0), classifier(1)}}, nil
			}
			return &comprehend.ListDocumentClassifiersOutput{DocumentClassifierPropertiesList: []types.DocumentClassifierProperties{classifier(2)}}, nil
		},
		"ListEntityRecognizers": func(in any) (any, error) {
			if aws.ToString(in.(*comprehend.ListEntityRecognizersInput).NextToken) == "" {
				return &comprehend.ListEntityRecognizersOutput{NextToken: aws.String("2"), EntityRecognizerPropertiesList: []types.EntityRecognizerProperties{recognizer(0), recognizer(1)}}, nil
			}
			return &comprehend.ListEntityRecognizersOutput{EntityRecognizerPropertiesList: []types.EntityRecognizerProperties{recognizer(2)}}, nil
		},
		"ListEndpoints": func(in any) (any, error) {
			if aws.ToString(in.(*comprehend.ListEndpointsInput).NextToken) == "" {
				return &comprehend.ListEndpointsOutput{NextToken: aws.String("2"), EndpointPropertiesList: []types.EndpointProperties{endpoint(0), endpoint(1)}}, nil
			}
			return &comprehend.ListEndpointsOutput{EndpointPropertiesList: []types.EndpointProperties{endpoint(2)}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &comprehend.ListTagsForResourceOutput{Tags: comprehendTag("arn", aws.ToString(in.(*comprehend.ListTagsForResourceInput).ResourceArn))}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestComprehendTypes(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, comprehendRegion, comprehendCanned(nil))
	arn := func(res string) string { return aws.ToString(comprehendArn(res)) }
	for _, c := range []struct {
		typ, id, name, arn string
		details            map[string]any
		edges              []string
	}{
		{"document-classifier", "topics0/version/v1", "topics0", arn("document-classifier/topics0/version/v1"),
			map[string]any{"model_kms_key": comprehendKey, "version": "v1", "in_vpc": true, "language": "en", "data_access_role": comprehendRole},
			[]string{"topics0/version/v1 -encrypted-with-> kms/key:k-cp", "topics0/version/v1 -in-subnet-> ec2/subnet:subnet-1",
				"topics0/version/v1 -uses-security-group-> ec2/security-group:sg-1", "topics0/version/v1 -assumes-role-> iam/role:comprehend"}},
		{"document-classifier", "topics1", "topics1", arn("document-classifier/topics1"), map[string]any{"model_kms_key": "", "in_vpc": false}, nil},
		{"entity-recognizer", "parts2", "parts2", arn("entity-recognizer/parts2"), map[string]any{"language": "en"}, []string{"parts2 -assumes-role-> iam/role:comprehend"}},
		{"endpoint", "classify1", "classify1", arn("document-classifier-endpoint/classify1"), map[string]any{"model_arn": arn("document-classifier/topics1")},
			[]string{"classify1 -serves-> comprehend/document-classifier:topics1", "classify1 -assumes-role-> iam/role:comprehend"}},
	} {
		t.Run(c.typ+"/"+c.id, func(t *testing.T) {
			got := comprehendPaged.Run(t, cfg, collector.Service, c.typ, comprehendRegion)
			if got.Err != nil || len(got.Resources) != 3 {
				t.Fatalf("%v, %d resources", got.Err, len(got.Resources))
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()[c.id]
			if r == nil || r.Name != c.name || r.ARN != c.arn || r.Tags["arn"] != r.ARN {
				t.Fatalf("%s: %+v in %v", c.id, r, got.ByID())
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, c.edges...)
		})
	}
}

func TestComprehendDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"endpoint": "ListEndpoints", "document-classifier": "ListDocumentClassifiers", "entity-recognizer": "ListEntityRecognizers"} {
		cfg := collecttest.ConfigWith(t, comprehendRegion, comprehendCanned(map[string]func(any) (any, error){op: collecttest.Denied(op)}))
		collecttest.AssertDenied(t, comprehendPaged.Run(t, cfg, collector.Service, typ, comprehendRegion))
	}
	cfg := collecttest.ConfigWith(t, comprehendRegion, comprehendCanned(map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource")}))
	got := comprehendPaged.Run(t, cfg, collector.Service, "endpoint", comprehendRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want endpoints and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
