package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func readFixture(t testing.TB, name string) []Sentence {
	t.Helper()
	return readCoNLLFile(t, filepath.Join("testdata", name), false)
}

// readCoNLLFile reads a CoNLL file; a missing file under ../shared skips
// the test when skipMissing is set.
func readCoNLLFile(t testing.TB, path string, skipMissing bool) []Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		if skipMissing {
			t.Skipf("%s not available (%v); this check needs ../shared", path, err)
		}
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Sentence
		wantErr  bool
	}{
		{"two sentences", "زار O\nعمان B-LOC\n\nقال O\n",
			[]Sentence{{[]string{"زار", "عمان"}, []string{"O", "B-LOC"}}, {[]string{"قال"}, []string{"O"}}}, false},
		{"tabs, extra columns, tag last", "سعيد\tNNP\tB-PERS\r\n\n\n\nالحسن x I-PERS", []Sentence{{[]string{"سعيد"}, []string{"B-PERS"}}, {[]string{"الحسن"}, []string{"I-PERS"}}}, false},
		{"token without tag is O", "كلمة\n", []Sentence{{[]string{"كلمة"}, []string{"O"}}}, false},
		{"whitespace-only line separates", "أ O\n   \nب O\n", []Sentence{{[]string{"أ"}, []string{"O"}}, {[]string{"ب"}, []string{"O"}}}, false},
		{"empty input", "", nil, false},
		{"unknown tag", "كلمة B-FOO\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRepairTags(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"O", "I-PERS", "I-PERS"}, []string{"O", "B-PERS", "I-PERS"}},
		{[]string{"I-LOC"}, []string{"B-LOC"}},
		{[]string{"B-ORG", "I-LOC", "I-LOC"}, []string{"B-ORG", "B-LOC", "I-LOC"}},
		{[]string{"B-MISC", "I-MISC", "O"}, []string{"B-MISC", "I-MISC", "O"}},
	}
	for _, tt := range tests {
		ids := make([]int, len(tt.in))
		for i, s := range tt.in {
			ids[i] = tagID(s)
		}
		repairTags(ids)
		got := make([]string, len(ids))
		for i, id := range ids {
			got[i] = tagNames[id]
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("repairTags(%v) = %v, want %v", tt.in, got, tt.want)
		}
		// conlleval reads the raw and the repaired tags as the same entities
		if !reflect.DeepEqual(spans(tt.in), spans(got)) {
			t.Errorf("spans differ: %v vs %v", spans(tt.in), spans(got))
		}
	}
}

