package order

import "github.com/kefu-go/kefu/internal/enum"

// Role is a customer-service role (rule A1). Roles are ordered by
// authority: [PreSales] < [InSales] < [AfterSales] < [ReviewHandling] <
// [TeamLeader] < [StoreManager], so r1 < r2 means r2 has more authority.
// The zero value, [RoleUnknown], has no authority. The text form is
// snake_case.
//
// Role lives in order, the base package, because pricing (authority),
// notes (authors, hand-offs) and refund (approvals) all speak of it.
type Role uint8

// Roles, by increasing authority.
const (
	RoleUnknown Role = iota
	// PreSales (售前): receives buyers and answers questions before they buy.
	PreSales
	// InSales (售中): chases parcels and handles problem orders.
	InSales
	// AfterSales (售后): returns, refunds, exchanges, complaints.
	AfterSales
	// ReviewHandling (中差评): answers neutral and negative reviews.
	ReviewHandling
	// TeamLeader (组长/主管): the supervisor who approves concessions.
	TeamLeader
	// StoreManager (店长): sets dates and grants what a leader cannot.
	StoreManager
	numRoles
)

var roleNames = []string{"", "pre_sales", "in_sales", "after_sales", "review_handling", "team_leader", "store_manager"}

// Roles returns every role, by increasing authority.
func Roles() []Role {
	out := make([]Role, 0, numRoles-1)
	for r := Role(1); r < numRoles; r++ {
		out = append(out, r)
	}
	return out
}

// ParseRole returns the role with the snake_case name s; an unknown name is
// an error wrapping [ErrUnknownRole].
func ParseRole(s string) (Role, error) {
	if i, ok := enum.Index(roleNames, s); ok {
		return Role(i), nil
	}
	return RoleUnknown, fieldErr("role", s, ErrUnknownRole, "")
}

// String returns the snake_case name, or "Role(N)" out of range.
func (r Role) String() string { return enum.Name(roleNames, int(r), "Role") }

// IsValid reports whether r is a known role.
func (r Role) IsValid() bool { return r > RoleUnknown && r < numRoles }

// Above reports whether r has more authority than other (rule A1). Both
// must be valid.
func (r Role) Above(other Role) bool { return r.IsValid() && other.IsValid() && r > other }

// MarshalText returns the snake_case name; an invalid role is an error.
func (r Role) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("role", r.String(), ErrUnknownRole, "")
	}
	return []byte(roleNames[r]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseRole].
func (r *Role) UnmarshalText(b []byte) error {
	// A known name is found without copying b (the conversion for the
	// comparisons stays on the stack); only an error keeps the text.
	if i, ok := enum.Index(roleNames, string(b)); ok {
		*r = Role(i)
		return nil
	}
	_, err := ParseRole(string(b))
	return err
}

// Agent is a member of the customer-service team: who asks, approves,
// writes a note or makes a promise.
type Agent struct {
	ID   string `json:"id"`   // the backend's staff ID; required
	Name string `json:"name"` // as colleagues know them
	Role Role   `json:"role"`
}

// Validate reports whether a has an ID and a known role: an [*Error]
// wrapping [ErrMissing], [ErrInvalidText] or [ErrUnknownRole] otherwise.
func (a Agent) Validate() error {
	_, err := a.Normalize()
	return err
}

// Normalize returns a with its ID in canonical form ([CanonicalID]) and its
// name normalised, or the error of [Agent.Validate]. Every kefu function
// that takes an Agent normalises it first, so that two spellings of one
// person are one person in every comparison (approvals, hand-offs, quick
// replies, promises).
func (a Agent) Normalize() (Agent, error) {
	id, err := identifier("agent.id", a.ID)
	if err != nil {
		return Agent{}, err
	}
	name, err := text("agent.name", a.Name, maxNickBytes)
	if err != nil {
		return Agent{}, err
	}
	if !a.Role.IsValid() {
		return Agent{}, fieldErr("agent.role", a.Role.String(), ErrUnknownRole, "")
	}
	return Agent{ID: id, Name: name, Role: a.Role}, nil
}

// CanonicalID returns the canonical form of a staff or buyer ID — kefu's
// one identity rule, which every package applies where an ID enters: white
// space trimmed at both ends, full-width letters and digits folded, NFKC,
// so "ｘｉａｏｍｅｉ", "xiaomei " and "xiaomei" are one person. An ID
// holding an invisible, format or direction character (zero-width space,
// soft hyphen, U+202E …) or white space inside is refused rather than
// cleaned; so is one longer than 64 bytes. Case is kept. The error is an
// [*Error] for field "id" wrapping [ErrMissing] or [ErrInvalidText].
//
// Backends that key their own tables by staff or buyer ID should store
// this form.
func CanonicalID(s string) (string, error) { return identifier("id", s) }

// Department is a part of the shop other than customer service, to which
// agents hand work (rule A2). The zero value is not a department.
type Department uint8

// Departments.
const (
	DepartmentUnknown Department = iota
	Finance                      // 财务: refunds and transfers
	Warehouse                    // 仓库: holds, picking, outbound records
	Courier                      // 快递: interception, tracking, claims
	Operations                   // 运营: listings, stock, free-shipping settings
	numDepartments
)

var departmentNames = []string{"", "finance", "warehouse", "courier", "operations"}

// ParseDepartment returns the department with the snake_case name s; an
// unknown name is an error wrapping [ErrUnknownDepartment].
func ParseDepartment(s string) (Department, error) {
	if i, ok := enum.Index(departmentNames, s); ok {
		return Department(i), nil
	}
	return DepartmentUnknown, fieldErr("department", s, ErrUnknownDepartment, "")
}

// String returns the snake_case name, or "Department(N)" out of range.
func (d Department) String() string { return enum.Name(departmentNames, int(d), "Department") }

// IsValid reports whether d is a known department.
func (d Department) IsValid() bool { return d > DepartmentUnknown && d < numDepartments }

// MarshalText returns the snake_case name; an invalid department is an
// error.
func (d Department) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fieldErr("department", d.String(), ErrUnknownDepartment, "")
	}
	return []byte(departmentNames[d]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseDepartment].
func (d *Department) UnmarshalText(b []byte) error {
	v, err := ParseDepartment(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
