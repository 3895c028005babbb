package notes

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Target is whom a hand-off goes to: a department (finance, warehouse,
// courier, operations; rule A2) or a senior colleague (the team leader /
// supervisor or the store manager; rule A1). Exactly one of the two is
// set. The zero Target is not valid.
type Target struct {
	Department order.Department `json:"department,omitzero"`
	Role       order.Role       `json:"role,omitzero"`
}

// ToDepartment returns the target for a department.
func ToDepartment(d order.Department) Target { return Target{Department: d} }

// ToRole returns the target for a senior role: [order.TeamLeader] (the
// supervisor) or [order.StoreManager].
func ToRole(r order.Role) Target { return Target{Role: r} }

// IsValid reports whether t names exactly one known department, or the
// team leader, or the store manager.
func (t Target) IsValid() bool {
	if t.Department != order.DepartmentUnknown {
		return t.Role == order.RoleUnknown && t.Department.IsValid()
	}
	return t.Role == order.TeamLeader || t.Role == order.StoreManager
}

// String returns the department's or the role's name, e.g. "finance" or
// "store_manager".
func (t Target) String() string {
	if t.Department != order.DepartmentUnknown {
		return t.Department.String()
	}
	return t.Role.String()
}

// Urgency says how soon a hand-off must reach its colleague. The zero
// value is not an urgency.
type Urgency uint8

// Urgencies.
const (
	UrgencyUnknown Urgency = iota
	Routine                // acknowledged within the policy's normal window
	Urgently               // acknowledged within the urgent window; by phone if the colleague is away
	numUrgencies
)

var urgencyNames = []string{"", "routine", "urgent"}

// String returns "routine" or "urgent".
func (u Urgency) String() string { return enum.Name(urgencyNames, int(u), "Urgency") }

// IsValid reports whether u is a known urgency.
func (u Urgency) IsValid() bool { return u > UrgencyUnknown && u < numUrgencies }

// MarshalText returns the snake_case name.
func (u Urgency) MarshalText() ([]byte, error) {
	if !u.IsValid() {
		return nil, fieldErr("urgency", u.String(), ErrUnknownEnum, "")
	}
	return []byte(urgencyNames[u]), nil
}

// UnmarshalText accepts "routine" and "urgent".
func (u *Urgency) UnmarshalText(b []byte) error {
	i, ok := enum.Index(urgencyNames, string(b))
	if !ok {
		return fieldErr("urgency", string(b), ErrUnknownEnum, "want routine or urgent")
	}
	*u = Urgency(i)
	return nil
}

// Channel is a way of reaching a colleague or a buyer: [order.Channel],
// the one vocabulary of channels (a slow review's contacts use it too).
type Channel = order.Channel

// Channels.
const (
	ChannelUnknown = order.ChannelUnknown
	Chat           = order.Chat     // the platform's chat (旺旺) or the team's messenger
	Phone          = order.Phone    // a call that reached the person
	SMS            = order.SMS      // a text message
	InPerson       = order.InPerson // said face to face
)

// Channels is a set of [Channel]s: an [order.Set], kefu's one set type.
// Its JSON form is a list of names (["chat","phone"]). The zero value is
// empty.
type Channels = order.ChannelSet

// ChannelsOf returns the set holding cs.
func ChannelsOf(cs ...Channel) Channels { return order.SetOf(cs...) }

// allChannels is every valid channel.
var allChannels = ChannelsOf(Chat, Phone, SMS, InPerson)

// Choice is one way to act on an uncertain factor: if the factor turns out
// as If, do Then.
type Choice struct {
	If   string `json:"if"`
	Then string `json:"then"`
}

// Option gives a colleague a choice for each way an uncertain factor can
// turn out, so they can act without coming back (rule N6), e.g. factor
// "did the first order leave the warehouse?" with "yes: send the outbound
// record and waybill weight" and "no: hold it and tell me".
type Option struct {
	Factor  string   `json:"factor"`
	Choices []Choice `json:"choices"`
}

// HandOff is work passed to a colleague outside customer service: what to
// do, for which order, how urgently, by which channels it was sent, and
// whether it has been acknowledged (rule N2). It is a plain value: the
// backend stores it; [HandOff.Acknowledge] returns a new one.
//
// The zero HandOff is not valid; build one with [Policy.SendHandOff].
type HandOff struct {
	ID      string      `json:"id"`
	OrderID string      `json:"order_id,omitempty"`
	From    order.Agent `json:"from"`
	To      Target      `json:"to"`
	Urgency Urgency     `json:"urgency"`
	Subject string      `json:"subject"`           // what to do
	Options []Option    `json:"options,omitempty"` // rule N6
	Via     Channels    `json:"via"`               // how it was sent
	Away    bool        `json:"away,omitempty"`    // the colleague was away from the desk
	SentAt  time.Time   `json:"sent_at"`
	Due     time.Time   `json:"due"` // to be acknowledged by then
	AckedAt time.Time   `json:"acked_at,omitzero"`
	AckedBy string      `json:"acked_by,omitempty"` // the colleague's staff ID, canonical
}

// SendHandOff checks a hand-off as an agent is about to send it and
// returns it normalised, with Due set from the policy's acknowledgement
// window when h.Due is zero, and the decision (rule N2):
//
//   - an urgent hand-off to a colleague who is away must go by phone (or
//     in person): chat or SMS alone is refused with [PhoneRequired], and
//     the hand-off does not count as sent.
//
// The sender enters under the identity rule ([order.Agent.Normalize]), so
// [HandOff.Acknowledge] compares canonical IDs. A hand-off a console sends
// is a [HandOffDraft], stamped with the sender and time by the backend.
//
// Malformed input — no ID, subject or channel, an invalid target or
// urgency, a sender that fails [order.Agent.Normalize], an option with
// fewer than two choices (rule N6) or more options or choices than
// [MaxOptions], no send time, a due time not after it, or acknowledgement
// fields already set — is an [*Error]; nothing is returned then.
func (p Policy) SendHandOff(h HandOff) (HandOff, Decision, error) {
	c, err := p.compile()
	if err != nil {
		return HandOff{}, Decision{}, err
	}
	if !h.AckedAt.IsZero() || h.AckedBy != "" {
		return HandOff{}, Decision{}, fieldErr("handoff.acked_at", h.AckedAt.String(), ErrInvalidTime, "a hand-off is acknowledged after it is sent")
	}
	if h.Due.IsZero() && !h.SentAt.IsZero() {
		window := c.normAck
		if h.Urgency == Urgently {
			window = c.urgentAck
		}
		h.Due = h.SentAt.Add(window)
	}
	out, err := normalizeHandOff(h)
	if err != nil {
		return HandOff{}, Decision{}, err
	}
	var rs ReasonSet
	if out.PhoneRequired() {
		rs = rs.With(PhoneRequired)
	}
	return out, decide(rs), nil
}

// PhoneRequired reports whether h breaks rule N2 as sent: an urgent
// matter for a colleague who is away goes by phone (or is said in
// person), never only as a chat message or an SMS. Such a hand-off does
// not count as sent ([Policy.SendHandOff] refuses it with
// [PhoneRequired]); once a colleague acknowledges it, it has reached a
// person after all.
func (h HandOff) PhoneRequired() bool {
	return h.Urgency == Urgently && h.Away && !h.Via.Has(Phone) && !h.Via.Has(InPerson)
}

// NormalizeHandOff checks a stored or received hand-off as its JSON
// decoder does — every field [Policy.SendHandOff] checks, and the
// acknowledgement: both or neither of AckedAt and AckedBy, not before it
// was sent, not by the sender under any spelling of their ID — and returns
// it canonical (IDs under the identity rule, text normalised), for
// packages that take a hand-off as evidence (refund's refund-and-reorder
// plan). It does not apply a policy: Due must be set. The error is the
// [*Error] SendHandOff or [HandOff.Acknowledge] would return.
func NormalizeHandOff(h HandOff) (HandOff, error) { return normalizeHandOff(h) }

// normalizeHandOff checks every field of a hand-off and returns it
// canonical: what [Policy.SendHandOff] checks, and for a stored one the
// acknowledgement (both or neither of acked_at and acked_by, not before it
// was sent, not by the sender).
func normalizeHandOff(h HandOff) (HandOff, error) {
	out, err := handOffBody(HandOffDraft{ID: h.ID, OrderID: h.OrderID, To: h.To, Urgency: h.Urgency,
		Subject: h.Subject, Options: h.Options, Via: h.Via, Away: h.Away})
	if err != nil {
		return HandOff{}, err
	}
	// The identity rule where the sender enters: every later comparison
	// (rule N2: the sender never acknowledges) is of canonical IDs.
	if out.From, err = normalizeAgent("handoff.from", h.From); err != nil {
		return HandOff{}, err
	}
	if h.SentAt.IsZero() {
		return HandOff{}, fieldErr("handoff.sent_at", "", ErrMissing, "")
	}
	out.SentAt = h.SentAt
	switch {
	case h.Due.IsZero():
		return HandOff{}, fieldErr("handoff.due", "", ErrMissing, "")
	case !h.Due.After(h.SentAt):
		return HandOff{}, fieldErr("handoff.due", h.Due.String(), ErrDueInPast, "must be after sent_at")
	}
	out.Due = h.Due
	switch {
	case h.AckedAt.IsZero() && h.AckedBy == "":
	case h.AckedAt.IsZero():
		return HandOff{}, fieldErr("handoff.acked_at", "", ErrMissing, "acked_by without acked_at")
	default:
		sent := out
		acked, err := sent.Acknowledge(h.AckedBy, h.AckedAt)
		if err != nil {
			return HandOff{}, err
		}
		out = acked
	}
	return out, nil
}

// handOffBody checks what a hand-off says, whoever sends it: its ID, the
// order, the target, the urgency, the subject, the options and the
// channels.
func handOffBody(d HandOffDraft) (HandOff, error) {
	var out HandOff
	var err error
	if out.ID, err = canonicalID("handoff.id", d.ID); err != nil {
		return HandOff{}, err
	}
	if d.OrderID != "" {
		if out.OrderID, err = canonicalID("handoff.order_id", d.OrderID); err != nil {
			return HandOff{}, err
		}
	}
	if !d.To.IsValid() {
		return HandOff{}, fieldErr("handoff.to", d.To.String(), ErrUnknownEnum,
			"a department, the team leader or the store manager")
	}
	out.To = d.To
	if !d.Urgency.IsValid() {
		return HandOff{}, fieldErr("handoff.urgency", d.Urgency.String(), ErrUnknownEnum, "")
	}
	out.Urgency = d.Urgency
	if out.Subject, err = requiredText("handoff.subject", d.Subject, maxReasonBytes); err != nil {
		return HandOff{}, err
	}
	if d.Via == 0 {
		return HandOff{}, fieldErr("handoff.via", "", ErrMissing, "how the hand-off was sent")
	}
	if d.Via&^allChannels != 0 {
		return HandOff{}, fieldErr("handoff.via", d.Via.String(), ErrUnknownEnum, "")
	}
	out.Via, out.Away = d.Via, d.Away
	if out.Options, err = normalizeOptions(d.Options); err != nil {
		return HandOff{}, err
	}
	return out, nil
}

// MaxOptions bounds the uncertain factors of one hand-off, and the choices
// of one factor (rule N6): 8 each. A colleague reads every one of them,
// and the bound keeps checking a hostile hand-off cheap.
const MaxOptions = 8

func normalizeOptions(opts []Option) ([]Option, error) {
	if len(opts) == 0 {
		return nil, nil
	}
	if len(opts) > MaxOptions {
		return nil, fieldErr("handoff.options", strconv.Itoa(len(opts)), ErrInvalidDetail,
			"at most "+strconv.Itoa(MaxOptions)+" uncertain factors")
	}
	out := make([]Option, len(opts))
	for i, o := range opts {
		field := "handoff.options[" + strconv.Itoa(i) + "]"
		f, err := requiredText(field+".factor", o.Factor, maxReasonBytes)
		if err != nil {
			return nil, err
		}
		// Rule N6: an option is a choice; one case is not a choice.
		if len(o.Choices) < 2 {
			return nil, fieldErr(field+".choices", strconv.Itoa(len(o.Choices)), ErrMissing,
				"give a choice for each way the factor can turn out: at least two")
		}
		if len(o.Choices) > MaxOptions {
			return nil, fieldErr(field+".choices", strconv.Itoa(len(o.Choices)), ErrInvalidDetail,
				"at most "+strconv.Itoa(MaxOptions)+" choices")
		}
		cs := make([]Choice, len(o.Choices))
		for j, ch := range o.Choices {
			cf := field + ".choices[" + strconv.Itoa(j) + "]"
			if cs[j].If, err = requiredText(cf+".if", ch.If, maxReasonBytes); err != nil {
				return nil, err
			}
			if cs[j].Then, err = requiredText(cf+".then", ch.Then, maxReasonBytes); err != nil {
				return nil, err
			}
			for k := range j {
				if cs[k].If == cs[j].If {
					return nil, fieldErr(cf+".if", ch.If, ErrDuplicate, "each case once")
				}
			}
		}
		out[i] = Option{Factor: f, Choices: cs}
	}
	return out, nil
}

// plainHandOff is HandOff without its methods, for decoding.
type plainHandOff HandOff

// UnmarshalJSON decodes a stored hand-off strictly (an unknown field is an
// [*Error] wrapping [order.ErrUnknownField] that names it) and checks every
// field as [Policy.SendHandOff] does, its acknowledgement included: malformed
// state is an error, never a hand-off that silently counts. On error h is
// unchanged. A hand-off a console sends is a [HandOffDraft].
func (h *HandOff) UnmarshalJSON(b []byte) error {
	var w plainHandOff
	if err := decodeValue("handoff", b, &w); err != nil {
		return agentField("handoff.from", err)
	}
	v, err := normalizeHandOff(HandOff(w))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// HandOffDraft is a hand-off as an agent's console sends it: everything
// but the sender and the time it was sent, which the backend stamps from
// its session and its clock with [HandOffDraft.Stamp] before
// [Policy.SendHandOff]. A console cannot name another sender: "from",
// "sent_at" and the acknowledgement fields are unknown fields of a draft.
// Its JSON form:
//
//	{"id":"h-1","order_id":"T1001","to":{"department":"finance"},"urgency":"urgent",
//	 "subject":"原单T1001退款重拍,请退款12.00","via":["chat","phone"],"away":true,
//	 "options":[{"factor":"T1001是否已出库","choices":[{"if":"未出库","then":"拦截"},{"if":"已出库","then":"联系快递拦截"}]}]}
//
// "due" (RFC 3339) is optional: the policy's acknowledgement window
// applies without it.
type HandOffDraft struct {
	ID      string    `json:"id"`
	OrderID string    `json:"order_id,omitempty"`
	To      Target    `json:"to"`
	Urgency Urgency   `json:"urgency"`
	Subject string    `json:"subject"`
	Options []Option  `json:"options,omitempty"`
	Via     Channels  `json:"via"`
	Away    bool      `json:"away,omitempty"`
	Due     time.Time `json:"due,omitzero"`
}

// Stamp returns the hand-off of the draft sent by from at sentAt, for
// [Policy.SendHandOff], which checks it.
func (d HandOffDraft) Stamp(from order.Agent, sentAt time.Time) HandOff {
	return HandOff{ID: d.ID, OrderID: d.OrderID, From: from, To: d.To, Urgency: d.Urgency, Subject: d.Subject,
		Options: d.Options, Via: d.Via, Away: d.Away, SentAt: sentAt, Due: d.Due}
}

type plainHandOffDraft HandOffDraft

// UnmarshalJSON decodes a draft strictly — an unknown field, "from" and
// "sent_at" included, is an [*Error] wrapping [order.ErrUnknownField] —
// and checks what it says (ID, target, urgency, subject, channels,
// options), returned canonical. On error d is unchanged.
func (d *HandOffDraft) UnmarshalJSON(b []byte) error {
	var w plainHandOffDraft
	if err := decodeValue("handoff", b, &w); err != nil {
		return err
	}
	body, err := handOffBody(HandOffDraft(w))
	if err != nil {
		return err
	}
	*d = HandOffDraft{ID: body.ID, OrderID: body.OrderID, To: body.To, Urgency: body.Urgency, Subject: body.Subject,
		Options: body.Options, Via: body.Via, Away: body.Away, Due: w.Due}
	return nil
}

// Acknowledged reports whether a colleague has acknowledged h; until then
// the hand-off does not count (rule N2).
func (h HandOff) Acknowledged() bool { return !h.AckedAt.IsZero() }

// Acknowledge returns h acknowledged at at by the colleague whose staff
// ID is by (rule N2: a hand-off counts once a person has it). by is under
// kefu's identity rule ([order.CanonicalID]) and is stored canonical in
// AckedBy; the colleague is named by staff ID, not as an [order.Agent],
// because finance, warehouse or operations staff hold no customer-service
// [order.Role].
//
// The sender cannot acknowledge their own hand-off, under any spelling of
// their ID ("李四 ", full width, NFKC variants all are the sender; a
// double space or a zero-width or direction character is refused): an
// [*Error] wrapping [ErrNotAllowed] (class forbidden). Acknowledging twice
// wraps [ErrAlreadyAcknowledged] (conflict); an empty ID, or a hand-off
// never sent (no SentAt), wraps [ErrMissing]; an ID the identity rule
// refuses wraps [ErrInvalidText]; a time before the hand-off was sent wraps
// [ErrInvalidTime]. On error h is returned unchanged.
func (h HandOff) Acknowledge(by string, at time.Time) (HandOff, error) {
	if h.Acknowledged() {
		return h, fieldErr("handoff.acked_at", h.AckedAt.String(), ErrAlreadyAcknowledged, "by "+strconv.Quote(h.AckedBy))
	}
	if h.SentAt.IsZero() {
		return h, fieldErr("handoff.sent_at", "", ErrMissing, "only a hand-off that was sent can be acknowledged")
	}
	id, err := canonicalID("handoff.acked_by", by)
	if err != nil {
		return h, err
	}
	// Rule N2: the hand-off must reach another person; its sender
	// cannot acknowledge it for them. h.From is compared canonically too,
	// so a hand-off built without SendHandOff is no way around it.
	if sameID(id, h.From.ID) || sameID(id, h.From.Name) {
		return h, fieldErr("handoff.acked_by", by, ErrNotAllowed, "the sender cannot acknowledge their own hand-off")
	}
	if at.IsZero() || at.Before(h.SentAt) {
		return h, fieldErr("handoff.acked_at", at.String(), ErrInvalidTime, "not before the hand-off was sent")
	}
	h.AckedAt, h.AckedBy = at, id
	return h, nil
}

// Overdue reports whether h is still unacknowledged after its due time at
// now (rule N2).
func (h HandOff) Overdue(now time.Time) bool {
	return !h.Acknowledged() && now.After(h.Due)
}

// OverdueHandOffs returns the hand-offs of hs that are overdue at now,
// most overdue first (urgent before routine at the same due time), so that
// someone picks up the phone.
func OverdueHandOffs(hs []HandOff, now time.Time) []HandOff {
	var out []HandOff
	for _, h := range hs {
		if h.Overdue(now) {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b HandOff) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return -cmp.Compare(a.Urgency, b.Urgency)
	})
	return out
}
