package demo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	emrtypes "github.com/aws/aws-sdk-go-v2/service/emr/types"
)

// EMR: long-running Spark clusters and finished ones AWS still lists
// (terminated: the collector does not ask for them). About half have no
// security configuration, a third do not archive their logs, and SSH keys
// are common. Regions with clusters have two security configurations:
// the one clusters use (encryption at rest and in transit, IMDSv2) and a
// legacy one that encrypts nothing, used by none.
func init() {
	kinds = append(kinds, &kind{name: "emr.cluster", weight: 0.06, max: 12})
	kindByName["emr.cluster"] = kinds[len(kinds)-1]
	register("EMR", map[string]handler{"ListClusters": emrClusters, "DescribeCluster": emrDescribeCluster,
		"ListSecurityConfigurations": emrSecurityConfigurations, "DescribeSecurityConfiguration": emrSecurityConfiguration})
}

// emrClusterID is j- and 13 characters ending with the index.
func (c *call) emrClusterID(i int) string {
	return fmt.Sprintf("j-%s%05d", strings.ToUpper(letters(c.rng("emr.cluster", i+1<<31), 8)), i)
}

func (c *call) emrName(i int) string {
	return fmt.Sprintf("%s-%s-spark-%04d", c.rng("emr.cluster", i).pick(projects), Accounts[c.acct].Env, i)
}

func (c *call) emrState(i int) emrtypes.ClusterState {
	return []emrtypes.ClusterState{emrtypes.ClusterStateWaiting, emrtypes.ClusterStateRunning, emrtypes.ClusterStateWaiting,
		emrtypes.ClusterStateTerminated, emrtypes.ClusterStateRunning}[c.mut("emr.cluster", i).intn(5)]
}

func (c *call) emrStatus(i int) *emrtypes.ClusterStatus {
	return &emrtypes.ClusterStatus{State: c.emrState(i), Timeline: &emrtypes.ClusterTimeline{CreationDateTime: c.created("emr.cluster", i)}}
}

func emrClusters(c *call) (any, error) {
	in := c.in.(*emr.ListClustersInput)
	items, next := c.filtered(c.region, "emr.cluster", in.Marker, c.pageSize(50, nil), func(i int) bool {
		return len(in.ClusterStates) == 0 || slices.Contains(in.ClusterStates, c.emrState(i))
	})
	out := &emr.ListClustersOutput{Marker: next}
	for _, i := range items {
		out.Clusters = append(out.Clusters, emrtypes.ClusterSummary{Id: aws.String(c.emrClusterID(i)), Name: aws.String(c.emrName(i)),
			ClusterArn: aws.String(c.arn("elasticmapreduce", "cluster/"+c.emrClusterID(i))), Status: c.emrStatus(i),
			NormalizedInstanceHours: aws.Int32(int32(c.rng("emr.cluster", i).intn(200_000)))})
	}
	return out, nil
}

