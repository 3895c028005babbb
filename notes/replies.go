package notes

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/order"
)

// Topic is what a quick reply (快捷语) is about (rule N5). The zero value
// is not a topic.
type Topic uint8

// Topics.
const (
	TopicUnknown Topic = iota
	TopicPromotion
	TopicProduct
	TopicParcel
	numTopics
)

var topicNames = []string{"", "promotion", "product", "parcel"}

// String returns the snake_case name.
func (t Topic) String() string { return enum.Name(topicNames, int(t), "Topic") }

// IsValid reports whether t is a known topic.
func (t Topic) IsValid() bool { return t > TopicUnknown && t < numTopics }

// MarshalText returns the snake_case name.
func (t Topic) MarshalText() ([]byte, error) {
	if !t.IsValid() {
		return nil, fieldErr("topic", t.String(), ErrUnknownEnum, "")
	}
	return []byte(topicNames[t]), nil
}

// UnmarshalText accepts the snake_case names.
func (t *Topic) UnmarshalText(b []byte) error {
	i, ok := enum.Index(topicNames, string(b))
	if !ok {
		return fieldErr("topic", string(b), ErrUnknownEnum, "")
	}
	*t = Topic(i)
	return nil
}

// Reply is a quick-reply template: the situation it answers (Key, e.g.
// "parcel.not_shipped"), its topic, its text, who wrote it, and its
// approval. Approval is by the team leader or someone above, not the
// author (rule N5); editing the text withdraws it.
type Reply struct {
	Key        string      `json:"key"`
	Topic      Topic       `json:"topic"`
	Text       string      `json:"text"`
	Author     order.Agent `json:"author"`
	ApprovedBy order.Agent `json:"approved_by,omitzero"`
	ApprovedAt time.Time   `json:"approved_at,omitzero"`
}

// Approved reports whether r has been approved.
func (r Reply) Approved() bool { return !r.ApprovedAt.IsZero() }

// QuickReplies is a shop's set of quick replies keyed by situation. It is
// an immutable value: every change returns a new set. Store
// [QuickReplies.Replies] and rebuild with [NewQuickReplies]. The zero
// value is an empty set.
type QuickReplies struct {
	replies []Reply // sorted by key
}

// Bounds of a quick reply, in bytes once normalised.
const (
	maxKeyBytes   = 64
	maxReplyBytes = 1000
)

// NewQuickReplies checks rs and builds the set, authors and approvers
// under the identity rule. A key twice wraps [ErrDuplicate]; an empty key
// or text, an unknown topic or an invalid author is an [*Error] naming
// the reply by its index ("replies[2].text"); an approval by someone who
// could not give it — below the team leader, or the author under any
// spelling of their ID — wraps [ErrNotAllowed].
func NewQuickReplies(rs []Reply) (QuickReplies, error) {
	out := make([]Reply, 0, len(rs))
	for i, r := range rs {
		n, err := checkReply(r)
		if err != nil {
			return QuickReplies{}, atIndex("replies", i, err)
		}
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b Reply) int { return strings.Compare(a.Key, b.Key) })
	for i := 1; i < len(out); i++ {
		if out[i].Key == out[i-1].Key {
			return QuickReplies{}, fieldErr("replies.key", out[i].Key, ErrDuplicate, "one reply per situation")
		}
	}
	return QuickReplies{replies: out}, nil
}

func normalizeReply(r Reply) (Reply, error) {
	key, err := requiredText("reply.key", r.Key, maxKeyBytes)
	if err != nil {
		return Reply{}, err
	}
	if !r.Topic.IsValid() {
		return Reply{}, fieldErr("reply.topic", r.Topic.String(), ErrUnknownEnum, "")
	}
	text, err := requiredText("reply.text", r.Text, maxReplyBytes)
	if err != nil {
		return Reply{}, err
	}
	author, err := normalizeAgent("reply.author", r.Author)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Key: key, Topic: r.Topic, Text: text, Author: author}, nil
}

// mayApprove returns the approver by, normalised, when they may approve r:
// the team leader or above, and not the author (rules N5, A3). Both are
// under the identity rule, so the author approving under a look-alike of
// their own ID ("ｘｉａｏｍｅｉ", "xiaomei ", NFKC variants) is the author,
// and an ID with a zero-width or direction character is refused.
func mayApprove(r Reply, by order.Agent) (order.Agent, error) {
	a, err := normalizeAgent("reply.approved_by", by)
	if err != nil {
		return order.Agent{}, err
	}
	if a.Role < order.TeamLeader {
		return order.Agent{}, fieldErr("reply.approved_by", a.Role.String(), ErrNotAllowed, "quick replies are approved by the team leader")
	}
	if sameID(a.ID, r.Author.ID) {
		return order.Agent{}, fieldErr("reply.approved_by", by.ID, ErrNotAllowed, "nobody approves their own reply")
	}
	return a, nil
}

// Replies returns the replies, sorted by key: the state to store.
func (q QuickReplies) Replies() []Reply { return slices.Clone(q.replies) }

// Len returns the number of replies.
func (q QuickReplies) Len() int { return len(q.replies) }

// find looks key up as keys are stored, normalised; a key longer than
// any stored one can be is not there.
func (q QuickReplies) find(key string) (int, bool) {
	if len(key) > rawBound(maxKeyBytes) {
		return 0, false
	}
	key, _ = textnorm.Line(key)
	return slices.BinarySearchFunc(q.replies, key, func(r Reply, k string) int { return strings.Compare(r.Key, k) })
}

