package plural

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// xtextOperands returns the operands x/text's MatchPlural takes for the decimal s,
// computed independently of ParseOperands.
func xtextOperands(t *testing.T, s string) (i, v, w, f, tt int) {
	ip, fp, _ := strings.Cut(s, ".")
	i, err := strconv.Atoi(ip)
	if err != nil {
		t.Fatal(err)
	}
	if fp == "" {
		return i, 0, 0, 0, 0
	}
	trimmed := strings.TrimRight(fp, "0")
	f, _ = strconv.Atoi(fp)
	tt, _ = strconv.Atoi(trimmed + "0")
	return i, len(fp), len(trimmed), f, tt / 10
}

// grid returns the numbers the rules are compared on: every integer to 1000, large
// integers, and decimals with one to three fraction digits, trailing zeros included.
func grid() []string {
	var ns []string
	for n := 0; n <= 1000; n++ {
		ns = append(ns, strconv.Itoa(n))
	}
	for _, n := range []int{1001, 1011, 1021, 10000, 100000, 999999, 1000000, 1000001, 1000021,
		2000000, 1000000000, 1000000011, 999999999999999999, 1000000000000000000,
		1000000000000000021, 9223372036854775807} {
		ns = append(ns, strconv.Itoa(n))
	}
	var fracs []string
	for f := 0; f < 10; f++ {
		fracs = append(fracs, strconv.Itoa(f))
	}
	for f := 0; f < 100; f++ {
		fracs = append(fracs, strconv.Itoa(100 + f)[1:])
	}
	for f := 0; f < 1000; f += 37 {
		fracs = append(fracs, strconv.Itoa(1000 + f)[1:])
	}
	fracs = append(fracs, "000", "001", "010", "100", "500", "150", "105")
	for _, i := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14, 21, 22, 25, 100, 101, 111, 1000000} {
		for _, f := range fracs {
			ns = append(ns, strconv.Itoa(i)+"."+f)
		}
	}
	return ns
}

// odd are tags beyond x/text's list: other spellings, aliases, extensions.
var odd = []string{
	"pt-BR", "pt_PT", "PT-pt", "pt-Latn-PT", "pt-Latn-AO", "pt-Latn-BR", "pt-PT-x-priv",
	"zh-Hant-TW", "zh-TW", "zh-yue", "zh-yue-HK", "sr-Latn", "sr-Latn-RS", "sr-Cyrl-ME",
	"sh", "iw", "in", "ji", "mo", "no", "tl", "tl-PH", "eng", "fra", "heb", "deu", "cmn",
	"es-419", "en-GB-oed", "ca-ES-valencia", "en-US-u-va-posix", "ru-RU-u-nu-latn",
	"ar-001", "az-Cyrl-AZ", "uz-Arab-AF", "xx", "qaa", "und", "root",
}

// sameAs maps a tag on which this package deliberately differs from x/text to the tag
// whose x/text rules it follows. x/text gives pt-Latn-PT the rules of pt, though Latn
// is Portuguese's default script and the tag names the locale pt-PT.
var sameAs = map[string]string{"pt-Latn-PT": "pt-PT"}

// changed lists, by kind, the languages whose rules changed between CLDR 32, whose
// rules golang.org/x/text has, and CLDR 48: "many" for exact millions (ca, es, fr,
// it, pt), Hebrew's "many" dropped, Icelandic's decimals, Macedonian's 11, 111…,
// Marathi's "one" for 1 only, Maltese's "two", Konkani's and Cornish's rules added,
// Scottish Gaelic's ordinals. Every other language x/text has rules for agrees.
var changed = map[string][]string{
	"cardinal": {"ca", "es", "fr", "he", "is", "it", "kok", "kw", "mk", "mr", "mt", "pt"},
	"ordinal":  {"gd", "kok", "kw"},
}

// isChanged reports whether the rules of kind of the language of x/text's tag xt are
// among those that changed.
func isChanged(kind string, xt language.Tag) bool {
	b, _ := xt.Base()
	return slices.Contains(changed[kind], b.String())
}