func emrDescribeCluster(c *call) (any, error) {
	id := aws.ToString(c.in.(*emr.DescribeClusterInput).ClusterId)
	i, ok := trailingIndex(id)
	if !ok || !c.alive("emr.cluster", i) || c.emrClusterID(i) != id {
		return nil, notFound("InvalidRequestException", "Cluster id '"+id+"' is not valid.")
	}
	r := c.rng("emr.cluster", i)
	vpc := c.appVPC(i)
	cl := &emrtypes.Cluster{Id: aws.String(id), Name: aws.String(c.emrName(i)), ClusterArn: aws.String(c.arn("elasticmapreduce", "cluster/"+id)), Status: c.emrStatus(i),
		ReleaseLabel: aws.String([]string{"emr-7.1.0", "emr-6.15.0", "emr-6.9.0", "emr-5.36.1"}[r.intn(4)]), TerminationProtected: aws.Bool(r.chance(0.4)),
		AutoTerminate: aws.Bool(false), VisibleToAllUsers: aws.Bool(true), ServiceRole: aws.String(c.roleOf(6, i)),
		NormalizedInstanceHours: aws.Int32(int32(r.intn(200_000))), Tags: tagList(c.tagMap("emr.cluster", i, ""), func(k, v *string) emrtypes.Tag { return emrtypes.Tag{Key: k, Value: v} }),
		Ec2InstanceAttributes: &emrtypes.Ec2InstanceAttributes{Ec2SubnetId: aws.String(c.vpcSubnets(vpc, i, 1)[0]), Ec2AvailabilityZone: aws.String(c.az(i)),
			IamInstanceProfile:            aws.String("EMR_EC2_DefaultRole"),
			EmrManagedMasterSecurityGroup: aws.String(c.vpcSG(vpc, i)), EmrManagedSlaveSecurityGroup: aws.String(c.vpcSG(vpc, i+1))}}
	for _, app := range []string{"Spark", "Hadoop", "Hive", "Livy", "JupyterEnterpriseGateway"}[:2+r.intn(4)] {
		cl.Applications = append(cl.Applications, emrtypes.Application{Name: aws.String(app)})
	}
	if r.chance(0.5) {
		cl.SecurityConfiguration = aws.String(c.emrSecurityConfigurationName(0))
	}
	if !r.chance(0.33) {
		cl.LogUri = aws.String("s3n://" + c.liveBucket(i) + "/emr-logs/")
	}
	if nk := c.n("ec2.key-pair"); nk > 0 && r.chance(0.6) {
		cl.Ec2InstanceAttributes.Ec2KeyName = aws.String(c.keyName(i % nk))
	}
	return &emr.DescribeClusterOutput{Cluster: cl}, nil
}

func (c *call) emrSecurityConfigurationName(k int) string {
	return Accounts[c.acct].Env + []string{"-emr-encryption", "-emr-legacy"}[k]
}

// emrSecurityConfigurations lists the region's two configurations (none
// where there are no clusters).
func emrSecurityConfigurations(c *call) (any, error) {
	out := &emr.ListSecurityConfigurationsOutput{}
	if c.n("emr.cluster") == 0 {
		return out, nil
	}
	for k := range 2 {
		out.SecurityConfigurations = append(out.SecurityConfigurations, emrtypes.SecurityConfigurationSummary{Name: aws.String(c.emrSecurityConfigurationName(k)),
			CreationDateTime: aws.Time(c.v.e.now.AddDate(-3+k, -2*k, 0))})
	}
	return out, nil
}

func emrSecurityConfiguration(c *call) (any, error) {
	name := aws.ToString(c.in.(*emr.DescribeSecurityConfigurationInput).Name)
	k := slices.Index([]string{c.emrSecurityConfigurationName(0), c.emrSecurityConfigurationName(1)}, name)
	if k < 0 || c.n("emr.cluster") == 0 {
		return nil, notFound("InvalidRequestException", "Security configuration with name '"+name+"' does not exist.")
	}
	doc := `{"EncryptionConfiguration":{"EnableInTransitEncryption":false,"EnableAtRestEncryption":false}}`
	if k == 0 {
		doc = fmt.Sprintf(`{"EncryptionConfiguration":{"EnableInTransitEncryption":true,"EnableAtRestEncryption":true,`+
			`"AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-KMS","AwsKmsKey":"%[1]s"},`+
			`"LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"%[1]s"}},`+
			`"InTransitEncryptionConfiguration":{"TLSCertificateConfiguration":{"CertificateProviderType":"PEM","S3Object":"s3://%[2]s/emr/certs.zip"}}},`+
			`"InstanceMetadataServiceConfiguration":{"MinimumInstanceMetadataServiceVersion":2,"HttpPutResponseHopLimit":2}}`, c.kmsARN(), c.liveBucket(0))
	}
	return &emr.DescribeSecurityConfigurationOutput{Name: aws.String(name), SecurityConfiguration: aws.String(doc),
		CreationDateTime: aws.Time(c.v.e.now.AddDate(-3+k, -2*k, 0))}, nil
}