// Put returns the set with r added, or replacing the reply with the same
// key. A reply whose text or topic changes loses its approval; r's own
// approval fields are ignored — approve with [QuickReplies.Approve].
func (q QuickReplies) Put(r Reply) (QuickReplies, error) {
	n, err := normalizeReply(r)
	if err != nil {
		return q, err
	}
	i, found := q.find(n.Key)
	out := slices.Clone(q.replies)
	if found {
		if old := out[i]; old.Text == n.Text && old.Topic == n.Topic {
			n.ApprovedBy, n.ApprovedAt = old.ApprovedBy, old.ApprovedAt
		}
		out[i] = n
	} else {
		out = slices.Insert(out, i, n)
	}
	return QuickReplies{replies: out}, nil
}

// Approve returns the set with the reply under key approved by by at at
// (rules N5, A3), by stored canonical. An unknown key wraps
// [ErrUnknownReply]; an approver below the team leader, or the reply's own
// author under any spelling of their ID ("ｘｉａｏｍｅｉ", "xiaomei "),
// wraps [ErrNotAllowed]; an approver ID with an invisible or direction
// character wraps [ErrInvalidText]; a reply already approved is left as
// it is.
func (q QuickReplies) Approve(key string, by order.Agent, at time.Time) (QuickReplies, error) {
	i, found := q.find(key)
	if !found {
		return q, fieldErr("reply.key", key, ErrUnknownReply, "")
	}
	if at.IsZero() {
		return q, fieldErr("reply.approved_at", "", ErrMissing, "")
	}
	r := q.replies[i]
	a, err := mayApprove(r, by)
	if err != nil {
		return q, err
	}
	if r.Approved() {
		return q, nil
	}
	out := slices.Clone(q.replies)
	out[i].ApprovedBy, out[i].ApprovedAt = a, at
	return QuickReplies{replies: out}, nil
}

// Use returns the reply for key and whether an agent may send it: a reply
// not approved is refused with [NotApproved] (rule N5). An unknown key
// wraps [ErrUnknownReply].
func (q QuickReplies) Use(key string) (Reply, Decision, error) {
	i, found := q.find(key)
	if !found {
		return Reply{}, Decision{}, fieldErr("reply.key", key, ErrUnknownReply, "")
	}
	r := q.replies[i]
	if !r.Approved() {
		return r, decide(ReasonSet(0).With(NotApproved)), nil
	}
	return r, decide(0), nil
}

// Ready reports whether every reply of topic was approved at or before
// start — the promotion's start for [TopicPromotion] (rule N5: checked by
// the team leader before the promotion) — and lists the keys that were
// not, sorted.
func (q QuickReplies) Ready(topic Topic, start time.Time) (Decision, []string) {
	var missing []string
	for _, r := range q.replies {
		if r.Topic == topic && (!r.Approved() || r.ApprovedAt.After(start)) {
			missing = append(missing, r.Key)
		}
	}
	if missing != nil {
		return decide(ReasonSet(0).With(NotApproved)), missing
	}
	return decide(0), nil
}

// plainReply is Reply without its methods, for decoding.
type plainReply Reply

// UnmarshalJSON decodes a stored reply strictly (an unknown field is an
// [*Error] wrapping [order.ErrUnknownField] that names it) and checks it as
// [NewQuickReplies] does — the author and approver under the identity
// rule, an approval only by the team leader or above and never by the
// author (rules N5, A3), approved_by and approved_at both or neither. On
// error r is unchanged.
func (r *Reply) UnmarshalJSON(b []byte) error {
	var w plainReply
	if err := decodeValue("reply", b, &w); err != nil {
		return err
	}
	v, err := checkReply(Reply(w))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// checkReply normalises a reply and its approval, if any.
func checkReply(r Reply) (Reply, error) {
	n, err := normalizeReply(r)
	if err != nil {
		return Reply{}, err
	}
	switch {
	case r.Approved():
		by, err := mayApprove(n, r.ApprovedBy)
		if err != nil {
			return Reply{}, err
		}
		n.ApprovedBy, n.ApprovedAt = by, r.ApprovedAt
	case r.ApprovedBy != order.Agent{}:
		return Reply{}, fieldErr("reply.approved_at", "", ErrMissing, "approved_by without approved_at")
	}
	return n, nil
}

// MarshalJSON encodes the set as the list of [QuickReplies.Replies]: the
// state to store.
func (q QuickReplies) MarshalJSON() ([]byte, error) {
	rs := q.Replies()
	if rs == nil {
		rs = []Reply{}
	}
	return json.Marshal(rs)
}

// UnmarshalJSON decodes a list of replies strictly and builds the set as
// [NewQuickReplies] does; an error names the reply by its index
// ("replies[2].approved_by"). On error q is unchanged.
func (q *QuickReplies) UnmarshalJSON(b []byte) error {
	var w []plainReply
	if err := decodeJSON("replies", b, &w); err != nil {
		return err
	}
	rs := make([]Reply, len(w))
	for i := range w {
		rs[i] = Reply(w[i])
	}
	v, err := NewQuickReplies(rs)
	if err != nil {
		return err
	}
	*q = v
	return nil
}
