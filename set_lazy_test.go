package errcat

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTranslationsCompiledOnFirstUse holds that a set keeps a code's translations
// uncompiled until an error of it, or its texts, are asked for in a locale other
// than the default, and that what it then renders is what the translation says.
func TestTranslationsCompiledOnFirstUse(t *testing.T) {
	s := testSet(t)
	d := s.Lookup("000012")
	compiled := func() int {
		n := 0
		for i := range s.Locales() {
			if d.locs.Load().has(i) {
				n++
			}
		}
		return n
	}
	if n := compiled(); n != 1 {
		t.Fatalf("after NewSet, %d locales compiled, want the default only", n)
	}
	e := d.New(String("project"), Int(42))
	if got := e.Message("en"); got != "Unable to locate project with id 42." || compiled() != 1 {
		t.Fatalf("Message(en) = %q with %d locales compiled, want the default only", got, compiled())
	}
	if got := e.Message("fr"); got != "Unable to locate project with id 42." || compiled() != 1 {
		t.Fatalf("Message(fr), a locale the set lacks, = %q with %d locales compiled", got, compiled())
	}
	if got := e.Message("pt-BR"); got != "Não foi possível localizar project com id 42." {
		t.Fatalf("Message(pt-BR) = %q", got)
	}
	if n := compiled(); n != 2 || !d.locs.Load().has(2) {
		t.Fatalf("after a message in pt-BR, %d locales compiled, want the default and pt-BR", n)
	}
	// A code without translations has every locale from the start.
	if n := len(s.Lookup("107").locs.Load().texts); n != 3 {
		t.Errorf("a code without translations has %d locales compiled, want 3", n)
	}
	// A variant compiles its own translations when it is shown.
	v := s.Lookup("000037[0]")
	if len(v.locs.Load().texts) != 1 {
		t.Error("a variant's translations are compiled before it is used")
	}
	if got := s.Lookup("000037").New().Message("vi"); got != "Giá trị đã tồn tại." {
		t.Errorf("variant shown in vi = %q", got)
	}
	if len(v.locs.Load().texts) != 3 {
		t.Error("showing a variant in vi did not compile its translations")
	}
	if got := v.Description("pt-BR").String(); got != "" {
		t.Errorf("Description(pt-BR) = %q, want none", got)
	}
	if got := d.Title("pt_br").String(); got != "Não encontrado" {
		t.Errorf("Title(pt_br) = %q", got)
	}
}

