package errcat

import (
	"strings"
	"sync"
	"testing"
)

// TestMemo checks what a Memo keeps apart and what it shares: one value per code,
// variant shown and locale's texts, made once, whatever the error's values.
func TestMemo(t *testing.T) {
	s := testSet(t)
	m := NewMemo[string]()
	made := 0
	render := func(e *Error, locale string) *string {
		made++
		title, message := e.Texts(locale)
		v := e.Variant().ID() + " " + title.String() + " | " + message.String()
		return &v
	}
	get := func(e *Error, locale string) string { return *m.Get(e, locale, render) }
	locate := s.Lookup("000012")
	exists := s.Lookup("000037")
	for _, tt := range []struct {
		err    *Error
		locale string
		want   string
	}{
		{locate.New(String("a"), String("1")), "en", "000012 Unable to locate {0} with id {1} | Unable to locate {0} with id {1}."},
		{locate.New(String("b"), String("2")), "", "000012 Unable to locate {0} with id {1} | Unable to locate {0} with id {1}."},
		{locate.New(String("c"), String("3")), "vi", "000012 Unable to locate {0} with id {1} | Không tìm thấy {kind} với id {id}."},
		{locate.New(String("d"), String("4")), "vi-VN", "000012 Unable to locate {0} with id {1} | Không tìm thấy {kind} với id {id}."},
		{locate.New(String("e"), String("5")), "pt-BR", "000012 Não encontrado | Não foi possível localizar {0} com id {1}."},
		// The variant shown for a missing field, and the variant raised itself, are
		// kept apart (their bodies may differ), each apart from the code's own.
		{exists.New(String("email")), "en", "000037 Value of field {0} already exists | The value of field '{0}' already exists."},
		{exists.New(), "en", "000037[0] A value already exists — duplicates not allowed | A value already exists, and duplicates are not allowed."},
		{exists.Variants()[0].New(), "en", "000037[0] A value already exists — duplicates not allowed | A value already exists, and duplicates are not allowed."},
	} {
		if got := get(tt.err, tt.locale); got != tt.want {
			t.Errorf("%s in %q = %q, want %q", tt.err.Variant().ID(), tt.locale, got, tt.want)
		}
	}
	// en and "" share the default texts; vi and vi-VN fall back to the same texts.
	if made != 6 {
		t.Errorf("made %d values, want 6", made)
	}
	// A Memo made after the first was used keeps its own values beside, and the
	// first keeps its own.
	other := NewMemo[int]()
	n := other.Get(locate.New(), "en", func(*Error, string) *int { v := 7; return &v })
	if *n != 7 || get(locate.New(), "en") != "000012 Unable to locate {0} with id {1} | Unable to locate {0} with id {1}." {
		t.Errorf("two Memos mixed their values")
	}
	if made != 6 {
		t.Errorf("made %d values after a second Memo, want 6: the first Memo's were lost", made)
	}
}

// TestMemoConcurrent has many goroutines ask for the same values at once (run with
// -race): all get one and the same value.
func TestMemoConcurrent(t *testing.T) {
	s := testSet(t)
	memos := []*Memo[int]{NewMemo[int](), NewMemo[int]()}
	var wg sync.WaitGroup
	got := make([]*int, 64)
	for i := range got {
		wg.Go(func() {
			got[i] = memos[i%2].Get(s.Lookup("000012").New(), "vi", func(*Error, string) *int { return new(int) })
		})
	}
	wg.Wait()
	for i, p := range got {
		if p != got[i%2] {
			t.Fatal("goroutines got different values of one Memo")
		}
	}
	if got[0] == got[1] {
		t.Fatal("two Memos share a value")
	}
}

// TestMemoLimit checks the message of the 17th NewMemo.
func TestMemoLimit(t *testing.T) {
	n := memos.Load()
	defer memos.Store(n)
	memos.Store(maxMemos)
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, "more than 16 times") {
			t.Errorf("NewMemo beyond the limit: recovered %q", r)
		}
	}()
	NewMemo[int]()
}

// TestTexts checks that Texts returns what the error renders with: the title falls
// back to the message, a translation without a title to the default title, and a
// variant shown for its code has its templates numbered as the code's values.
func TestTexts(t *testing.T) {
	s := testSet(t)
	remapped := remappedSet()
	for _, tt := range []struct {
		err            *Error
		locale         string
		title, message string
	}{
		{s.Lookup("000012").New(), "vi", "Unable to locate {0} with id {1}", "Không tìm thấy {kind} với id {id}."},
		{s.Lookup("107").New(String("ix")), "en", "Duplicate in {index}.", "Duplicate in {index}."},
		{s.Lookup("107").New(), "en", "General database error.", "General database error."},
		{remapped.Lookup("E1").New(Value{}, String("v")), "", "A value <{value}> exists & is taken.", "A value <{value}> exists & is taken."},
	} {
		title, message := tt.err.Texts(tt.locale)
		if title.String() != tt.title || message.String() != tt.message {
			t.Errorf("%s Texts(%q) = %q, %q; want %q, %q", tt.err.Variant().ID(), tt.locale, title, message, tt.title, tt.message)
		}
		if got, want := tt.err.Message(tt.locale), message.Render(tt.err.Args()); got != want {
			t.Errorf("%s: Message %q, the message of Texts renders %q", tt.err.Variant().ID(), got, want)
		}
	}
}
