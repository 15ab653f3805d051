package demo

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// IAM pages hold 100 items by default (MaxItems up to 1000).
const iamPage = 100

func init() {
	register("IAM", map[string]handler{
		"GetAccountAuthorizationDetails": iamAuthDetails,
		"GenerateCredentialReport": func(*call) (any, error) {
			return &iam.GenerateCredentialReportOutput{State: types.ReportStateTypeComplete}, nil
		},
		"GetCredentialReport":      iamCredentialReport,
		"ListAccessKeys":           iamAccessKeys,
		"ListMFADevices":           iamMFADevices,
		"ListRoles":                iamListRoles,
		"GetRole":                  iamGetRole,
		"ListInstanceProfiles":     iamInstanceProfiles,
		"GetAccountPasswordPolicy": iamPasswordPolicy,
		"GetAccountSummary":        iamSummary,
		"ListPolicyTags":           iamPolicyTags,
		"ListAccountAliases": func(c *call) (any, error) {
			return &iam.ListAccountAliasesOutput{AccountAliases: []string{Accounts[c.acct].Alias}}, nil
		},
	})
}

var (
	firstNames = []string{"alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "wendy"}
	lastNames  = []string{"smith", "jones", "garcia", "miller", "davis", "lopez", "wilson", "taylor", "moore", "clark"}
	roleUses   = []string{"lambda", "ecs-task", "ec2", "ci-deploy", "readonly", "admin", "glue", "eks-node", "backup", "audit"}
)

// iamName is the name of item i of an IAM kind; names end with the index.
func iamName(kind string, i int) string {
	r := &rng{s: mix(hashString(kind) + uint64(i)*0x9e3779b97f4a7c15)}
	switch kind {
	case "iam.user":
		if i%9 == 4 {
			return fmt.Sprintf("svc-%s-%04d", r.pick(apps), i)
		}
		return fmt.Sprintf("%s.%s%04d", r.pick(firstNames), r.pick(lastNames), i)
	case "iam.role":
		return fmt.Sprintf("%s-%s-role-%04d", r.pick(apps), roleUses[i%len(roleUses)], i)
	case "iam.group":
		return fmt.Sprintf("%s-%04d", []string{"Admins", "Developers", "ReadOnly", "Billing", "Ops", "Security"}[i%6], i)
	case "iam.policy":
		return fmt.Sprintf("%s-%s-policy-%04d", r.pick(apps), []string{"s3-access", "dynamodb-rw", "sqs-consume", "full-admin", "logs-write", "kms-decrypt"}[i%6], i)
	case "iam.instance-profile":
		return fmt.Sprintf("%s-ec2-profile-%04d", r.pick(apps), i)
	}
	return fmt.Sprintf("%s-%04d", kind, i)
}

func (c *call) g(kind string) int { return c.v.e.base[countKey{c.acct, global, kind}] }

func (c *call) grng(kind string, i int) *rng { return c.v.rng(c.acct, global, kind, i, 0) }

func (c *call) gcreated(kind string, i int) *time.Time {
	t := c.v.created(c.acct, global, kind, i)
	return &t
}

func (c *call) iamARN(kind, path, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:%s%s%s", Accounts[c.acct].ID, strings.TrimPrefix(kind, "iam."), path, name)
}

func (c *call) iamTags(kind string, i int) []types.Tag {
	var out []types.Tag
	for _, t := range c.v.tagsOf(c.acct, global, kind, i, "") {
		out = append(out, types.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out
}

func uniqueID(prefix string, r *rng) string {
	const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := []byte(prefix)
	for range 17 {
		b = append(b, a[r.intn(len(a))])
	}
	return string(b)
}

func policyDoc(actions, resource string) *string {
	return aws.String(url.QueryEscape(fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":%s,"Resource":"%s"}]}`, actions, resource)))
}

// users: every 7th is an administrator (AdministratorAccess); the
// credential report decides password and MFA (admins without MFA planted).
type userFacts struct {
	admin, console, mfa bool
	keys                int
	group               int
}

func (c *call) user(i int) userFacts {
	r := c.grng("iam.user", i)
	// User 0 of every account is the planted console admin without MFA.
	f := userFacts{admin: i%7 == 0, console: i == 0 || i%9 != 4 && r.chance(0.8)}
	f.mfa = f.console && i != 0 && r.chance(0.65)
	f.keys = r.intn(3)
	f.group = i % max(c.g("iam.group"), 1)
	return f
}

func (c *call) policyARN(p int) string { return c.iamARN("iam.policy", "/", iamName("iam.policy", p)) }

func iamAuthDetails(c *call) (any, error) {
	in := c.in.(*iam.GetAccountAuthorizationDetailsInput)
	filter := in.Filter
	if len(filter) == 0 {
		filter = []types.EntityType{types.EntityTypeUser, types.EntityTypeRole, types.EntityTypeGroup, types.EntityTypeLocalManagedPolicy}
	}
	// The marker is "<filter index>:<offset>": pages run through the
	// entity types in turn, up to MaxItems items each.
	out := &iam.GetAccountAuthorizationDetailsOutput{}
	fi, offset := 0, ""
	if m := deref(in.Marker); m != "" {
		if k := strings.IndexByte(m, ':'); k > 0 {
			fi, _ = strconv.Atoi(m[:k])
			offset = m[k+1:]
		}
	}
	size := c.pageSize(iamPage, in.MaxItems)
	for ; fi < len(filter) && size > 0; fi, offset = fi+1, "" {
		kind := map[types.EntityType]string{types.EntityTypeUser: "iam.user", types.EntityTypeRole: "iam.role", types.EntityTypeGroup: "iam.group",
			types.EntityTypeLocalManagedPolicy: "iam.policy"}[filter[fi]]
		if kind == "" {
			continue // AWS-managed policies are not part of the estate
		}
		items, next := c.v.page(c.acct, global, kind, offset, size)
		c.authDetails(out, kind, items)
		size -= len(items)
		if next != "" {
			out.Marker, out.IsTruncated = aws.String(strconv.Itoa(fi)+":"+next), true
			return out, nil
		}
	}
	if fi < len(filter) {
		out.Marker, out.IsTruncated = aws.String(strconv.Itoa(fi)+":"), true
	}
	return out, nil
}

func (c *call) authDetails(out *iam.GetAccountAuthorizationDetailsOutput, kind string, items []int) {
	np := c.g("iam.policy")
	for _, i := range items {
		name := iamName(kind, i)
		r := c.grng(kind, i)
		switch kind {
		case "iam.user":
			f := c.user(i)
			u := types.UserDetail{UserName: aws.String(name), UserId: aws.String(uniqueID("AIDA", r)), Path: aws.String("/"), Arn: aws.String(c.iamARN(kind, "/", name)),
				CreateDate: c.gcreated(kind, i), Tags: c.iamTags(kind, i), GroupList: []string{iamName("iam.group", f.group)}}
			if f.admin {
				u.AttachedManagedPolicies = []types.AttachedPolicy{{PolicyName: aws.String("AdministratorAccess"), PolicyArn: aws.String("arn:aws:iam::aws:policy/AdministratorAccess")}}
			} else if np > 0 {
				p := r.intn(np)
				u.AttachedManagedPolicies = []types.AttachedPolicy{{PolicyName: aws.String(iamName("iam.policy", p)), PolicyArn: aws.String(c.policyARN(p))}}
			}
			if r.chance(0.1) {
				u.UserPolicyList = []types.PolicyDetail{{PolicyName: aws.String("inline-" + name), PolicyDocument: policyDoc(`"s3:GetObject"`, "*")}}
			}
			out.UserDetailList = append(out.UserDetailList, u)
		case "iam.role":
			svc := map[string]string{"lambda": "lambda.amazonaws.com", "ecs-task": "ecs-tasks.amazonaws.com", "ec2": "ec2.amazonaws.com", "glue": "glue.amazonaws.com",
				"eks-node": "ec2.amazonaws.com", "backup": "backup.amazonaws.com"}[roleUses[i%len(roleUses)]]
			principal := fmt.Sprintf(`{"Service":"%s"}`, svc)
			if svc == "" {
				// Cross-account roles: trusted by the other estate accounts, one in 40 by an outside account.
				other := Accounts[(c.acct+1)%len(Accounts)].ID
				if i%40 == 5 {
					other = "999988887777"
				}
				principal = fmt.Sprintf(`{"AWS":"arn:aws:iam::%s:root"}`, other)
			}
			trust := url.QueryEscape(fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":%s,"Action":"sts:AssumeRole"}]}`, principal))
			rd := types.RoleDetail{RoleName: aws.String(name), RoleId: aws.String(uniqueID("AROA", r)), Path: aws.String("/"), Arn: aws.String(c.iamARN(kind, "/", name)),
				CreateDate: c.gcreated(kind, i), Tags: c.iamTags(kind, i), AssumeRolePolicyDocument: aws.String(trust),
				InstanceProfileList: []types.InstanceProfile{}}
			if roleUses[i%len(roleUses)] == "admin" {
				rd.AttachedManagedPolicies = []types.AttachedPolicy{{PolicyName: aws.String("AdministratorAccess"), PolicyArn: aws.String("arn:aws:iam::aws:policy/AdministratorAccess")}}
			} else if np > 0 {
				p := r.intn(np)
				rd.AttachedManagedPolicies = []types.AttachedPolicy{{PolicyName: aws.String(iamName("iam.policy", p)), PolicyArn: aws.String(c.policyARN(p))}}
			}
			if !r.chance(0.2) {
				used := c.v.e.now.Add(-time.Duration(r.intn(500)) * 24 * time.Hour)
				rd.RoleLastUsed = &types.RoleLastUsed{LastUsedDate: &used, Region: aws.String(Regions[r.intn(len(Regions))])}
			}
			out.RoleDetailList = append(out.RoleDetailList, rd)
		case "iam.group":
			gd := types.GroupDetail{GroupName: aws.String(name), GroupId: aws.String(uniqueID("AGPA", r)), Path: aws.String("/"), Arn: aws.String(c.iamARN(kind, "/", name)), CreateDate: c.gcreated(kind, i)}
			if i%6 == 0 {
				gd.AttachedManagedPolicies = []types.AttachedPolicy{{PolicyName: aws.String("AdministratorAccess"), PolicyArn: aws.String("arn:aws:iam::aws:policy/AdministratorAccess")}}
			} else {
				gd.AttachedManagedPolicies = []types.AttachedPolicy{{PolicyName: aws.String("ReadOnlyAccess"), PolicyArn: aws.String("arn:aws:iam::aws:policy/ReadOnlyAccess")}}
			}
			out.GroupDetailList = append(out.GroupDetailList, gd)
		case "iam.policy":
			actions, resource := `["s3:GetObject","s3:PutObject"]`, "arn:aws:s3:::acme-*/*"
			if i%6 == 3 {
				actions, resource = `"*"`, "*"
			}
			ver := 1 + c.v.version(c.acct, global, kind, i)
			out.Policies = append(out.Policies, types.ManagedPolicyDetail{PolicyName: aws.String(name), PolicyId: aws.String(uniqueID("ANPA", r)), Path: aws.String("/"),
				Arn: aws.String(c.policyARN(i)), DefaultVersionId: aws.String(fmt.Sprintf("v%d", ver)), AttachmentCount: aws.Int32(int32(r.intn(6))),
				IsAttachable: true, CreateDate: c.gcreated(kind, i), UpdateDate: c.gcreated(kind, i), Description: aws.String("managed by terraform"),
				PolicyVersionList: []types.PolicyVersion{{VersionId: aws.String(fmt.Sprintf("v%d", ver)), IsDefaultVersion: true, Document: policyDoc(actions, resource), CreateDate: c.gcreated(kind, i)}}})
		}
	}
}

func (c *call) keyCreated(user, k int) time.Time {
	r := c.v.rng(c.acct, global, "iam.access-key", user*4+k, 0)
	// A third of the keys are over a year old.
	return c.v.e.now.Add(-time.Duration(r.intn(3*365))*24*time.Hour - time.Duration(r.intn(86400))*time.Second)
}

func (c *call) keyID(user, k int) string {
	r := c.v.rng(c.acct, global, "iam.access-key", user*4+k, 1)
	return uniqueID("AKIA", r)[:20]
}

func iamCredentialReport(c *call) (any, error) {
	var b bytes.Buffer
	b.WriteString("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n")
	fmt.Fprintf(&b, "<root_account>,arn:aws:iam::%s:root,2019-01-01T00:00:00+00:00,not_supported,%s,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n",
		Accounts[c.acct].ID, c.v.e.now.Add(-40*24*time.Hour).Format(time.RFC3339))
	c.v.each(c.acct, global, "iam.user", 0, func(i int) bool {
		f := c.user(i)
		name := iamName("iam.user", i)
		r := c.grng("iam.user", i+1<<30)
		na := "N/A"
		pwUsed, pwChanged := na, na
		if f.console {
			pwUsed = c.v.e.now.Add(-time.Duration(r.intn(200)) * 24 * time.Hour).Format(time.RFC3339)
			pwChanged = c.gcreated("iam.user", i).Format(time.RFC3339)
		}
		fmt.Fprintf(&b, "%s,%s,%s,%t,%s,%s,N/A,%t", name, c.iamARN("iam.user", "/", name), c.gcreated("iam.user", i).Format(time.RFC3339), f.console, pwUsed, pwChanged, f.mfa)
		for k := range 2 {
			if k < f.keys {
				created := c.keyCreated(i, k)
				used := "N/A"
				if r.chance(0.8) {
					used = c.v.e.now.Add(-time.Duration(r.intn(90)) * 24 * time.Hour).Format(time.RFC3339)
				}
				fmt.Fprintf(&b, ",true,%s,%s,us-east-1,s3", created.Format(time.RFC3339), used)
			} else {
				b.WriteString(",false,N/A,N/A,N/A,N/A")
			}
		}
		b.WriteString(",false,N/A,false,N/A\n")
		return true
	})
	return &iam.GetCredentialReportOutput{Content: b.Bytes(), ReportFormat: types.ReportFormatTypeTextCsv, GeneratedTime: aws.Time(c.v.e.now)}, nil
}

func (c *call) userIndex(name *string) (int, error) {
	i, ok := trailingIndex(aws.ToString(name))
	if !ok || !c.v.exists(c.acct, global, "iam.user", i) || iamName("iam.user", i) != aws.ToString(name) {
		return 0, notFound("NoSuchEntity", "The user with name "+aws.ToString(name)+" cannot be found.")
	}
	return i, nil
}

func iamAccessKeys(c *call) (any, error) {
	in := c.in.(*iam.ListAccessKeysInput)
	i, err := c.userIndex(in.UserName)
	if err != nil {
		return nil, err
	}
	f := c.user(i)
	out := &iam.ListAccessKeysOutput{}
	for k := range f.keys {
		created := c.keyCreated(i, k)
		st := types.StatusTypeActive
		if c.grng("iam.user", i+k+7).chance(0.15) {
			st = types.StatusTypeInactive
		}
		out.AccessKeyMetadata = append(out.AccessKeyMetadata, types.AccessKeyMetadata{UserName: in.UserName, AccessKeyId: aws.String(c.keyID(i, k)), Status: st, CreateDate: &created})
	}
	return out, nil
}

func iamMFADevices(c *call) (any, error) {
	in := c.in.(*iam.ListMFADevicesInput)
	i, err := c.userIndex(in.UserName)
	if err != nil {
		return nil, err
	}
	out := &iam.ListMFADevicesOutput{}
	if c.user(i).mfa {
		out.MFADevices = []types.MFADevice{{UserName: in.UserName, SerialNumber: aws.String(fmt.Sprintf("arn:aws:iam::%s:mfa/%s", Accounts[c.acct].ID, *in.UserName)), EnableDate: c.gcreated("iam.user", i)}}
	}
	return out, nil
}

func (c *call) role(i int) types.Role {
	name := iamName("iam.role", i)
	r := c.grng("iam.role", i)
	return types.Role{RoleName: aws.String(name), RoleId: aws.String(uniqueID("AROA", r)), Path: aws.String("/"), Arn: aws.String(c.iamARN("iam.role", "/", name)),
		CreateDate: c.gcreated("iam.role", i), Description: aws.String(roleUses[i%len(roleUses)] + " role for " + name), MaxSessionDuration: aws.Int32(3600)}
}

func iamListRoles(c *call) (any, error) {
	in := c.in.(*iam.ListRolesInput)
	items, next := c.v.page(c.acct, global, "iam.role", deref(in.Marker), c.pageSize(iamPage, in.MaxItems))
	out := &iam.ListRolesOutput{Marker: tok(next), IsTruncated: next != ""}
	for _, i := range items {
		out.Roles = append(out.Roles, c.role(i))
	}
	return out, nil
}

func iamGetRole(c *call) (any, error) {
	in := c.in.(*iam.GetRoleInput)
	i, ok := trailingIndex(aws.ToString(in.RoleName))
	if !ok || !c.v.exists(c.acct, global, "iam.role", i) {
		return nil, notFound("NoSuchEntity", "The role with name "+aws.ToString(in.RoleName)+" cannot be found.")
	}
	role := c.role(i)
	return &iam.GetRoleOutput{Role: &role}, nil
}

func iamInstanceProfiles(c *call) (any, error) {
	in := c.in.(*iam.ListInstanceProfilesInput)
	items, next := c.v.page(c.acct, global, "iam.instance-profile", deref(in.Marker), c.pageSize(iamPage, in.MaxItems))
	out := &iam.ListInstanceProfilesOutput{Marker: tok(next), IsTruncated: next != ""}
	nr := c.g("iam.role")
	for _, i := range items {
		name := iamName("iam.instance-profile", i)
		r := c.grng("iam.instance-profile", i)
		role := (i*len(roleUses) + 2) % max(nr, 1) // an "ec2" role
		out.InstanceProfiles = append(out.InstanceProfiles, types.InstanceProfile{InstanceProfileName: aws.String(name), InstanceProfileId: aws.String(uniqueID("AIPA", r)),
			Path: aws.String("/"), Arn: aws.String(c.iamARN("iam.instance-profile", "/", name)), CreateDate: c.gcreated("iam.instance-profile", i),
			Roles: []types.Role{c.role(role)}, Tags: c.iamTags("iam.instance-profile", i)})
	}
	return out, nil
}

func iamPasswordPolicy(c *call) (any, error) {
	if c.acct == 1 {
		return nil, notFound("NoSuchEntity", "The Password Policy with domain name "+Accounts[c.acct].ID+" cannot be found.")
	}
	return &iam.GetAccountPasswordPolicyOutput{PasswordPolicy: &types.PasswordPolicy{MinimumPasswordLength: aws.Int32(int32(8 + 6*c.acct)),
		RequireSymbols: c.acct == 0, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
		AllowUsersToChangePassword: true, ExpirePasswords: c.acct == 0, MaxPasswordAge: aws.Int32(90), PasswordReusePrevention: aws.Int32(5)}}, nil
}

func iamSummary(c *call) (any, error) {
	users := c.v.Count(c.acct, global, "iam.user")
	mfa := 0
	c.v.each(c.acct, global, "iam.user", 0, func(i int) bool {
		if c.user(i).mfa {
			mfa++
		}
		return true
	})
	return &iam.GetAccountSummaryOutput{SummaryMap: map[string]int32{
		"Users": int32(users), "Roles": int32(c.v.Count(c.acct, global, "iam.role")), "Groups": int32(c.v.Count(c.acct, global, "iam.group")),
		"Policies": int32(c.v.Count(c.acct, global, "iam.policy")), "InstanceProfiles": int32(c.v.Count(c.acct, global, "iam.instance-profile")),
		"MFADevices": int32(mfa), "MFADevicesInUse": int32(mfa), "AccountMFAEnabled": int32(1 - c.acct%2), "AccountAccessKeysPresent": 0,
		"UsersQuota": 5000, "RolesQuota": 1000, "GroupsQuota": 300, "PoliciesQuota": 1500,
	}}, nil
}

func iamPolicyTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*iam.ListPolicyTagsInput).PolicyArn)
	i, ok := trailingIndex(arn)
	if !ok || !c.v.exists(c.acct, global, "iam.policy", i) {
		return nil, notFound("NoSuchEntity", "policy "+arn+" not found")
	}
	out := &iam.ListPolicyTagsOutput{}
	for _, t := range c.v.tagsOf(c.acct, global, "iam.policy", i, "") {
		out.Tags = append(out.Tags, types.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out, nil
}
