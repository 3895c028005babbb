package notes_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

var agentB = order.Agent{ID: "kf-b", Name: "客服B", Role: order.PreSales}

func financeHandOff() notes.HandOff {
	return notes.HandOff{
		ID: "h1", OrderID: "T1001", From: agentB, To: notes.ToDepartment(order.Finance),
		Urgency: notes.Urgently, Subject: "原单T1001退款,买家已重拍T1002",
		Via: notes.ChannelsOf(notes.Chat), Away: true, SentAt: t0,
	}
}

// TestHandOffN2UrgentAndAwayNeedsPhone pins rule N2: an urgent matter for
// a colleague who is away goes by phone, never only as a chat message.
func TestHandOffN2UrgentAndAwayNeedsPhone(t *testing.T) {
	p := notes.DefaultPolicy()
	tests := []struct {
		name    string
		urgency notes.Urgency
		away    bool
		via     notes.Channels
		refused bool
	}{
		{"urgent, away, chat only", notes.Urgently, true, notes.ChannelsOf(notes.Chat), true},
		{"urgent, away, chat and SMS", notes.Urgently, true, notes.ChannelsOf(notes.Chat, notes.SMS), true},
		{"urgent, away, chat and phone", notes.Urgently, true, notes.ChannelsOf(notes.Chat, notes.Phone), false},
		{"urgent, away, said in person", notes.Urgently, true, notes.ChannelsOf(notes.InPerson), false},
		{"urgent, at the desk, chat", notes.Urgently, false, notes.ChannelsOf(notes.Chat), false},
		{"routine, away, chat", notes.Routine, true, notes.ChannelsOf(notes.Chat), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := financeHandOff()
			h.Urgency, h.Away, h.Via = tc.urgency, tc.away, tc.via
			got, d, err := p.SendHandOff(h)
			require.NoError(t, err)
			if tc.refused {
				assert.Equal(t, order.Refused, d.Verdict)
				assert.True(t, d.Reasons.Has(notes.PhoneRequired))
				assert.Equal(t, "[phone_required]", d.Reasons.String())
			} else {
				assert.True(t, d.Verdict == order.Allowed)
				assert.Zero(t, d.Reasons)
			}
			assert.False(t, got.Acknowledged(), "a hand-off counts once acknowledged, not when sent")
		})
	}
}

// TestHandOffN2AcknowledgeAndOverdue pins rule N2: a hand-off is open
// until acknowledged; unacknowledged past its window it is overdue;
// acknowledging twice is an error.
func TestHandOffN2AcknowledgeAndOverdue(t *testing.T) {
	p := notes.DefaultPolicy()
	h := financeHandOff()
	h.Via = notes.ChannelsOf(notes.Chat, notes.Phone)
	h, d, err := p.SendHandOff(h)
	require.NoError(t, err)
	require.True(t, d.Verdict == order.Allowed)
	assert.True(t, h.Due.Equal(t0.Add(30*time.Minute)), "urgent: 30 minutes by default")
	assert.False(t, h.Overdue(t0.Add(30*time.Minute)))
	assert.True(t, h.Overdue(t0.Add(31*time.Minute)))

	acked, err := h.Acknowledge("财务C", t0.Add(40*time.Minute))
	require.NoError(t, err)
	assert.True(t, acked.Acknowledged())
	assert.False(t, acked.Overdue(t0.Add(5*time.Hour)), "acknowledged late is no longer overdue")
	assert.False(t, h.Acknowledged(), "Acknowledge returns a new value")

	again, err := acked.Acknowledge("财务C", t0.Add(time.Hour))
	require.ErrorIs(t, err, notes.ErrAlreadyAcknowledged)
	assert.Equal(t, acked.AckedAt, again.AckedAt, "unchanged on error")

	_, err = h.Acknowledge("", t0.Add(time.Minute))
	require.ErrorIs(t, err, notes.ErrMissing)
	_, err = h.Acknowledge("财务C", t0.Add(-time.Minute))
	require.ErrorIs(t, err, notes.ErrInvalidTime)

	r := financeHandOff()
	r.Urgency = notes.Routine
	r, _, err = p.SendHandOff(r)
	require.NoError(t, err)
	assert.True(t, r.Due.Equal(t0.Add(4*time.Hour)), "routine: 4 hours by default")
}

func TestOverdueHandOffsOrder(t *testing.T) {
	p := notes.DefaultPolicy()
	mk := func(id string, u notes.Urgency, sent time.Time) notes.HandOff {
		h := financeHandOff()
		h.ID, h.Urgency, h.SentAt, h.Via = id, u, sent, notes.ChannelsOf(notes.Phone)
		out, _, err := p.SendHandOff(h)
		require.NoError(t, err)
		return out
	}
	a := mk("a", notes.Routine, t0)                                  // due t0+4h
	b := mk("b", notes.Urgently, t0.Add(3*time.Hour+30*time.Minute)) // due t0+4h
	c := mk("c", notes.Urgently, t0)                                 // due t0+30m
	d := mk("d", notes.Urgently, t0.Add(5*time.Hour))                // not yet due
	e, err := mk("e", notes.Urgently, t0).Acknowledge("仓库D", t0.Add(time.Minute))
	require.NoError(t, err)
	got := notes.OverdueHandOffs([]notes.HandOff{a, b, c, d, e}, t0.Add(5*time.Hour))
	ids := []string{}
	for _, h := range got {
		ids = append(ids, h.ID)
	}
	assert.Equal(t, []string{"c", "b", "a"}, ids, "most overdue first; urgent before routine at the same due time")
}