// TestTranslationsCompiledConcurrently renders every code in every locale from many
// goroutines at once on a fresh set (run with -race): each gets the text rendered
// alone.
func TestTranslationsCompiledConcurrently(t *testing.T) {
	want := map[string]string{}
	ref := testSet(t)
	locales := []string{"en", "vi", "pt-BR", "vi-VN", "de"}
	for _, d := range ref.Definitions() {
		for _, loc := range locales {
			want[d.ID()+" "+loc] = d.New(String("x"), String("y")).Message(loc) + "|" + d.Title(loc).String()
		}
	}
	s := testSet(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []string
	for g := range 16 {
		wg.Go(func() {
			for i := range 40 {
				d := s.Definitions()[(g+i)%len(s.Definitions())]
				loc := locales[(g*7+i)%len(locales)]
				got := d.New(String("x"), String("y")).Message(loc) + "|" + d.Title(loc).String()
				if got != want[d.ID()+" "+loc] {
					mu.Lock()
					bad = append(bad, d.ID()+" "+loc+": "+got)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("concurrent rendering differs from rendering alone:\n%s", strings.Join(bad, "\n"))
	}
}

// TestNewSetChecksTranslations holds that NewSet reports a translation that does not
// compile though it keeps it uncompiled.
func TestNewSetChecksTranslations(t *testing.T) {
	_, err := NewSet(SetSpec{Locales: []string{"vi"}, Errors: []Spec{{
		Code: "1", Name: "A", Texts: Texts{Message: "x {a}"}, Params: []Param{{Name: "a"}},
		Translations: map[string]Texts{"vi": {Message: "y {b}", Causes: []string{"{"}}},
	}}})
	for _, want := range []string{"1: locale vi: message: offset 2: placeholder {b} names no parameter", "causes[0]: offset 0: unclosed '{'"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("NewSet error = %v, want one containing %q", err, want)
		}
	}
}

// TestTranslatedDoesNotCompile holds that Translated answers from the translations'
// sources while they are not compiled, as it does once they are.
func TestTranslatedDoesNotCompile(t *testing.T) {
	s := testSet(t)
	d := s.Lookup("000012")
	for range 2 {
		if !d.Translated("vi-VN") || !d.Translated("pt-BR") || d.Translated("de") || !d.Translated("en") {
			t.Error("Translated: want vi-VN, pt-BR and en translated, de not")
		}
		if n := len(d.locs.Load().texts); n != 1 {
			t.Fatalf("Translated compiled %d locales", n)
		}
		d.New().Message("vi")
		d = s.Lookup("000037[0]")
	}
}

// TestReleaseTranslations holds that a set drops compiled translations on
// ReleaseTranslations, compiles them again when next used, keeps the default
// locale's Memo values, and that errors made before render as they did.
func TestReleaseTranslations(t *testing.T) {
	s := testSet(t)
	d := s.Lookup("000012")
	m := NewMemo[int]()
	made := 0
	build := func(*Error, string) *int { made++; return new(int) }
	e := d.New(String("project"), Int(42))
	m.Get(e, "en", build)
	if got := e.Message("vi"); got != "Không tìm thấy project với id 42." {
		t.Fatalf("Message(vi) = %q", got)
	}
	v := s.Lookup("000037").New()
	v.Message("pt-BR")
	s.ReleaseTranslations()
	if n := len(d.locs.Load().texts); n != 1 {
		t.Fatalf("after ReleaseTranslations, %d locales compiled", n)
	}
	if n := len(s.Lookup("000037[0]").locs.Load().texts); n != 1 {
		t.Fatalf("after ReleaseTranslations, a variant has %d locales compiled", n)
	}
	if n := len(s.Lookup("107").locs.Load().texts); n != 3 {
		t.Errorf("a code without translations lost its locales: %d", n)
	}
	m.Get(e, "en", build)
	if made != 1 {
		t.Errorf("the default locale's Memo value was made %d times", made)
	}
	if !d.Translated("vi") || d.Translated("de") {
		t.Error("Translated changed with ReleaseTranslations")
	}
	if got := e.Message("pt-BR"); got != "Não foi possível localizar project com id 42." {
		t.Errorf("Message(pt-BR) after release = %q", got)
	}
	if got := v.Title("pt-BR"); got != "Valor duplicado" {
		t.Errorf("variant's Title(pt-BR) after release = %q", got)
	}
}

// TestReleaseTranslationsConcurrently releases while goroutines render in every
// locale (run with -race): each rendering is what it is alone.
func TestReleaseTranslationsConcurrently(t *testing.T) {
	s := testSet(t)
	want := map[string]string{}
	locales := []string{"en", "vi", "pt-BR"}
	for _, d := range s.Definitions() {
		for _, loc := range locales {
			want[d.ID()+" "+loc] = d.New(String("x"), String("y")).Message(loc)
		}
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				s.ReleaseTranslations()
			}
		}
	})
	var bad []string
	var mu sync.Mutex
	var workers sync.WaitGroup
	for g := range 8 {
		workers.Go(func() {
			for i := range 200 {
				d := s.Definitions()[(g+i)%len(s.Definitions())]
				loc := locales[(g+i/3)%len(locales)]
				if got := d.New(String("x"), String("y")).Message(loc); got != want[d.ID()+" "+loc] {
					mu.Lock()
					bad = append(bad, d.ID()+" "+loc+": "+got)
					mu.Unlock()
				}
			}
		})
	}
	workers.Wait()
	close(stop)
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("renderings differ while translations are released:\n%s", strings.Join(bad, "\n"))
	}
}

// TestReleaseTranslationsFreesThem holds that released translations become garbage:
// a finalizer on one runs once the set no longer reaches it.
func TestReleaseTranslationsFreesThem(t *testing.T) {
	s := testSet(t)
	d := s.Lookup("000012")
	d.New().Message("vi")
	freed := make(chan struct{})
	runtime.SetFinalizer(d.locs.Load().texts[1], func(*localized) { close(freed) })
	s.ReleaseTranslations()
	ok := false
	for i := 0; i < 10 && !ok; i++ {
		runtime.GC()
		select {
		case <-freed:
			ok = true
		case <-time.After(10 * time.Millisecond):
		}
	}
	if !ok {
		t.Error("a released translation is still reachable from the set")
	}
	if got := d.New(String("a"), Int(1)).Message("vi"); got != "Không tìm thấy a với id 1." {
		t.Errorf("Message(vi) after release = %q", got)
	}
	runtime.KeepAlive(s)
}