func TestSpans(t *testing.T) {
	tags := []string{"B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG", "I-ORG"}
	want := []span{{0, 2, "PERS"}, {3, 4, "LOC"}, {4, 5, "LOC"}, {5, 7, "ORG"}}
	if got := spans(tags); !reflect.DeepEqual(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
}

// trainTiny trains on the fixture repeated once per jackknife fold, so that
// each fold's first stage has seen every sentence, as in a real corpus where
// the patterns recur.
func trainTiny(t testing.TB) (*Model, []Sentence) {
	t.Helper()
	data := readFixture(t, "tiny.conll")
	var rep []Sentence
	for range jackknifeFolds {
		rep = append(rep, data...)
	}
	m, err := Train(rep, nil, TrainOptions{Epochs: 8, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	return m, data
}

func TestTrainLearnsFixture(t *testing.T) {
	m, data := trainTiny(t)
	var rep []Sentence
	for range jackknifeFolds {
		rep = append(rep, data...)
	}
	// an average of several perceptrons learns the data too
	m2, err := Train(rep, data, TrainOptions{Epochs: 8, Seed: 7, Members: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range data {
		if got := m.Tag(s.Tokens); !reflect.DeepEqual(got, s.Tags) {
			t.Errorf("Tag(%v)\n got %v\nwant %v", s.Tokens, got, s.Tags)
		}
		if got := m2.Tag(s.Tokens); !reflect.DeepEqual(got, s.Tags) {
			t.Errorf("3 members: Tag(%v)\n got %v\nwant %v", s.Tokens, got, s.Tags)
		}
	}
	if _, err := Train(nil, nil, TrainOptions{Epochs: 1}); err == nil {
		t.Error("Train without sentences: want an error")
	}
	if _, err := Train(data, nil, TrainOptions{}); err == nil {
		t.Error("Train with 0 epochs: want an error")
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, data := trainTiny(t)
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Info != m.Info {
		t.Errorf("Info %q, want %q", m2.Info, m.Info)
	}
	if len(m.memory.list) == 0 || !reflect.DeepEqual(m2.memory.list, m.memory.list) {
		t.Errorf("loaded memory %v, want %v (non-empty)", m2.memory.list, m.memory.list)
	}
	for _, s := range data {
		toks := append(s.Tokens, "كلمة", "جديدة")
		if x, y := m.Tag(toks), m2.Tag(toks); !reflect.DeepEqual(x, y) {
			t.Errorf("loaded model tags %v, original %v", y, x)
		}
	}
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Save(Load(Save(m))) differs from Save(m)")
	}
}

func TestTrainDeterministic(t *testing.T) {
	var out [2]bytes.Buffer
	for i := range out {
		m, _ := trainTiny(t)
		if err := m.Save(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two trainings with the same options differ")
	}
}

// TestTrainingMemoryIsJackknifed checks that a training sentence sees the
// entities of the other folds in its memory bits, never its own, and that
// an entity mostly seen as plain words is remembered as ambiguous.
func TestTrainingMemoryIsJackknifed(t *testing.T) {
	lx, err := getLexicon()
	if err != nil {
		t.Fatal(err)
	}
	data := make([]Sentence, 2*jackknifeFolds)
	for i := range data {
		data[i] = Sentence{Tokens: []string{"قال", "فلان", "اليوم"}, Tags: []string{"O", "O", "O"}}
	}
	data[0] = Sentence{Tokens: []string{"قال", "زرقاوي", "اليوم"}, Tags: []string{"O", "B-PERS", "O"}}
	data[5] = Sentence{Tokens: []string{"قال", "زرقاوي", "اليوم"}, Tags: []string{"O", "O", "O"}}
	data[7] = data[5]
	samples, _, memory := prepare(lx, data)
	pers := uint16(1) << (2 * indexOf(gazClasses, "PERS"))
	if got := samples[0].infos[1].memory; got != 0 {
		t.Errorf("own entity: memory bits %b, want none", got)
	}
	if got := samples[5].infos[1].memory; got != pers {
		t.Errorf("entity of another fold: memory bits %b, want %b", got, pers)
	}
	if got := samples[7].infos[1].memory; got != pers {
		t.Errorf("entity of another fold: memory bits %b, want %b", got, pers)
	}
	ambiguous := indexOf(gazTypes, "PERS") + len(gazTypes) // named once, written three times
	if want := []gazPhrase{{[]string{"زرقاوي"}, ambiguous}}; !reflect.DeepEqual(memory.list, want) {
		t.Errorf("model memory %v, want %v", memory.list, want)
	}
}

func TestMarkTopic(t *testing.T) {
	lx, err := getLexicon()
	if err != nil {
		t.Fatal(err)
	}
	sport := uint8(1) << indexOf(triggerClasses, "SPORT")
	for _, tc := range []struct {
		sentence string
		want     uint8
	}{
		{"فاز الفريق في المباراة على ضيفه", sport},
		{"اجتمع الوزير بنظيره في العاصمة", 0},
	} {
		toks := strings.Fields(tc.sentence)
		infos := make([]tokInfo, len(toks))
		analyze(lx, nil, func(uint64) uint32 { return 0 }, toks, infos)
		for i, in := range infos {
			if in.topic != tc.want {
				t.Errorf("%q token %d: topic %b, want %b", tc.sentence, i, in.topic, tc.want)
			}
		}
	}
}

func TestCommonWordClass(t *testing.T) {
	lx, err := getLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"قال", true},
		{"والاجتماع", true}, // clitics stripped
		{"اجتماعهم", true},
		{"دمشق", false},
		{"الدولار", false}, // ANERcorp tags currencies MISC
		{"محمد", false},
	} {
		var in tokInfo
		analyzeWord(lx, tc.word, &in)
		if got := in.trig&wordTrigger != 0; got != tc.want {
			t.Errorf("%q: WORD %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestLoadRejectsBadInput(t *testing.T) {
	m, _ := trainTiny(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	full := buf.Bytes()
	for _, in := range [][]byte{nil, []byte("not gzip"), full[:len(full)/2]} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%d bytes): want an error", len(in))
		}
	}
}

func TestTagEdgeCases(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
	long := make([]string, 5000)
	for i := range long {
		long[i] = []string{"ذهب", "محمد", "إلى", "دمشق", "،", "123", "x"}[i%7]
	}
	tags := m.Tag(long)
	if len(tags) != len(long) {
		t.Fatalf("%d tags for %d tokens", len(tags), len(long))
	}
	prev := "O"
	for i, tg := range tags {
		if strings.HasPrefix(tg, "I-") && prev[1:] != tg[1:] {
			t.Fatalf("tag %d: %s after %s", i, tg, prev)
		}
		prev = tg
	}
	odd := []string{"", " ", "\x00", string([]byte{0xff, 0xfe}), strings.Repeat("ب", 10000)}
	if got := m.Tag(odd); len(got) != len(odd) {
		t.Errorf("Tag(odd tokens) gave %d tags", len(got))
	}
}

func TestEntitiesOffsets(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"استقبل الرئيس اللبناني ميشال عون في بيروت وزير الخارجية الفرنسي جان إيف لودريان.",
		"وقالت منظمة الصحة العالمية في جنيف إن الوباء انتشر في 12 دولة، منها مصر والأردن.\n\nوأعلن الاتحاد الأوروبي دعمه.",
		"",
		"🙂 كتب أحمد 🙂 رسالة إلى سارة من عمّان.",
	}
	for _, s := range texts {
		runes := []rune(s)
		for _, e := range m.Entities(s) {
			if e.Start < 0 || e.End > len(runes) || e.Start >= e.End {
				t.Fatalf("%q: bad span %+v", s, e)
			}
			if got := string(runes[e.Start:e.End]); got != e.Text {
				t.Errorf("%q: span %d:%d is %q, Text %q", s, e.Start, e.End, got, e.Text)
			}
			switch e.Type {
			case "PERS", "LOC", "ORG", "MISC":
			default:
				t.Errorf("bad type %q", e.Type)
			}
		}
	}
}

func TestLexiconParses(t *testing.T) {
	lx, err := getLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.trig) < 100 || len(lx.gaz) < 500 {
		t.Errorf("lexicon too small: %d triggers, %d gazetteer keys", len(lx.trig), len(lx.gaz))
	}
	for _, bad := range []string{"TITLE", "NOPE\tكلمة", "TITLE\t"} {
		if _, err := parseLexicon(bad, ""); err == nil {
			t.Errorf("parseLexicon(%q): want an error", bad)
		}
	}
	for _, bad := range []string{"PERSON	علي", "GIVEN", "LOC	"} {
		_, err := parseLexicon("", "", dataFile{"x.tsv", bad})
		if err == nil || !strings.Contains(err.Error(), "x.tsv") {
			t.Errorf("gazetteer %q: got error %v, want one naming x.tsv", bad, err)
		}
	}
}

// FuzzReadCoNLL checks that any input either fails cleanly or gives
// sentences with as many tags as tokens, all known and non-empty.
func FuzzReadCoNLL(f *testing.F) {
	f.Add("زار O\nعمان B-LOC\n\nقال O\n")
	f.Add("a\tb\tI-MISC\r\n  \n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) == 0 || len(s.Tokens) != len(s.Tags) {
				t.Fatalf("sentence %q", s)
			}
			for i, tok := range s.Tokens {
				if tok == "" || strings.ContainsAny(tok, " \t\n") {
					t.Fatalf("bad token %q", tok)
				}
				if s.Tags[i] != "O" && tagID(s.Tags[i]) == tagO {
					t.Fatalf("bad tag %q", s.Tags[i])
				}
			}
		}
	})
}

