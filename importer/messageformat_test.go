package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat"
)

// TestPropertiesMessageFormat imports an application's message bundle written as
// java.text.MessageFormat patterns: dotted keys by area, positional {0} placeholders,
// a doubled quote for a quote, number and date formats, ChoiceFormat with a placeholder nested in
// it, an Expression Language expression, a continued line, and two partial
// translations. Each key is one code; {0} is a param; every construct errcat cannot
// express renders as the source wrote it, nested placeholders included, with a note.
func TestPropertiesMessageFormat(t *testing.T) {
	files := map[string][]byte{}
	paths, _ := filepath.Glob("testdata/properties/shop/*.properties")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	d, err := Properties("shop", files)
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	if len(c.Errors) != 12 {
		t.Errorf("%d codes, want one for each of the 12 keys", len(c.Errors))
	}
	set := c.Set()
	for _, tt := range []struct {
		code, name, locale string
		args               []errcat.Value
		want               string
	}{
		{"order.notFound", "NotFound", "", []errcat.Value{errcat.String("A-17")}, "Order A-17 was not found."},
		{"order.notFound", "NotFound", "de", []errcat.Value{errcat.String("A-17")}, "Bestellung A-17 wurde nicht gefunden."},
		{"order.item.outOfStock", "OutOfStock", "", []errcat.Value{errcat.Int(2), errcat.String("Kettle")}, "Item 'Kettle' is out of stock: only 2 left."},
		{"order.item.outOfStock", "OutOfStock", "de", []errcat.Value{errcat.Int(2), errcat.String("Kettle")}, "Artikel „Kettle“ ist ausverkauft: nur noch 2 vorrätig."},
		{"order.cart.tooManyItems", "TooManyItems", "", []errcat.Value{errcat.Int(120), errcat.Int(100)}, "Your cart holds {0,choice,0#no items|1#one item|1<{0,number,integer} items}; the limit is 100."},
		{"order.payment.declined", "Declined", "", []errcat.Value{errcat.Int(5), errcat.String("the bank")}, "The payment of {0,number,currency} was declined by the bank."},
		{"order.shipping.unavailable", "Unavailable", "fr", []errcat.Value{errcat.String("Mars")}, "Nous ne livrons pas encore à Mars."},
		{"account.locked", "Locked", "", nil, "Your account is locked after {0,choice,1#one failed attempt|1<{0} failed attempts}."},
		{"account.locked", "Locked", "fr", nil, "Votre compte est bloqué après {0,choice,1#une tentative échouée|1<{0} tentatives échouées}."},
		{"account.email.taken", "EmailTaken", "", []errcat.Value{errcat.String("ana@example.com")}, "The e-mail address ana@example.com is already registered."},
		{"account.name.taken", "NameTaken", "", []errcat.Value{errcat.String("ana")}, "The user name ana is taken."},
		{"account.welcome", "Welcome", "", nil, "Welcome back, ${user.firstName}!"},
		{"account.session.expired", "SessionExpired", "", nil, "Your session expired. Sign in again to continue."},
	} {
		def := set.Lookup(tt.code)
		if def == nil {
			t.Errorf("%s: no such code", tt.code)
			continue
		}
		if got := c.Lookup(tt.code).Name; got != tt.name {
			t.Errorf("%s: name %q, want %q", tt.code, got, tt.name)
		}
		if got := def.New(tt.args...).Message(tt.locale); got != tt.want {
			t.Errorf("%s in %q renders\n%q\nwant\n%q", tt.code, tt.locale, got, tt.want)
		}
	}
	if e := c.Lookup("order.notFound"); e.Title != "Order not found" {
		t.Errorf("order.notFound title %q, want the .title key's text", e.Title)
	}
	if e := c.Lookup("account.password.tooShort"); e.Description != "Choose a longer password; spaces count." {
		t.Errorf("account.password.tooShort description %q, want the .description key's text", e.Description)
	}
	if n := len(c.Lookup("account.locked").Params); n != 0 {
		t.Errorf("account.locked has %d params: a {0} inside a ChoiceFormat is literal text", n)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{
		"order.cart.tooManyItems: a ChoiceFormat {N,choice,…} is kept as literal text",
		"account.locked: a ChoiceFormat {N,choice,…} is kept as literal text",
		"order.payment.declined: a MessageFormat format {N,…} is kept as literal text",
		"order.coupon.expired: a MessageFormat format {N,…} is kept as literal text",
		"account.welcome: an Expression Language expression ${…} is kept as literal text",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if strings.Contains(notes, "account.locked: a MessageFormat format") {
		t.Errorf("account.locked's choice is noted as a plain format too:\n%s", notes)
	}
}
