package cli

import (
	"bytes"
	"strings"
	"testing"
)

var validTags = map[string]bool{"O": true, "B-PERS": true, "I-PERS": true, "B-LOC": true, "I-LOC": true,
	"B-ORG": true, "I-ORG": true, "B-MISC": true, "I-MISC": true}

// splitLines splits s after each "\n", keeping a last line without one.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func TestNERConllKeepsEveryLine(t *testing.T) {
	huge := strings.Repeat("ب", 5<<20) // 10 MB of UTF-8
	tests := []struct {
		name, in string
		huge     int // index of a line that must be tagged O, or -1
	}{
		{"sentences and blank lines", "زار O\nالرئيس O\nدمشق B-LOC\n\n\nقال O\nسمير B-PERS\n", -1},
		{"extra columns and tabs", "زار\tVERB\tO\nعمان  NOUN B-LOC\n", -1},
		{"whitespace-only line is a boundary", "زار\n   \n\t\nالقاهرة\n", -1},
		{"CRLF endings", "زار O\r\nبيروت B-LOC\r\n\r\n", -1},
		{"last line without newline", "وصل O\nوزير O\nالخارجية O", -1},
		{"huge line inside a sentence", "وصل\n" + huge + " B-PERS\nإلى\nتونس\n", 1},
		{"huge line at the end", "وصل\n" + huge, 1},
		{"huge blank line is a boundary", "وصل\n" + strings.Repeat(" ", 1<<20) + "\nإلى\n", -1},
		{"only blank lines", "\n\n\n", -1},
		{"empty input", "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Main([]string{"ner", "--conll"}, strings.NewReader(tt.in), &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if tt.in == "" {
				if out.Len() != 0 {
					t.Fatalf("output %q for empty input", out.String())
				}
				return
			}
			in, got := splitLines(tt.in), splitLines(out.String())
			if len(in) != len(got) {
				t.Fatalf("%d input lines, %d output lines", len(in), len(got))
			}
			for i := range in {
				body := strings.TrimRight(in[i], "\r\n")
				eol := in[i][len(body):]
				if eol == "" {
					eol = "\n"
				}
				if strings.TrimSpace(body) == "" {
					if got[i] != in[i] {
						t.Errorf("line %d: blank line %q became %q", i, in[i], got[i])
					}
					continue
				}
				if !strings.HasPrefix(got[i], body+" ") || !strings.HasSuffix(got[i], eol) {
					t.Errorf("line %d: %.40q does not extend %.40q", i, got[i], body)
					continue
				}
				tag := strings.TrimSuffix(got[i][len(body)+1:], eol)
				if !validTags[tag] {
					t.Errorf("line %d: bad tag %q", i, tag)
				}
				if i == tt.huge && tag != "O" {
					t.Errorf("huge line tagged %q, want O", tag)
				}
			}
		})
	}
}

func TestNERPlainText(t *testing.T) {
	var out, errb bytes.Buffer
	in := "استقبل الرئيس المصري في القاهرة وزير الخارجية الأردني أيمن الصفدي."
	if code := Main([]string{"ner"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if line != "" && !strings.HasPrefix(line, `{"text":`) {
			t.Errorf("not an entity line: %q", line)
		}
	}
	if code := Main([]string{"ner", "extra"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("unexpected argument: exit %d, want 2", code)
	}
}