// TestHandOffN6Options pins rule N6: a hand-off may carry, for each
// uncertain factor, a choice for each way it can turn out; a factor with
// a single case is not a choice.
func TestHandOffN6Options(t *testing.T) {
	p := notes.DefaultPolicy()
	h := financeHandOff()
	h.To = notes.ToDepartment(order.Warehouse)
	h.Via = notes.ChannelsOf(notes.Phone)
	h.Options = []notes.Option{{Factor: "原单T1001是否已出库?", Choices: []notes.Choice{
		{If: "已出库", Then: "提供出库记录和快递底单重量"},
		{If: "未出库", Then: "拦截原单,不要发货"},
	}}}
	got, d, err := p.SendHandOff(h)
	require.NoError(t, err)
	assert.True(t, d.Verdict == order.Allowed)
	require.Len(t, got.Options, 1)
	assert.Len(t, got.Options[0].Choices, 2)

	h.Options[0].Choices = h.Options[0].Choices[:1]
	_, _, err = p.SendHandOff(h)
	require.ErrorIs(t, err, notes.ErrMissing)
	h.Options[0].Choices = []notes.Choice{{If: "已出库", Then: "a"}, {If: "已出库", Then: "b"}}
	_, _, err = p.SendHandOff(h)
	require.ErrorIs(t, err, notes.ErrDuplicate)
}

func TestHandOffRejectsMalformed(t *testing.T) {
	p := notes.DefaultPolicy()
	tests := []struct {
		name string
		edit func(*notes.HandOff)
		err  error
	}{
		{"no ID", func(h *notes.HandOff) { h.ID = "" }, notes.ErrMissing},
		{"no subject", func(h *notes.HandOff) { h.Subject = " " }, notes.ErrMissing},
		{"no channel", func(h *notes.HandOff) { h.Via = 0 }, notes.ErrMissing},
		{"unknown channel bit", func(h *notes.HandOff) { h.Via = 1 << 40 }, notes.ErrUnknownEnum},
		{"no target", func(h *notes.HandOff) { h.To = notes.Target{} }, notes.ErrUnknownEnum},
		{"both department and role", func(h *notes.HandOff) { h.To.Role = order.StoreManager }, notes.ErrUnknownEnum},
		{"a pre-sales colleague is not a hand-off target", func(h *notes.HandOff) { h.To = notes.ToRole(order.PreSales) }, notes.ErrUnknownEnum},
		{"no urgency", func(h *notes.HandOff) { h.Urgency = 0 }, notes.ErrUnknownEnum},
		{"no sender", func(h *notes.HandOff) { h.From = order.Agent{} }, notes.ErrMissing},
		{"no send time", func(h *notes.HandOff) { h.SentAt = time.Time{} }, notes.ErrMissing},
		{"due before sent", func(h *notes.HandOff) { h.Due = t0.Add(-time.Minute) }, notes.ErrDueInPast},
		{"already acknowledged when sent", func(h *notes.HandOff) { h.AckedAt = t0 }, notes.ErrInvalidTime},
		// hostile: invalid UTF-8 subject
		{"invalid subject", func(h *notes.HandOff) { h.Subject = "\xc3" }, notes.ErrInvalidText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := financeHandOff()
			tc.edit(&h)
			got, d, err := p.SendHandOff(h)
			require.ErrorIs(t, err, tc.err)
			assert.Zero(t, d)
			assert.Empty(t, got.ID, "nothing half-built")
		})
	}
	bad := notes.DefaultPolicy()
	bad.UrgentAck = 0
	_, _, err := bad.SendHandOff(financeHandOff())
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)
}

func TestHandOffTargetsAndJSON(t *testing.T) {
	for _, tg := range []notes.Target{notes.ToDepartment(order.Finance), notes.ToDepartment(order.Warehouse),
		notes.ToDepartment(order.Operations), notes.ToRole(order.TeamLeader), notes.ToRole(order.StoreManager)} {
		assert.True(t, tg.IsValid(), tg.String())
	}
	assert.Equal(t, "store_manager", notes.ToRole(order.StoreManager).String())

	h, _, err := notes.DefaultPolicy().SendHandOff(financeHandOff())
	require.NoError(t, err)
	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"via":["chat"]`)
	assert.Contains(t, string(b), `"urgency":"urgent"`)
	var back notes.HandOff
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, h.Via, back.Via)
	assert.Equal(t, h.To, back.To)
	assert.True(t, h.Due.Equal(back.Due))

	c := notes.ChannelsOf(notes.Phone)
	require.ErrorIs(t, json.Unmarshal([]byte(`["chat","pigeon"]`), &c), order.ErrUnknownCode, "channels are order's vocabulary")
	assert.Equal(t, notes.ChannelsOf(notes.Phone), c, "unchanged on error")
}

// TestHandOffN2SenderCannotAcknowledge pins rule N2: a hand-off counts
// once a colleague has it; the agent who sent it cannot tick it off
// (seed 000 case 1: the note was left, finance never had it).
func TestHandOffN2SenderCannotAcknowledge(t *testing.T) {
	h := financeHandOff()
	for _, by := range []string{agentB.ID, agentB.Name, " " + agentB.Name + " "} {
		got, err := h.Acknowledge(by, t0.Add(time.Minute))
		require.ErrorIs(t, err, notes.ErrNotAllowed, by)
		assert.False(t, got.Acknowledged())
		assert.True(t, got.Overdue(t0.Add(time.Hour)), "still open, so it surfaces when overdue")
	}
}