// TestMatchesXText compares Select with golang.org/x/text/feature/plural for every tag
// x/text has data for, and odd spellings, on the whole grid: they agree but for the
// languages of changed, where they must differ.
func TestMatchesXText(t *testing.T) {
	type op struct {
		s             string
		o             Operands
		i, v, w, f, t int
	}
	var ops []op
	for _, s := range grid() {
		o, err := ParseOperands(s)
		if err != nil {
			t.Fatalf("ParseOperands(%q): %v", s, err)
		}
		i, v, w, f, tt := xtextOperands(t, s)
		ops = append(ops, op{s, o, i, v, w, f, tt})
	}
	tags := append(append([]string{}, xtextTags...), odd...)
	for _, kind := range []struct {
		name  string
		ours  func(string) Rules
		xtext *plural.Rules
	}{
		{"cardinal", Cardinal, plural.Cardinal},
		{"ordinal", Ordinal, plural.Ordinal},
	} {
		for _, tag := range tags {
			r, xt := kind.ours(tag), language.Make(tag)
			if s, ok := sameAs[tag]; ok {
				xt = language.Make(s)
			}
			bad := 0
			for _, o := range ops {
				want := Category(kind.xtext.MatchPlural(xt, o.i, o.v, o.w, o.f, o.t))
				if got := r.Select(o.o); got != want {
					if bad++; bad <= 3 && !isChanged(kind.name, xt) {
						t.Errorf("%s %s (x/text: %s): Select(%s) = %v, x/text says %v", kind.name, tag, xt, o.s, got, want)
					}
				}
			}
			if bad == 0 && isChanged(kind.name, xt) && xt.String() != "und" {
				t.Errorf("%s %s (x/text: %s): listed as changed since CLDR 32, but agrees with x/text", kind.name, tag, xt)
			}
		}
	}
}

// cldr48Only are the language codes CLDR 48 has rules for, of new locales or through
// its aliases (als is sq, arb is ar), and x/text none.
var cldr48Only = strings.Fields(`als an arb arg azj bal bcc bho blo ceb chv cld cnr csw cv dgo doi drh
	drw ekk fat fuc gaz gom ia ie ike ile ina khk kmr lij lld lvs npi ory pbu pcm pes plt
	prs sat sc scc scn scr sgs src srd swc swh tnf tw twi uzn vec ydd zsm`)

// TestLanguageCodesMatchXText compares, for every two- and three-letter code, the
// category of a few numbers that tell rule sets apart. The codes of cldr48Only must
// have rules here and none (every number other) in x/text.
func TestLanguageCodesMatchXText(t *testing.T) {
	nums := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
		"14", "19", "20", "21", "22", "23", "24", "25", "26", "40", "80", "100", "101", "102",
		"103", "111", "200", "800", "1000000", "0.0", "0.1", "0.5", "1.0", "1.1", "1.5", "2.0", "2.5"}
	var letters []string
	for c := 'a'; c <= 'z'; c++ {
		letters = append(letters, string(c))
	}
	for _, a := range letters {
		for _, b := range letters {
			codes := []string{a + b}
			for _, c := range letters {
				codes = append(codes, a+b+c)
			}
			for _, code := range codes {
				xt := language.Make(code)
				only := slices.Contains(cldr48Only, code)
				var ours, theirs Set
				for _, n := range nums {
					o, _ := ParseOperands(n)
					i, v, w, f, tt := xtextOperands(t, n)
					for _, kind := range []struct {
						name  string
						ours  Rules
						xtext *plural.Rules
					}{{"cardinal", Cardinal(code), plural.Cardinal}, {"ordinal", Ordinal(code), plural.Ordinal}} {
						got, want := kind.ours.Select(o), Category(kind.xtext.MatchPlural(xt, i, v, w, f, tt))
						ours, theirs = ours.Add(got), theirs.Add(want)
						if got != want && !only && !isChanged(kind.name, xt) {
							t.Fatalf("%s %s: Select(%s) = %v, x/text says %v", kind.name, code, n, got, want)
						}
					}
				}
				if only && (theirs != Set(0).Add(Other) || ours == theirs) {
					t.Errorf("%s: listed as having rules only in CLDR 48, but x/text selects %q and CLDR 48 %q", code, theirs, ours)
				}
			}
		}
	}
}

