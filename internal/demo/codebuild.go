package demo

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	cbtypes "github.com/aws/aws-sdk-go-v2/service/codebuild/types"
)

// CodeBuild: build and deploy projects. Project 0 of a region is the
// legacy open-source build: it builds container images privileged, keeps
// a token in a PLAINTEXT variable, is readable by anyone, writes
// unencrypted artifacts and keeps no logs (the codebuild-* audits find
// it); beyond it about a fifth run privileged, one in eight has a
// secret-like plaintext variable and a few are public. Values are generated only for the names: awsmap never reads them.
func init() {
	kinds = append(kinds, &kind{name: "codebuild.project", weight: 0.25})
	kindByName["codebuild.project"] = kinds[len(kinds)-1]
	register("CodeBuild", map[string]handler{"ListProjects": cbProjects, "BatchGetProjects": cbBatchGetProjects})
}

func (c *call) cbName(i int) string {
	r := c.rng("codebuild.project", i)
	return fmt.Sprintf("%s-%s-%s-%04d", r.pick(apps), []string{"build", "test", "deploy", "image"}[i%4], Accounts[c.acct].Env, i)
}

func cbProjects(c *call) (any, error) {
	in := c.in.(*codebuild.ListProjectsInput)
	items, next := c.list("codebuild.project", in.NextToken, nil, 100)
	out := &codebuild.ListProjectsOutput{NextToken: next}
	for _, i := range items {
		out.Projects = append(out.Projects, c.cbName(i))
	}
	return out, nil
}

func cbBatchGetProjects(c *call) (any, error) {
	out := &codebuild.BatchGetProjectsOutput{}
	for _, name := range c.in.(*codebuild.BatchGetProjectsInput).Names {
		i, ok := trailingIndex(name)
		if !ok || !c.alive("codebuild.project", i) || c.cbName(i) != name {
			out.ProjectsNotFound = append(out.ProjectsNotFound, name)
			continue
		}
		out.Projects = append(out.Projects, c.cbProject(i))
	}
	return out, nil
}

func (c *call) cbProject(i int) cbtypes.Project {
	r, m := c.rng("codebuild.project", i+1<<30), c.mut("codebuild.project", i)
	name := c.cbName(i)
	image := i%4 == 3 || i == 0
	p := cbtypes.Project{Name: aws.String(name), Arn: aws.String(c.arn("codebuild", "project/"+name)), Description: aws.String("CI for " + name),
		Source:      &cbtypes.ProjectSource{Type: []cbtypes.SourceType{cbtypes.SourceTypeGithub, cbtypes.SourceTypeCodecommit, cbtypes.SourceTypeS3}[r.intn(3)]},
		ServiceRole: aws.String(c.roleOf(3, i)), TimeoutInMinutes: aws.Int32(int32([]int{15, 30, 60, 480}[r.intn(4)])),
		Created: c.created("codebuild.project", i), LastModified: c.created("codebuild.project", i),
		Artifacts:         &cbtypes.ProjectArtifacts{Type: cbtypes.ArtifactsTypeNoArtifacts},
		ProjectVisibility: cbtypes.ProjectVisibilityTypePrivate,
		Environment: &cbtypes.ProjectEnvironment{Type: cbtypes.EnvironmentTypeLinuxContainer, ComputeType: []cbtypes.ComputeType{cbtypes.ComputeTypeBuildGeneral1Small,
			cbtypes.ComputeTypeBuildGeneral1Medium, cbtypes.ComputeTypeBuildGeneral1Large}[r.intn(3)],
			Image:          aws.String([]string{"aws/codebuild/standard:7.0", "aws/codebuild/amazonlinux2-x86_64-standard:5.0", "aws/codebuild/standard:5.0"}[r.intn(3)]),
			PrivilegedMode: aws.Bool(image || r.chance(0.2)),
			EnvironmentVariables: []cbtypes.EnvironmentVariable{{Name: aws.String("STAGE"), Value: aws.String(Accounts[c.acct].Env), Type: cbtypes.EnvironmentVariableTypePlaintext},
				{Name: aws.String("DB_PASSWORD"), Value: aws.String("/ci/" + name + "/db-password"), Type: cbtypes.EnvironmentVariableTypeParameterStore}}},
		LogsConfig: &cbtypes.LogsConfig{CloudWatchLogs: &cbtypes.CloudWatchLogsConfig{Status: cbtypes.LogsConfigStatusTypeEnabled},
			S3Logs: &cbtypes.S3LogsConfig{Status: cbtypes.LogsConfigStatusTypeDisabled}},
		Tags: tagList(c.tagMap("codebuild.project", i, ""), func(k, v *string) cbtypes.Tag { return cbtypes.Tag{Key: k, Value: v} })}
	if i == 0 || r.chance(0.12) {
		p.Environment.EnvironmentVariables = append(p.Environment.EnvironmentVariables, cbtypes.EnvironmentVariable{Name: aws.String([]string{"GITHUB_TOKEN", "NPM_TOKEN", "SONAR_API_KEY"}[i%3]),
			Value: aws.String("demo-not-a-secret"), Type: cbtypes.EnvironmentVariableTypePlaintext})
	}
	if g := c.live("logs.log-group", i); g >= 0 && i != 0 && !m.chance(0.15) {
		p.LogsConfig.CloudWatchLogs.GroupName = aws.String(c.logGroupName(g))
	} else {
		p.LogsConfig.CloudWatchLogs.Status = cbtypes.LogsConfigStatusTypeDisabled
	}
	if r.chance(0.4) {
		p.EncryptionKey = aws.String(c.kmsARN())
	} else {
		p.EncryptionKey = aws.String(c.arn("kms", "alias/aws/s3"))
	}
	if i%4 == 1 || i == 0 {
		bucket := c.liveBucket(i)
		p.Artifacts = &cbtypes.ProjectArtifacts{Type: cbtypes.ArtifactsTypeS3, Location: aws.String(bucket), EncryptionDisabled: aws.Bool(i == 0 || r.chance(0.1))}
	}
	if i == 0 || r.chance(0.03) {
		p.ProjectVisibility = cbtypes.ProjectVisibilityTypePublicRead
	}
	if r.chance(0.35) {
		vpc := c.appVPC(i)
		p.VpcConfig = &cbtypes.VpcConfig{VpcId: c.vpcID(vpc), Subnets: c.vpcSubnets(vpc, i, 2), SecurityGroupIds: []string{c.vpcSG(vpc, i)}}
	}
	return p
}
