package demo

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acmpca"
	pcatypes "github.com/aws/aws-sdk-go-v2/service/acmpca/types"
)

// AWS Private CA: a few authorities, rare and costly; CA 0 of a region is
// the root, the others subordinates, one in four disabled; subordinates'
// certificates expire within two years, some within 90 days
// (private-ca-expiring).
func init() {
	kinds = append(kinds, &kind{name: "acm-pca.certificate-authority", weight: 0.02, max: 3, stable: true})
	kindByName["acm-pca.certificate-authority"] = kinds[len(kinds)-1]
	register("ACM PCA", map[string]handler{"ListCertificateAuthorities": pcaAuthorities, "ListTags": pcaTags})
}

func (c *call) pcaARN(i int) string {
	return c.arn("acm-pca", "certificate-authority/"+c.uuid("acm-pca.certificate-authority", i))
}

func pcaAuthorities(c *call) (any, error) {
	in := c.in.(*acmpca.ListCertificateAuthoritiesInput)
	items, next := c.list("acm-pca.certificate-authority", in.NextToken, in.MaxResults, 1000)
	out := &acmpca.ListCertificateAuthoritiesOutput{NextToken: next}
	for _, i := range items {
		r, m := c.rng("acm-pca.certificate-authority", i), c.mut("acm-pca.certificate-authority", i)
		created := c.created("acm-pca.certificate-authority", i)
		ca := pcatypes.CertificateAuthority{Arn: aws.String(c.pcaARN(i)), OwnerAccount: c.owner(), CreatedAt: created, LastStateChangeAt: created,
			Status: pcatypes.CertificateAuthorityStatusActive, Type: pcatypes.CertificateAuthorityTypeSubordinate, UsageMode: pcatypes.CertificateAuthorityUsageModeGeneralPurpose,
			Serial: aws.String(r.hex(32)), NotBefore: created, NotAfter: aws.Time(c.v.e.now.AddDate(0, 0, 30+r.intn(700))),
			CertificateAuthorityConfiguration: &pcatypes.CertificateAuthorityConfiguration{KeyAlgorithm: pcatypes.KeyAlgorithmRsa2048, SigningAlgorithm: pcatypes.SigningAlgorithmSha256withrsa,
				Subject: &pcatypes.ASN1Subject{CommonName: aws.String("Acme " + Accounts[c.acct].Env + " issuing CA " + c.region), Organization: aws.String("Acme Corp"), Country: aws.String("US")}},
			RevocationConfiguration: &pcatypes.RevocationConfiguration{CrlConfiguration: &pcatypes.CrlConfiguration{Enabled: aws.Bool(r.chance(0.5))}}}
		if i == 0 {
			ca.Type, ca.NotAfter = pcatypes.CertificateAuthorityTypeRoot, aws.Time(created.AddDate(10, 0, 0))
			ca.CertificateAuthorityConfiguration.Subject.CommonName = aws.String("Acme Root CA " + Accounts[c.acct].Env)
			ca.CertificateAuthorityConfiguration.KeyAlgorithm, ca.CertificateAuthorityConfiguration.SigningAlgorithm = pcatypes.KeyAlgorithmEcSecp384r1, pcatypes.SigningAlgorithmSha384withecdsa
		}
		if i > 0 && m.chance(0.25) {
			ca.Status, ca.LastStateChangeAt = pcatypes.CertificateAuthorityStatusDisabled, aws.Time(c.v.e.now.Add(-time.Duration(1+m.intn(90))*24*time.Hour))
		}
		if i > 0 && r.chance(0.3) {
			ca.UsageMode = pcatypes.CertificateAuthorityUsageModeShortLivedCertificate
		}
		out.CertificateAuthorities = append(out.CertificateAuthorities, ca)
	}
	return out, nil
}

func pcaTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*acmpca.ListTagsInput).CertificateAuthorityArn)
	i, ok := c.uuidIndex("acm-pca.certificate-authority", arn)
	if !ok || !c.alive("acm-pca.certificate-authority", i) {
		return nil, notFound("ResourceNotFoundException", "Could not find certificate authority "+arn)
	}
	return &acmpca.ListTagsOutput{Tags: tagList(c.tagMap("acm-pca.certificate-authority", i, ""), func(k, v *string) pcatypes.Tag { return pcatypes.Tag{Key: k, Value: v} })}, nil
}