// xtextTags lists the language tags golang.org/x/text has plural data for.
var xtextTags = []string{
	"und", "af", "af-NA", "af-ZA", "agq", "agq-CM", "ak", "ak-GH",
	"am", "am-ET", "ar", "ar-001", "ar-AE", "ar-BH", "ar-DJ", "ar-DZ",
	"ar-EG", "ar-EH", "ar-ER", "ar-IL", "ar-IQ", "ar-JO", "ar-KM", "ar-KW",
	"ar-LB", "ar-LY", "ar-MA", "ar-MR", "ar-OM", "ar-PS", "ar-QA", "ar-SA",
	"ar-SD", "ar-SO", "ar-SS", "ar-SY", "ar-TD", "ar-TN", "ar-YE", "ars",
	"as", "as-IN", "asa", "asa-TZ", "ast", "ast-ES", "az", "az-Cyrl",
	"az-Cyrl-AZ", "az-Latn", "az-Latn-AZ", "bas", "bas-CM", "be", "be-BY", "bem",
	"bem-ZM", "bez", "bez-TZ", "bg", "bg-BG", "bh", "bm", "bm-ML",
	"bn", "bn-BD", "bn-IN", "bo", "bo-CN", "bo-IN", "br", "br-FR",
	"brx", "brx-IN", "bs", "bs-Cyrl", "bs-Cyrl-BA", "bs-Latn", "bs-Latn-BA", "ca",
	"ca-AD", "ca-ES", "ca-FR", "ca-IT", "ccp", "ccp-BD", "ccp-IN", "ce",
	"ce-RU", "cgg", "cgg-UG", "chr", "chr-US", "ckb", "ckb-IQ", "ckb-IR",
	"cs", "cs-CZ", "cu", "cu-RU", "cy", "cy-GB", "da", "da-DK",
	"da-GL", "dav", "dav-KE", "de", "de-AT", "de-BE", "de-CH", "de-DE",
	"de-IT", "de-LI", "de-LU", "dje", "dje-NE", "dsb", "dsb-DE", "dua",
	"dua-CM", "dv", "dyo", "dyo-SN", "dz", "dz-BT", "ebu", "ebu-KE",
	"ee", "ee-GH", "ee-TG", "el", "el-CY", "el-GR", "en", "en-001",
	"en-150", "en-AG", "en-AI", "en-AS", "en-AT", "en-AU", "en-BB", "en-BE",
	"en-BI", "en-BM", "en-BS", "en-BW", "en-BZ", "en-CA", "en-CC", "en-CH",
	"en-CK", "en-CM", "en-CX", "en-CY", "en-DE", "en-DG", "en-DK", "en-DM",
	"en-ER", "en-FI", "en-FJ", "en-FK", "en-FM", "en-GB", "en-GD", "en-GG",
	"en-GH", "en-GI", "en-GM", "en-GU", "en-GY", "en-HK", "en-IE", "en-IL",
	"en-IM", "en-IN", "en-IO", "en-JE", "en-JM", "en-KE", "en-KI", "en-KN",
	"en-KY", "en-LC", "en-LR", "en-LS", "en-MG", "en-MH", "en-MO", "en-MP",
	"en-MS", "en-MT", "en-MU", "en-MW", "en-MY", "en-NA", "en-NF", "en-NG",
	"en-NL", "en-NR", "en-NU", "en-NZ", "en-PG", "en-PH", "en-PK", "en-PN",
	"en-PR", "en-PW", "en-RW", "en-SB", "en-SC", "en-SD", "en-SE", "en-SG",
	"en-SH", "en-SI", "en-SL", "en-SS", "en-SX", "en-SZ", "en-TC", "en-TK",
	"en-TO", "en-TT", "en-TV", "en-TZ", "en-UG", "en-UM", "en-US", "en-VC",
	"en-VG", "en-VI", "en-VU", "en-WS", "en-ZA", "en-ZM", "en-ZW", "eo",
	"eo-001", "es", "es-419", "es-AR", "es-BO", "es-BR", "es-BZ", "es-CL",
	"es-CO", "es-CR", "es-CU", "es-DO", "es-EA", "es-EC", "es-ES", "es-GQ",
	"es-GT", "es-HN", "es-IC", "es-MX", "es-NI", "es-PA", "es-PE", "es-PH",
	"es-PR", "es-PY", "es-SV", "es-US", "es-UY", "es-VE", "et", "et-EE",
	"eu", "eu-ES", "ewo", "ewo-CM", "fa", "fa-AF", "fa-IR", "ff",
	"ff-CM", "ff-GN", "ff-MR", "ff-SN", "fi", "fi-FI", "fil", "fil-PH",
	"fo", "fo-DK", "fo-FO", "fr", "fr-BE", "fr-BF", "fr-BI", "fr-BJ",
	"fr-BL", "fr-CA", "fr-CD", "fr-CF", "fr-CG", "fr-CH", "fr-CI", "fr-CM",
	"fr-DJ", "fr-DZ", "fr-FR", "fr-GA", "fr-GF", "fr-GN", "fr-GP", "fr-GQ",
	"fr-HT", "fr-KM", "fr-LU", "fr-MA", "fr-MC", "fr-MF", "fr-MG", "fr-ML",
	"fr-MQ", "fr-MR", "fr-MU", "fr-NC", "fr-NE", "fr-PF", "fr-PM", "fr-RE",
	"fr-RW", "fr-SC", "fr-SN", "fr-SY", "fr-TD", "fr-TG", "fr-TN", "fr-VU",
	"fr-WF", "fr-YT", "fur", "fur-IT", "fy", "fy-NL", "ga", "ga-IE",
	"gd", "gd-GB", "gl", "gl-ES", "gsw", "gsw-CH", "gsw-FR", "gsw-LI",
	"gu", "gu-IN", "guw", "guz", "guz-KE", "gv", "gv-IM", "ha",
	"ha-GH", "ha-NE", "ha-NG", "haw", "haw-US", "he", "he-IL", "hi",
	"hi-IN", "hr", "hr-BA", "hr-HR", "hsb", "hsb-DE", "hu", "hu-HU",
	"hy", "hy-AM", "id", "id-ID", "ig", "ig-NG", "ii", "ii-CN",
	"in", "io", "is", "is-IS", "it", "it-CH", "it-IT", "it-SM",
	"it-VA", "iu", "iw", "ja", "ja-JP", "jbo", "jgo", "jgo-CM",
	"ji", "jmc", "jmc-TZ", "jv", "jw", "ka", "ka-GE", "kab",
	"kab-DZ", "kaj", "kam", "kam-KE", "kcg", "kde", "kde-TZ", "kea",
	"kea-CV", "khq", "khq-ML", "ki", "ki-KE", "kk", "kk-KZ", "kkj",
	"kkj-CM", "kl", "kl-GL", "kln", "kln-KE", "km", "km-KH", "kn",
	"kn-IN", "ko", "ko-KP", "ko-KR", "kok", "kok-IN", "ks", "ks-IN",
	"ksb", "ksb-TZ", "ksf", "ksf-CM", "ksh", "ksh-DE", "ku", "kw",
	"kw-GB", "ky", "ky-KG", "lag", "lag-TZ", "lb", "lb-LU", "lg",
	"lg-UG", "lkt", "lkt-US", "ln", "ln-AO", "ln-CD", "ln-CF", "ln-CG",
	"lo", "lo-LA", "lrc", "lrc-IQ", "lrc-IR", "lt", "lt-LT", "lu",
	"lu-CD", "luo", "luo-KE", "luy", "luy-KE", "lv", "lv-LV", "mas",
	"mas-KE", "mas-TZ", "mer", "mer-KE", "mfe", "mfe-MU", "mg", "mg-MG",
	"mgh", "mgh-MZ", "mgo", "mgo-CM", "mk", "mk-MK", "ml", "ml-IN",
	"mn", "mn-MN", "mo", "mr", "mr-IN", "ms", "ms-BN", "ms-MY",
	"ms-SG", "mt", "mt-MT", "mua", "mua-CM", "my", "my-MM", "mzn",
	"mzn-IR", "nah", "naq", "naq-NA", "nb", "nb-NO", "nb-SJ", "nd",
	"nd-ZW", "nds", "nds-DE", "nds-NL", "ne", "ne-IN", "ne-NP", "nl",
	"nl-AW", "nl-BE", "nl-BQ", "nl-CW", "nl-NL", "nl-SR", "nl-SX", "nmg",
	"nmg-CM", "nn", "nn-NO", "nnh", "nnh-CM", "no", "nqo", "nr",
	"nso", "nus", "nus-SS", "ny", "nyn", "nyn-UG", "om", "om-ET",
	"om-KE", "or", "or-IN", "os", "os-GE", "os-RU", "pa", "pa-Arab",
	"pa-Arab-PK", "pa-Guru", "pa-Guru-IN", "pap", "pl", "pl-PL", "prg", "prg-001",
	"ps", "ps-AF", "pt", "pt-AO", "pt-BR", "pt-CH", "pt-CV", "pt-GQ",
	"pt-GW", "pt-LU", "pt-MO", "pt-MZ", "pt-PT", "pt-ST", "pt-TL", "qu",
	"qu-BO", "qu-EC", "qu-PE", "rm", "rm-CH", "rn", "rn-BI", "ro",
	"ro-MD", "ro-RO", "rof", "rof-TZ", "ru", "ru-BY", "ru-KG", "ru-KZ",
	"ru-MD", "ru-RU", "ru-UA", "rw", "rw-RW", "rwk", "rwk-TZ", "sah",
	"sah-RU", "saq", "saq-KE", "sbp", "sbp-TZ", "sd", "sd-PK", "sdh",
	"se", "se-FI", "se-NO", "se-SE", "seh", "seh-MZ", "ses", "ses-ML",
	"sg", "sg-CF", "sh", "shi", "shi-Latn", "shi-Latn-MA", "shi-Tfng", "shi-Tfng-MA",
	"si", "si-LK", "sk", "sk-SK", "sl", "sl-SI", "sma", "smi",
	"smj", "smn", "smn-FI", "sms", "sn", "sn-ZW", "so", "so-DJ",
	"so-ET", "so-KE", "so-SO", "sq", "sq-AL", "sq-MK", "sq-XK", "sr",
	"sr-Cyrl", "sr-Cyrl-BA", "sr-Cyrl-ME", "sr-Cyrl-RS", "sr-Cyrl-XK", "sr-Latn", "sr-Latn-BA", "sr-Latn-ME",
	"sr-Latn-RS", "sr-Latn-XK", "ss", "ssy", "st", "sv", "sv-AX", "sv-FI",
	"sv-SE", "sw", "sw-CD", "sw-KE", "sw-TZ", "sw-UG", "syr", "ta",
	"ta-IN", "ta-LK", "ta-MY", "ta-SG", "te", "te-IN", "teo", "teo-KE",
	"teo-UG", "tg", "tg-TJ", "th", "th-TH", "ti", "ti-ER", "ti-ET",
	"tig", "tk", "tk-TM", "tl", "tn", "to", "to-TO", "tr",
	"tr-CY", "tr-TR", "ts", "tt", "tt-RU", "twq", "twq-NE", "tzm",
	"tzm-MA", "ug", "ug-CN", "uk", "uk-UA", "ur", "ur-IN", "ur-PK",
	"uz", "uz-Arab", "uz-Arab-AF", "uz-Cyrl", "uz-Cyrl-UZ", "uz-Latn", "uz-Latn-UZ", "vai",
	"vai-Latn", "vai-Latn-LR", "vai-Vaii", "vai-Vaii-LR", "ve", "vi", "vi-VN", "vo",
	"vo-001", "vun", "vun-TZ", "wa", "wae", "wae-CH", "wo", "wo-SN",
	"xh", "xog", "xog-UG", "yav", "yav-CM", "yi", "yi-001", "yo",
	"yo-BJ", "yo-NG", "yue", "yue-Hans", "yue-Hans-CN", "yue-Hant", "yue-Hant-HK", "zgh",
	"zgh-MA", "zh", "zh-Hans", "zh-Hans-CN", "zh-Hans-HK", "zh-Hans-MO", "zh-Hans-SG", "zh-Hant",
	"zh-Hant-HK", "zh-Hant-MO", "zh-Hant-TW", "zu", "zu-ZA", "ca-ES-valencia", "en-US-u-va-posix",
}
