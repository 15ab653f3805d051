package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// IAM federation and long-lived credentials outside users: every account
// trusts the SSO SAML provider and a legacy one whose metadata has expired
// (iam-saml-providers-expiring finds it); OIDC providers for GitHub Actions and EKS
// clusters; a few uploaded server certificates, some expired; virtual MFA
// devices of the users with MFA (and of root where it has MFA), plus
// devices left unassigned by abandoned enrollments.
func init() {
	kinds = append(kinds,
		&kind{name: "iam.saml-provider", weight: 0.01, min: 2, max: 2, global: true, stable: true},
		&kind{name: "iam.oidc-provider", weight: 0.03, min: 1, max: 6, global: true, stable: true},
		&kind{name: "iam.server-certificate", weight: 0.02, max: 6, global: true},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("IAM", map[string]handler{"ListSAMLProviders": iamSAMLProviders, "GetSAMLProvider": iamSAMLProvider,
		"ListOpenIDConnectProviders": iamOIDCProviders, "GetOpenIDConnectProvider": iamOIDCProvider,
		"ListServerCertificates": iamServerCertificates, "ListServerCertificateTags": iamServerCertificateTags,
		"ListVirtualMFADevices": iamVirtualMFADevices})
}

// federated is the live global item of kind whose ARN is arn (these kinds
// hold a handful per account: found by looking at each).
func (c *call) federated(kind, arn string, arnOf func(i int) string, what string) (int, error) {
	for i := range c.g(kind) {
		if c.v.exists(c.acct, global, kind, i) && arnOf(i) == arn {
			return i, nil
		}
	}
	return 0, notFound("NoSuchEntity", what+" "+arn+" does not exist.")
}

func (c *call) samlARN(i int) string {
	name := "AWSSSO_" + c.grng("iam.saml-provider", i).hex(16) + "_DO_NOT_DELETE"
	if i > 0 {
		name = fmt.Sprintf("Okta-legacy-%02d", i)
	}
	return c.iamARN("iam.saml-provider", "/", name)
}

// samlValidUntil: the legacy providers' metadata has expired.
func (c *call) samlValidUntil(i int) *time.Time {
	if i > 0 {
		return aws.Time(c.v.e.now.AddDate(0, -i*3, 0))
	}
	return aws.Time(c.gcreated("iam.saml-provider", i).AddDate(100, 0, 0))
}

func iamSAMLProviders(c *call) (any, error) {
	out := &iam.ListSAMLProvidersOutput{}
	c.v.each(c.acct, global, "iam.saml-provider", 0, func(i int) bool {
		out.SAMLProviderList = append(out.SAMLProviderList, types.SAMLProviderListEntry{Arn: aws.String(c.samlARN(i)),
			CreateDate: c.gcreated("iam.saml-provider", i), ValidUntil: c.samlValidUntil(i)})
		return true
	})
	return out, nil
}

func iamSAMLProvider(c *call) (any, error) {
	arn := aws.ToString(c.in.(*iam.GetSAMLProviderInput).SAMLProviderArn)
	i, err := c.federated("iam.saml-provider", arn, c.samlARN, "SAML provider")
	if err != nil {
		return nil, err
	}
	return &iam.GetSAMLProviderOutput{CreateDate: c.gcreated("iam.saml-provider", i), ValidUntil: c.samlValidUntil(i),
		AssertionEncryptionMode: types.AssertionEncryptionModeTypeAllowed, SAMLProviderUUID: aws.String(c.uuid("iam.saml-provider", i)),
		SAMLMetadataDocument: aws.String(`<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://acme.example/saml"/>`),
		Tags:                 c.iamTags("iam.saml-provider", i)}, nil
}

// oidcHost: provider 0 is GitHub Actions', the others EKS clusters' issuers.
func (c *call) oidcHost(i int) string {
	if i == 0 {
		return "token.actions.githubusercontent.com"
	}
	return fmt.Sprintf("oidc.eks.%s.amazonaws.com/id/%s", Regions[(i+c.acct)%len(Regions)], strings.ToUpper(c.grng("iam.oidc-provider", i).hex(32)))
}

func (c *call) oidcARN(i int) string { return c.iamARN("iam.oidc-provider", "/", c.oidcHost(i)) }

func iamOIDCProviders(c *call) (any, error) {
	out := &iam.ListOpenIDConnectProvidersOutput{}
	c.v.each(c.acct, global, "iam.oidc-provider", 0, func(i int) bool {
		out.OpenIDConnectProviderList = append(out.OpenIDConnectProviderList, types.OpenIDConnectProviderListEntry{Arn: aws.String(c.oidcARN(i))})
		return true
	})
	return out, nil
}

func iamOIDCProvider(c *call) (any, error) {
	arn := aws.ToString(c.in.(*iam.GetOpenIDConnectProviderInput).OpenIDConnectProviderArn)
	i, err := c.federated("iam.oidc-provider", arn, c.oidcARN, "OpenIDConnect provider")
	if err != nil {
		return nil, err
	}
	r := c.grng("iam.oidc-provider", i+1<<30)
	out := &iam.GetOpenIDConnectProviderOutput{Url: aws.String(c.oidcHost(i)), ClientIDList: []string{"sts.amazonaws.com"},
		ThumbprintList: []string{r.hex(40)}, CreateDate: c.gcreated("iam.oidc-provider", i), Tags: c.iamTags("iam.oidc-provider", i)}
	if i == 0 && r.chance(0.5) {
		out.ThumbprintList = append(out.ThumbprintList, r.hex(40))
	}
	return out, nil
}

func (c *call) serverCertName(i int) string {
	return fmt.Sprintf("%s-acme-example-%d-%04d", c.grng("iam.server-certificate", i).pick(apps), 2019+i%5, i)
}

func (c *call) serverCertPath(i int) string {
	if i%3 == 1 {
		return "/cloudfront/"
	}
	return "/"
}

func iamServerCertificates(c *call) (any, error) {
	in := c.in.(*iam.ListServerCertificatesInput)
	items, next := c.v.page(c.acct, global, "iam.server-certificate", deref(in.Marker), c.pageSize(iamPage, in.MaxItems))
	out := &iam.ListServerCertificatesOutput{Marker: tok(next), IsTruncated: next != ""}
	for _, i := range items {
		r := c.grng("iam.server-certificate", i)
		uploaded := c.gcreated("iam.server-certificate", i)
		name := c.serverCertName(i)
		out.ServerCertificateMetadataList = append(out.ServerCertificateMetadataList, types.ServerCertificateMetadata{ServerCertificateName: aws.String(name),
			Path: aws.String(c.serverCertPath(i)), Arn: aws.String(c.iamARN("iam.server-certificate", c.serverCertPath(i), name)),
			ServerCertificateId: aws.String(uniqueID("ASCA", r)), UploadDate: uploaded, Expiration: aws.Time(uploaded.AddDate(1+r.intn(2), 0, 0))})
	}
	return out, nil
}

func iamServerCertificateTags(c *call) (any, error) {
	name := aws.ToString(c.in.(*iam.ListServerCertificateTagsInput).ServerCertificateName)
	i, ok := trailingIndex(name)
	if !ok || !c.v.exists(c.acct, global, "iam.server-certificate", i) || c.serverCertName(i) != name {
		return nil, notFound("NoSuchEntity", "The Server Certificate with name "+name+" cannot be found.")
	}
	return &iam.ListServerCertificateTagsOutput{Tags: c.iamTags("iam.server-certificate", i)}, nil
}

// iamVirtualMFADevices pages through the users: a device per user with
// MFA, and an unassigned one for some console users without; root's
// device comes first where root has MFA.
func iamVirtualMFADevices(c *call) (any, error) {
	in := c.in.(*iam.ListVirtualMFADevicesInput)
	want := func(assigned bool) bool {
		return in.AssignmentStatus == "" || in.AssignmentStatus == types.AssignmentStatusTypeAny ||
			(in.AssignmentStatus == types.AssignmentStatusTypeAssigned) == assigned
	}
	out := &iam.ListVirtualMFADevicesOutput{}
	if in.Marker == nil && c.acct%2 == 0 && want(true) {
		out.VirtualMFADevices = append(out.VirtualMFADevices, types.VirtualMFADevice{SerialNumber: aws.String(fmt.Sprintf("arn:aws:iam::%s:mfa/root-account-mfa-device", Accounts[c.acct].ID)),
			EnableDate: aws.Time(c.v.e.now.AddDate(-3, 0, 0)), User: &types.User{Arn: aws.String(fmt.Sprintf("arn:aws:iam::%s:root", Accounts[c.acct].ID)),
				UserId: aws.String(Accounts[c.acct].ID), CreateDate: aws.Time(c.v.e.now.AddDate(-5, 0, 0))}})
	}
	items, next := c.filtered(global, "iam.user", in.Marker, c.pageSize(iamPage, in.MaxItems), func(i int) bool {
		f := c.user(i)
		return f.mfa && want(true) || !f.mfa && f.console && i%6 == 1 && want(false)
	})
	out.Marker, out.IsTruncated = next, next != nil
	for _, i := range items {
		name := iamName("iam.user", i)
		d := types.VirtualMFADevice{SerialNumber: aws.String(fmt.Sprintf("arn:aws:iam::%s:mfa/%s", Accounts[c.acct].ID, name)),
			Tags: c.iamTags("iam.virtual-mfa-device", i)}
		if c.user(i).mfa {
			d.EnableDate = c.gcreated("iam.user", i)
			d.User = &types.User{UserName: aws.String(name), Arn: aws.String(c.iamARN("iam.user", "/", name)), CreateDate: c.gcreated("iam.user", i),
				UserId: aws.String(uniqueID("AIDA", c.grng("iam.user", i)))}
		}
		out.VirtualMFADevices = append(out.VirtualMFADevices, d)
	}
	return out, nil
}
