// Package account learns who the credentials belong to, which regions the
// account has enabled, the accounts of its organization, and the
// credentials of a role assumed in each of them.
package account

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/awsmap/awsmap/internal/awsx"
)

// Identity is who the credentials belong to.
type Identity struct {
	Account string
	ARN     string
	Alias   string // empty when the account has none or it could not be read
	// AliasErr is set when the alias could not be read (it is best effort).
	AliasErr error
}

// WhoAmI validates the credentials with STS and reads the account alias.
func WhoAmI(ctx context.Context, cfg aws.Config) (Identity, error) {
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		// Without an AWS error code the request never got an answer: the
		// chain could not produce credentials (or the endpoint is down).
		if awsx.APICode(err) == "" && strings.Contains(err.Error(), "credentials") {
			return Identity{}, awsx.ErrNoCredentials
		}
		if awsx.APICode(err) == "" {
			return Identity{}, fmt.Errorf("cannot reach AWS: %v", err)
		}
		return Identity{}, fmt.Errorf("invalid AWS credentials: %s", awsx.ErrorMessage(err))
	}
	id := Identity{Account: aws.ToString(out.Account), ARN: aws.ToString(out.Arn)}
	id.Alias, id.AliasErr = Alias(awsx.WithAccount(ctx, id.Account), cfg)
	return id, nil
}

// Alias reads the account's IAM alias ("" when it has none).
func Alias(ctx context.Context, cfg aws.Config) (string, error) {
	aliases, err := iam.NewFromConfig(cfg).ListAccountAliases(ctx, &iam.ListAccountAliasesInput{})
	if err != nil || len(aliases.AccountAliases) == 0 {
		return "", err
	}
	return aliases.AccountAliases[0], nil
}

// EnabledRegions lists the regions the account can use (opt-in regions only
// when opted in), sorted.
func EnabledRegions(ctx context.Context, cfg aws.Config) ([]string, error) {
	out, err := ec2.NewFromConfig(cfg).DescribeRegions(ctx, &ec2.DescribeRegionsInput{})
	if err != nil {
		return nil, fmt.Errorf("listing enabled regions: %w", err)
	}
	regions := make([]string, 0, len(out.Regions))
	for _, r := range out.Regions {
		if s := aws.ToString(r.OptInStatus); s == "" || s == "opt-in-not-required" || s == "opted-in" {
			regions = append(regions, aws.ToString(r.RegionName))
		}
	}
	sort.Strings(regions)
	return regions, nil
}
