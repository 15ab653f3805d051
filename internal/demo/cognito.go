package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	idp "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	idptypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// Cognito: user pools of the customer-facing apps and identity pools that
// give their users (and, for pool 0 of a region and a quarter of the
// others, guests) AWS credentials. User pool 0 of a region lets anyone sign
// up without MFA; half the pools leave MFA off. Pools call live functions
// of the region at sign-up and token time.
func init() {
	kinds = append(kinds,
		&kind{name: "cognito-idp.user-pool", weight: 0.06, max: 10},
		&kind{name: "cognito-identity.identity-pool", weight: 0.04, max: 8},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Cognito Identity Provider", map[string]handler{"ListUserPools": idpPools, "DescribeUserPool": idpPool})
	register("Cognito Identity", map[string]handler{"ListIdentityPools": ciPools, "DescribeIdentityPool": ciPool, "GetIdentityPoolRoles": ciRoles})
}

// idpPoolID is REGION_ and nine characters ending with the index.
func (c *call) idpPoolID(i int) string {
	l := letters(c.rng("cognito-idp.user-pool", i+1<<31), 5)
	return fmt.Sprintf("%s_%s%s%04d", c.region, strings.ToUpper(l[:1]), l[1:], i)
}

func (c *call) idpPoolName(i int) string {
	return fmt.Sprintf("%s-%s-users-%04d", c.rng("cognito-idp.user-pool", i).pick(apps), Accounts[c.acct].Env, i)
}

func idpPools(c *call) (any, error) {
	in := c.in.(*idp.ListUserPoolsInput)
	items, next := c.list("cognito-idp.user-pool", in.NextToken, in.MaxResults, 60)
	out := &idp.ListUserPoolsOutput{NextToken: next}
	for _, i := range items {
		out.UserPools = append(out.UserPools, idptypes.UserPoolDescriptionType{Id: aws.String(c.idpPoolID(i)), Name: aws.String(c.idpPoolName(i)),
			CreationDate: c.created("cognito-idp.user-pool", i), LastModifiedDate: c.created("cognito-idp.user-pool", i)})
	}
	return out, nil
}

func idpPool(c *call) (any, error) {
	id := aws.ToString(c.in.(*idp.DescribeUserPoolInput).UserPoolId)
	i, ok := trailingIndex(id)
	if !ok || !c.alive("cognito-idp.user-pool", i) || c.idpPoolID(i) != id {
		return nil, notFound("ResourceNotFoundException", "User pool "+id+" does not exist.")
	}
	r, m := c.rng("cognito-idp.user-pool", i+1<<30), c.mut("cognito-idp.user-pool", i)
	p := &idptypes.UserPoolType{Id: aws.String(id), Name: aws.String(c.idpPoolName(i)), Arn: aws.String(c.arn("cognito-idp", "userpool/"+id)),
		CreationDate: c.created("cognito-idp.user-pool", i), LastModifiedDate: c.created("cognito-idp.user-pool", i),
		MfaConfiguration: idptypes.UserPoolMfaTypeOptional, EstimatedNumberOfUsers: int32(r.intn(250_000)), UserPoolTier: idptypes.UserPoolTierTypeEssentials,
		DeletionProtection:    idptypes.DeletionProtectionTypeActive,
		UserPoolAddOns:        &idptypes.UserPoolAddOnsType{AdvancedSecurityMode: idptypes.AdvancedSecurityModeTypeOff},
		AdminCreateUserConfig: &idptypes.AdminCreateUserConfigType{AllowAdminCreateUserOnly: r.chance(0.3)},
		Policies:              &idptypes.UserPoolPolicyType{PasswordPolicy: &idptypes.PasswordPolicyType{MinimumLength: aws.Int32(int32([]int{8, 8, 10, 12, 14}[r.intn(5)]))}},
		UserPoolTags:          c.tagMap("cognito-idp.user-pool", i, "")}
	switch {
	case i == 0:
		p.MfaConfiguration, p.AdminCreateUserConfig.AllowAdminCreateUserOnly, p.DeletionProtection = idptypes.UserPoolMfaTypeOff, false, idptypes.DeletionProtectionTypeInactive
	case m.chance(0.45):
		p.MfaConfiguration = idptypes.UserPoolMfaTypeOff
	case r.chance(0.3):
		p.MfaConfiguration = idptypes.UserPoolMfaTypeOn
	}
	if r.chance(0.3) {
		p.UserPoolAddOns.AdvancedSecurityMode, p.UserPoolTier = []idptypes.AdvancedSecurityModeType{idptypes.AdvancedSecurityModeTypeAudit, idptypes.AdvancedSecurityModeTypeEnforced}[r.intn(2)], idptypes.UserPoolTierTypePlus
	}
	if r.chance(0.6) {
		p.Domain = aws.String(fmt.Sprintf("acme-%s-%04d", Accounts[c.acct].Env, i))
	} else if r.chance(0.5) {
		p.CustomDomain = aws.String(fmt.Sprintf("login%d.acme.example", i))
	}
	if fn := c.live("lambda.function", i); fn >= 0 && r.chance(0.5) {
		arn := aws.String(c.arn("lambda", "function:"+c.fnName(fn)))
		p.LambdaConfig = &idptypes.LambdaConfigType{PreSignUp: arn, PostConfirmation: arn}
	}
	return &idp.DescribeUserPoolOutput{UserPool: p}, nil
}

func ciPools(c *call) (any, error) {
	in := c.in.(*cognitoidentity.ListIdentityPoolsInput)
	items, next := c.list("cognito-identity.identity-pool", in.NextToken, in.MaxResults, 60)
	out := &cognitoidentity.ListIdentityPoolsOutput{NextToken: next}
	for _, i := range items {
		out.IdentityPools = append(out.IdentityPools, citypes.IdentityPoolShortDescription{IdentityPoolId: aws.String(c.ciPoolID(i)), IdentityPoolName: aws.String(c.ciPoolName(i))})
	}
	return out, nil
}

func (c *call) ciPoolID(i int) string {
	return c.region + ":" + c.uuid("cognito-identity.identity-pool", i)
}

func (c *call) ciPoolName(i int) string {
	return fmt.Sprintf("%s_%s_identities_%04d", c.rng("cognito-identity.identity-pool", i).pick(apps), Accounts[c.acct].Env, i)
}

func (c *call) ciPool(id *string) (int, error) {
	s := aws.ToString(id)
	i, ok := c.uuidIndex("cognito-identity.identity-pool", s)
	if !ok || !c.alive("cognito-identity.identity-pool", i) || c.ciPoolID(i) != s {
		return 0, notFound("ResourceNotFoundException", "IdentityPool '"+s+"' not found.")
	}
	return i, nil
}

func (c *call) ciGuests(i int) bool {
	return i == 0 || c.rng("cognito-identity.identity-pool", i).chance(0.25)
}

func ciPool(c *call) (any, error) {
	in := c.in.(*cognitoidentity.DescribeIdentityPoolInput)
	i, err := c.ciPool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	r := c.rng("cognito-identity.identity-pool", i+1<<30)
	out := &cognitoidentity.DescribeIdentityPoolOutput{IdentityPoolId: in.IdentityPoolId, IdentityPoolName: aws.String(c.ciPoolName(i)),
		AllowUnauthenticatedIdentities: c.ciGuests(i), AllowClassicFlow: aws.Bool(r.chance(0.1)), SupportedLoginProviders: map[string]string{},
		IdentityPoolTags: c.tagMap("cognito-identity.identity-pool", i, "")}
	if p := c.live("cognito-idp.user-pool", i); p >= 0 {
		out.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{{ProviderName: aws.String(fmt.Sprintf("cognito-idp.%s.amazonaws.com/%s", c.region, c.idpPoolID(p))),
			ClientId: aws.String(letters(r, 26)), ServerSideTokenCheck: aws.Bool(false)}}
	}
	if r.chance(0.3) {
		out.SupportedLoginProviders["accounts.google.com"] = fmt.Sprintf("%d-%s.apps.googleusercontent.com", 100000+r.intn(900000), letters(r, 12))
	}
	return out, nil
}

func ciRoles(c *call) (any, error) {
	in := c.in.(*cognitoidentity.GetIdentityPoolRolesInput)
	i, err := c.ciPool(in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	roles := map[string]string{"authenticated": c.roleOf(4, i)}
	if c.ciGuests(i) {
		roles["unauthenticated"] = c.roleOf(4, i+1)
	}
	return &cognitoidentity.GetIdentityPoolRolesOutput{IdentityPoolId: in.IdentityPoolId, Roles: roles}, nil
}
