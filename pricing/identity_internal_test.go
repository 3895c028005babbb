package pricing

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// agentCases are agents at the edges of canonicalAgent, the check that
// lets a review skip normalising an agent already in canonical form.
var agentCases = []struct {
	a         order.Agent
	canonical bool
	reason    string
}{
	{order.Agent{ID: "xiaomei", Name: "小美", Role: order.PreSales}, true, "a Chinese name, the usual one"},
	{order.Agent{ID: "xiaomei", Name: "Xiao Mei", Role: order.PreSales}, true, "an ASCII name with a space"},
	{order.Agent{ID: "xiaomei", Name: "", Role: order.PreSales}, true, "no name"},
	{order.Agent{ID: "xiaomei", Name: strings.Repeat("美", 66), Role: order.PreSales}, true, "198 bytes"},
	{order.Agent{ID: "xiaomei", Name: strings.Repeat("美", 67), Role: order.PreSales}, false, "201 bytes: the general path refuses it"},
	{order.Agent{ID: "xiaomei", Name: "小美 ", Role: order.PreSales}, false, "a trailing space to trim"},
	{order.Agent{ID: "xiaomei", Name: "小  美", Role: order.PreSales}, false, "a run of spaces"},
	{order.Agent{ID: "xiaomei", Name: "ｘｉａｏ", Role: order.PreSales}, false, "full-width letters"},
	{order.Agent{ID: "xiaomei", Name: "小\u200b美", Role: order.PreSales}, false, "an invisible character"},
	{order.Agent{ID: "xiaomei", Name: "\xff", Role: order.PreSales}, false, "invalid UTF-8"},
	{order.Agent{ID: "ｘｉａｏｍｅｉ", Name: "小美", Role: order.PreSales}, false, "a full-width ID"},
	{order.Agent{ID: "xiaomei", Name: "小美", Role: 0}, false, "no role"},
}

// TestCanonicalAgentIsNormalize: the agents a review takes as they are
// (the identity rule's canonical form, rule A1's roles) are exactly ones
// that order.Agent.Normalize returns unchanged; the usual ones — an ASCII
// ID, a Chinese or ASCII name — take the fast path.
func TestCanonicalAgentIsNormalize(t *testing.T) {
	for _, c := range agentCases {
		t.Run(c.reason, func(t *testing.T) {
			a := c.a
			assert.Equal(t, c.canonical, canonicalAgent(&a))
			requireCanonicalIsNormal(t, c.a)
		})
	}
}

func requireCanonicalIsNormal(t *testing.T, a order.Agent) {
	t.Helper()
	if !canonicalAgent(&a) {
		return
	}
	n, err := a.Normalize()
	require.NoError(t, err, "%#v", a)
	require.Equal(t, a, n, "%#v", a)
}

// FuzzCanonicalAgent: whatever the agent, canonicalAgent never takes one
// that normalisation would change or refuse.
func FuzzCanonicalAgent(f *testing.F) {
	for _, c := range agentCases {
		f.Add(c.a.ID, c.a.Name, uint8(c.a.Role))
	}
	f.Fuzz(func(t *testing.T, id, name string, role uint8) {
		requireCanonicalIsNormal(t, order.Agent{ID: id, Name: name, Role: order.Role(role)})
	})
}
