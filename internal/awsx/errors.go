package awsx

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awsmap/awsmap/internal/model"
)

// Outcome classifies how a call or a collection ended. The values are stored
// in the ledger and the coverage view.
type Outcome string

// Outcomes, from best to worst for the purpose of coverage.
const (
	OK          Outcome = "ok"
	NotFound    Outcome = "not_found"   // the thing asked about does not exist (normal for optional settings)
	Partial     Outcome = "partial"     // listed, but some detail calls failed
	Unsupported Outcome = "unsupported" // service or operation not available in that region/account
	Skipped     Outcome = "skipped"     // not attempted (cancelled)
	Throttled   Outcome = "throttled"   // still throttled after all retries
	Denied      Outcome = "denied"      // AccessDenied and friends
	Failed      Outcome = "error"       // anything else
)

// Severity orders outcomes so the worst can be kept.
func (o Outcome) Severity() int {
	switch o {
	case OK:
		return 0
	case NotFound:
		return 1
	case Partial:
		return 2
	case Unsupported:
		return 3
	case Skipped:
		return 4
	case Throttled:
		return 5
	case Denied:
		return 6
	}
	return 7
}

// ErrorCode returns the AWS error code of err or, when AWS sent none, a code
// naming what failed instead, so the ledger explains every failure:
// HTTP<status> (an answer that is not an AWS error), DeserializationError,
// NoEndpoint, NetworkError, Canceled, ClientError. nil gives "".
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	var de *smithy.DeserializationError
	var re *smithyhttp.ResponseError
	var ne net.Error
	var na *NotApplicableError
	var ie *InconsistentError
	switch {
	case errors.As(err, &na) && na.Code != "":
		return na.Code
	case errors.As(err, &na):
		return "NotApplicable"
	case errors.As(err, &ie):
		return "Inconsistent"
	case isCBORUnanswered(err):
		return "CBORNotSupported"
	case errors.As(err, &re) && re.HTTPStatusCode() >= 300:
		return fmt.Sprintf("HTTP%d", re.HTTPStatusCode())
	case errors.As(err, &de):
		return "DeserializationError"
	case IsCanceled(err):
		return "Canceled"
	case IsNoEndpoint(err):
		return "NoEndpoint"
	case errors.As(err, &ne):
		return "NetworkError"
	}
	return "ClientError"
}

// APICode is the code AWS itself sent, or "" when the request got no AWS answer.
func APICode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// ErrorMessage returns the AWS error message of err, or err's text, or
// what it means in words when the text would not say.
func ErrorMessage(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) && ae.ErrorMessage() != "" {
		return ae.ErrorMessage()
	}
	if host, ok := noEndpointHost(err); ok {
		return fmt.Sprintf("DNS has no %s: the service is not offered in this region (or DNS blocks the name)", host)
	}
	if isCBORUnanswered(err) {
		service := "this service's"
		var oe *smithy.OperationError
		if errors.As(err, &oe) {
			service = "the " + oe.ServiceID
		}
		return fmt.Sprintf("the endpoint did not answer in the CBOR protocol (Smithy RPC v2) that %s SDK speaks; "+
			"emulators such as moto do not support it (%v)", service, err)
	}
	return err.Error()
}

// IsNoEndpoint reports whether DNS says an AWS endpoint's name does not
// exist: AWS names an endpoint only where the service is offered
// (frauddetector.eu-north-1.amazonaws.com has no address), so nothing can
// exist there and asking again will not help. A name that is not AWS's (an
// --endpoint-url mistyped) is a failure, not this.
func IsNoEndpoint(err error) bool {
	_, ok := noEndpointHost(err)
	return ok
}

func noEndpointHost(err error) (string, bool) {
	var dns *net.DNSError
	if !errors.As(err, &dns) || !dns.IsNotFound {
		return "", false
	}
	host := strings.TrimSuffix(dns.Name, ".")
	for _, domain := range []string{".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".c2s.ic.gov", ".sc2s.sgov.gov"} {
		if strings.HasSuffix(host, domain) {
			return host, true
		}
	}
	return "", false
}

