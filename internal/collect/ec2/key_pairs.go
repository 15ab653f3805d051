package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var keyPairFields = collect.Fields[types.KeyPairInfo]{
	collect.Text("key_pair_id", "key-... id", func(k types.KeyPairInfo) *string { return k.KeyPairId }),
	collect.Text("fingerprint", "key fingerprint", func(k types.KeyPairInfo) *string { return k.KeyFingerprint }),
	collect.Enum("key_type", "rsa or ed25519", func(k types.KeyPairInfo) types.KeyType { return k.KeyType }),
	collect.Timestamp("create_time", "when the key pair was created or imported", func(k types.KeyPairInfo) *time.Time { return k.CreateTime }),
}

// keyPairs: DescribeKeyPairs is not paginated, one call returns them all.
func keyPairs(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{})
	if err != nil {
		return err
	}
	for _, k := range out.KeyPairs {
		name := aws.ToString(k.KeyName)
		t.Emit(&model.Resource{
			Key: t.Key("key-pair", name), ARN: arn(t, nil, "key-pair/"+name), Name: name,
			CreatedAt: model.Time(k.CreateTime), Tags: tags(k.Tags), Details: keyPairFields.Details(k),
		})
	}
	return nil
}