// FuzzEntities checks that entities of any text are exact code-point spans.
func FuzzEntities(f *testing.F) {
	f.Add("التقى محمد بن سلمان في الرياض.")
	f.Add("«قال» ، \u200f١٢٣ ﻻ")
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		runes := []rune(s)
		last := 0
		for _, e := range m.Entities(s) {
			if e.Start < last || e.End > len(runes) || e.Start >= e.End {
				t.Fatalf("bad span %+v in %q", e, s)
			}
			if string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("span %+v is %q", e, string(runes[e.Start:e.End]))
			}
			last = e.End
		}
	})
}

func TestTrigrams(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"اب", nil},
		{"ابت", []string{"ابت"}},
		{"كوناري", []string{"كون", "ونا", "نار", "اري"}},
	}
	for _, tt := range tests {
		got := trigrams(tt.in, nil)
		var want []uint64
		for _, w := range tt.want {
			want = append(want, strHash(w))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("trigrams(%q) = %v, want hashes of %q", tt.in, got, tt.want)
		}
	}
}

func TestTagConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := benchSentences()
	want := m.TagDocument(sents)
	done := make(chan [][]string)
	for range 4 {
		go func() { done <- m.TagDocument(sents) }()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Error("concurrent TagDocument gave different tags")
		}
	}
}

func TestMarkQuotes(t *testing.T) {
	tests := []struct {
		in   string
		want []uint8
	}{
		{`برنامج « صباح الخير » اليوم`, []uint8{0, 0, 1, 3, 0, 0}},
		{`رواية «الطريق» الشهيرة`, []uint8{0, 4, 0}},
		{`قال " إن الوضع صعب جدا ولا يحتمل أبدا "`, []uint8{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{`« غير مغلق`, []uint8{0, 0, 0}},
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.in)
		infos := make([]tokInfo, len(toks))
		markQuotes(toks, infos)
		got := make([]uint8, len(infos))
		for i := range infos {
			got[i] = infos[i].quote
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("markQuotes(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