// cborProtocol is the Smithy-Protocol header of requests in the CBOR
// protocol (CloudWatch's SDK uses it).
const cborProtocol = "rpc-v2-cbor"

// isCBORUnanswered reports whether err is a CBOR request that got an answer
// in some other format: an endpoint (an emulator) that does not speak it.
func isCBORUnanswered(err error) bool {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil || re.Response.Request == nil {
		return false
	}
	return re.Response.Request.Header.Get("Smithy-Protocol") == cborProtocol &&
		!strings.HasPrefix(re.Response.Header.Get("Content-Type"), "application/cbor")
}

// NotApplicableError is returned by a collector when its type cannot exist
// for this caller (Organizations accounts outside the management account):
// an unsupported collection. Code, when set, is its error code in the
// ledger (model.CodeNotEnabled), else "NotApplicable".
// Operation, when set, is the call whose answer said so.
type NotApplicableError struct{ Code, Reason, Operation string }

// NotEnabled is the answer of a collector whose service is not turned on
// in the region, as operation's answer said: "GuardDuty is not enabled in
// eu-west-1".
func NotEnabled(operation, service, region string) error {
	return &NotApplicableError{Code: model.CodeNotEnabled, Reason: service + " is not enabled in " + region, Operation: operation}
}

func (e *NotApplicableError) Error() string { return e.Reason }

// Classify maps an SDK error to an outcome.
func Classify(err error) Outcome {
	if err == nil {
		return OK
	}
	var na *NotApplicableError
	if errors.As(err, &na) {
		return Unsupported
	}
	if IsCanceled(err) {
		return Skipped
	}
	code := APICode(err)
	switch {
	case code == "":
		if IsNoEndpoint(err) {
			return Unsupported
		}
		if IsThrottle(err) {
			return Throttled
		}
		return Failed
	case IsThrottle(err):
		return Throttled
	case isDenied(code):
		return Denied
	case IsNotFoundCode(code):
		return NotFound
	case isUnsupported(code):
		return Unsupported
	}
	return Failed
}

func isDenied(code string) bool {
	switch code {
	case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthFailure",
		"UnauthorizedAccess", "UnrecognizedClientException", "InvalidClientTokenId",
		"ExpiredToken", "ExpiredTokenException", "AuthorizationError", "Forbidden", "AllAccessDisabled":
		return true
	}
	return strings.Contains(code, "NotAuthorized") || strings.Contains(code, "AccessDenied")
}

// IsNotFoundCode reports whether an error code means "no such thing", which
// for optional settings (a bucket without a policy) is a normal answer.
func IsNotFoundCode(code string) bool {
	return strings.HasPrefix(code, "NoSuch") || strings.Contains(code, "NotFound") ||
		strings.HasSuffix(code, ".NotFound") || code == "ResourceNotFoundException"
}

// IsNotFound reports whether err is a "no such thing" answer.
func IsNotFound(err error) bool { return err != nil && IsNotFoundCode(APICode(err)) }

func isUnsupported(code string) bool {
	switch code {
	case "OptInRequired", "UnsupportedOperation", "InvalidAction", "SubscriptionRequiredException",
		"UnsupportedOperationException", "UnknownOperationException", "AWSOrganizationsNotInUseException":
		return true
	}
	return false
}

// Operation returns the name of the API operation that failed, or "".
func Operation(err error) string {
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		return oe.OperationName
	}
	var na *NotApplicableError
	if errors.As(err, &na) {
		return na.Operation
	}
	return ""
}

// InconsistentError is an answer another call contradicted: GetResources
// missing tags the service's own tag call reports, an endpoint ignoring a
// listing's filter. Every call succeeded, yet the collection is partial:
// its error code is "Inconsistent" and its message says which calls disagree.
type InconsistentError struct{ Err error }

func (e *InconsistentError) Error() string { return e.Err.Error() }

func (e *InconsistentError) Unwrap() error { return e.Err }
