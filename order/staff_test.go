package order_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// rule A1: authority increases from pre-sales to the store manager.
func TestRolesAreOrderedByAuthority(t *testing.T) {
	want := []string{"pre_sales", "in_sales", "after_sales", "review_handling", "team_leader", "store_manager"}
	roles := order.Roles()
	require.Len(t, roles, len(want))
	for i, r := range roles {
		assert.Equal(t, want[i], r.String())
		for j, other := range roles {
			assert.Equal(t, i > j, r.Above(other), "%v above %v", r, other)
		}
		back, err := order.ParseRole(want[i])
		require.NoError(t, err)
		assert.Equal(t, r, back)
	}
	assert.True(t, order.StoreManager.Above(order.TeamLeader))
	assert.False(t, order.TeamLeader.Above(order.RoleUnknown), "nobody is above the unknown role")
	assert.False(t, order.Role(99).Above(order.PreSales))
	assert.Equal(t, "Role(99)", order.Role(99).String())
}

func TestRoleText(t *testing.T) {
	b, err := json.Marshal(struct{ R order.Role }{order.TeamLeader})
	require.NoError(t, err)
	assert.JSONEq(t, `{"R":"team_leader"}`, string(b))
	var r order.Role
	require.NoError(t, r.UnmarshalText([]byte("after_sales")))
	assert.Equal(t, order.AfterSales, r)
	require.ErrorIs(t, r.UnmarshalText([]byte("boss")), order.ErrUnknownRole)
	assert.Equal(t, order.AfterSales, r, "left unchanged on error")
	_, err = order.RoleUnknown.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownRole)
}

// rule A2: the departments agents hand work to.
func TestDepartments(t *testing.T) {
	for _, name := range []string{"finance", "warehouse", "courier", "operations"} {
		d, err := order.ParseDepartment(name)
		require.NoError(t, err)
		assert.True(t, d.IsValid())
		assert.Equal(t, name, d.String())
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back order.Department
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
	}
	_, err := order.ParseDepartment("marketing")
	require.ErrorIs(t, err, order.ErrUnknownDepartment)
	var d order.Department
	require.ErrorIs(t, d.UnmarshalText([]byte("hr")), order.ErrUnknownDepartment)
	_, err = order.DepartmentUnknown.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownDepartment)
	assert.Equal(t, "Department(9)", order.Department(9).String())
}

func TestAgentValidate(t *testing.T) {
	require.NoError(t, order.Agent{ID: "a-1", Name: "小李", Role: order.PreSales}.Validate())
	for _, c := range []struct {
		reason string
		a      order.Agent
		want   error
	}{
		{"no ID", order.Agent{Role: order.PreSales}, order.ErrMissing},
		{"no role", order.Agent{ID: "a-1"}, order.ErrUnknownRole},
		{"hostile: invalid UTF-8 name", order.Agent{ID: "a-1", Name: "\xff", Role: order.PreSales}, order.ErrInvalidText},
	} {
		require.ErrorIs(t, c.a.Validate(), c.want, c.reason)
	}
}

func TestPaymentText(t *testing.T) {
	for _, p := range []order.Payment{order.Online, order.CashOnDelivery} {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var back order.Payment
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, p, back)
	}
	var p order.Payment
	require.NoError(t, p.UnmarshalText(nil))
	assert.Equal(t, order.Online, p, "an absent method is the platform default")
	require.ErrorIs(t, p.UnmarshalText([]byte("cash")), order.ErrUnknownPayment)
	_, err := order.Payment(5).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownPayment)
	assert.Equal(t, "cod", order.CashOnDelivery.String())
}

// rule O2: the problem categories DOMAIN.md names, with stable text.
func TestCategories(t *testing.T) {
	want := []string{"multiple_addresses", "unknown_address", "out_of_area", "out_of_stock",
		"postage_wrong", "unsatisfiable_message", "cod_unconfirmed", "transit_warehouse",
		"needs_sf", "repeat_order", "after_sales_pending"}
	cs := order.Categories()
	require.Len(t, cs, len(want))
	var set order.CategorySet
	for i, c := range cs {
		assert.Equal(t, want[i], c.String())
		back, err := order.ParseCategory(want[i])
		require.NoError(t, err)
		assert.Equal(t, c, back)
		b, err := c.MarshalText()
		require.NoError(t, err)
		var u order.Category
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, c, u)
		set = set.With(c)
	}
	assert.Equal(t, len(want), set.Len())
	assert.Equal(t, want, set.Strings())
	small := order.CategorySet(0).With(order.NeedsSF).With(order.OutOfArea)
	assert.Equal(t, "[out_of_area needs_sf]", small.String())
	assert.True(t, small.Has(order.NeedsSF))
	assert.False(t, small.Has(order.OutOfStock))
	assert.Equal(t, small, small.With(order.Category(70)), "values past the set's width are ignored")

	_, err := order.ParseCategory("lost")
	require.ErrorIs(t, err, order.ErrUnknownCategory)
	var u order.Category
	require.ErrorIs(t, u.UnmarshalText([]byte("lost")), order.ErrUnknownCategory)
	_, err = order.CategoryUnknown.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCategory)
}
