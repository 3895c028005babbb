package notes_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

var (
	leader  = order.Agent{ID: "kf-lead", Name: "组长", Role: order.TeamLeader}
	manager = order.Agent{ID: "kf-boss", Name: "店长", Role: order.StoreManager}
)

func replySet(t *testing.T) notes.QuickReplies {
	q, err := notes.NewQuickReplies([]notes.Reply{
		{Key: "promo.double11", Topic: notes.TopicPromotion, Text: "双11期间72小时内发货,不承诺具体日期", Author: agentB},
		{Key: "parcel.not_shipped", Topic: notes.TopicParcel, Text: "亲,您的宝贝还在仓库打包,出库后会第一时间通知您", Author: agentB},
		{Key: "promo.gift", Topic: notes.TopicPromotion, Text: "活动期间下单送小样一份", Author: agentB},
	})
	require.NoError(t, err)
	return q
}

// TestQuickRepliesN5ApprovedBeforePromotion pins rule N5: quick replies
// are prepared in advance and checked by the team leader before the
// promotion; an unapproved reply is not sent.
func TestQuickRepliesN5ApprovedBeforePromotion(t *testing.T) {
	q := replySet(t)
	start := time.Date(2026, 11, 11, 0, 0, 0, 0, cst)

	d, missing := q.Ready(notes.TopicPromotion, start)
	assert.Equal(t, order.Refused, d.Verdict)
	assert.True(t, d.Reasons.Has(notes.NotApproved))
	assert.Equal(t, []string{"promo.double11", "promo.gift"}, missing)

	_, d, err := q.Use("promo.gift")
	require.NoError(t, err)
	assert.False(t, d.Verdict == order.Allowed, "not approved: not sent")

	q2, err := q.Approve("promo.double11", leader, start.Add(-48*time.Hour))
	require.NoError(t, err)
	q2, err = q2.Approve("promo.gift", manager, start.Add(time.Hour)) // too late
	require.NoError(t, err)
	_, missing = q2.Ready(notes.TopicPromotion, start)
	assert.Equal(t, []string{"promo.gift"}, missing, "approved after the promotion started is not in advance")

	q3, err := q.Approve("promo.gift", manager, start.Add(-time.Hour))
	require.NoError(t, err)
	q3, err = q3.Approve("promo.double11", leader, start.Add(-time.Hour))
	require.NoError(t, err)
	d, missing = q3.Ready(notes.TopicPromotion, start)
	assert.True(t, d.Verdict == order.Allowed)
	assert.Empty(t, missing)
	r, d, err := q3.Use("promo.gift")
	require.NoError(t, err)
	assert.True(t, d.Verdict == order.Allowed)
	assert.Equal(t, manager, r.ApprovedBy)

	// Editing the text withdraws the approval.
	edited := r
	edited.Text = "活动期间下单送小样两份"
	q4, err := q3.Put(edited)
	require.NoError(t, err)
	_, d, err = q4.Use("promo.gift")
	require.NoError(t, err)
	assert.False(t, d.Verdict == order.Allowed)
	// Putting the same text keeps it.
	q5, err := q3.Put(r)
	require.NoError(t, err)
	_, d, _ = q5.Use("promo.gift")
	assert.True(t, d.Verdict == order.Allowed)
}

// TestQuickRepliesN5WhoMayApprove pins rule N5 with rule A3: the team leader
// or above approves, and nobody approves their own reply.
func TestQuickRepliesN5WhoMayApprove(t *testing.T) {
	q := replySet(t)
	at := t0
	_, err := q.Approve("promo.gift", agentB, at)
	require.ErrorIs(t, err, notes.ErrNotAllowed, "pre-sales may not approve")
	selfLeader := leader
	q2, err := q.Put(notes.Reply{Key: "parcel.lost", Topic: notes.TopicParcel, Text: "补发并道歉", Author: selfLeader})
	require.NoError(t, err)
	_, err = q2.Approve("parcel.lost", selfLeader, at)
	require.ErrorIs(t, err, notes.ErrNotAllowed, "nobody approves their own reply")
	_, err = q.Approve("nope", leader, at)
	require.ErrorIs(t, err, notes.ErrUnknownReply)
	_, err = q.Approve("promo.gift", leader, time.Time{})
	require.ErrorIs(t, err, notes.ErrMissing)
	_, _, err = q.Use("nope")
	require.ErrorIs(t, err, notes.ErrUnknownReply)
}

func TestQuickRepliesRejectsMalformed(t *testing.T) {
	_, err := notes.NewQuickReplies([]notes.Reply{
		{Key: "a", Topic: notes.TopicParcel, Text: "x", Author: agentB},
		{Key: " a ", Topic: notes.TopicParcel, Text: "y", Author: agentB},
	})
	require.ErrorIs(t, err, notes.ErrDuplicate)
	_, err = notes.NewQuickReplies([]notes.Reply{{Key: "a", Text: "x", Author: agentB}})
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
	_, err = notes.NewQuickReplies([]notes.Reply{{Key: "a", Topic: notes.TopicParcel, Author: agentB}})
	require.ErrorIs(t, err, notes.ErrMissing)
	_, err = notes.NewQuickReplies([]notes.Reply{{Key: "a", Topic: notes.TopicParcel, Text: "x", Author: agentB,
		ApprovedBy: agentB, ApprovedAt: t0}})
	require.ErrorIs(t, err, notes.ErrNotAllowed)
	q, err := notes.NewQuickReplies([]notes.Reply{{Key: "a", Topic: notes.TopicParcel, Text: "x", Author: agentB,
		ApprovedBy: leader, ApprovedAt: t0}})
	require.NoError(t, err)
	assert.Equal(t, 1, q.Len())
	assert.True(t, q.Replies()[0].Approved())
}

// TestQuickRepliesN5OnlyTeamLeaderOrAbove pins rule N5: every role below
// the team leader is refused even when it is not the author, and the
// refusal names the role, not the author.
func TestQuickRepliesN5OnlyTeamLeaderOrAbove(t *testing.T) {
	q := replySet(t) // written by agentB
	for _, role := range []order.Role{order.PreSales, order.InSales, order.AfterSales, order.ReviewHandling} {
		other := order.Agent{ID: "kf-other", Name: "同事", Role: role}
		got, err := q.Approve("promo.gift", other, t0)
		require.ErrorIs(t, err, notes.ErrNotAllowed, role.String())
		var e *notes.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, role.String(), e.Value, "refused for the role")
		_, d, _ := got.Use("promo.gift")
		assert.False(t, d.Verdict == order.Allowed, "nothing approved on error")
	}
	for _, by := range []order.Agent{leader, manager} {
		got, err := q.Approve("promo.gift", by, t0)
		require.NoError(t, err, by.Role.String())
		_, d, _ := got.Use("promo.gift")
		assert.True(t, d.Verdict == order.Allowed)
	}
}
