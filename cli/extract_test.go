package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
)

// runCLI runs masar with args and stdin and returns stdout, stderr and the
// exit status.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestExtractKeepsEveryLineInOrder(t *testing.T) {
	huge := strings.Repeat("قال المتحدث إن المحادثات مستمرة في جنيف. ", 20<<20/80) // about 20 MB
	lines := []struct {
		raw     string
		id      string
		wantErr bool
	}{
		{`{"id":"a1","text":"التقى لافروف نظيره التركي في موسكو.","published":"2017-07-06"}`, "a1", false},
		{`not json at all`, "", true},
		{`{"id":"no-text"}`, "no-text", true},
		{``, "", true},
		{"{\"id\":\"bad-utf8\",\"text\":\"\xff\xfe\xfd روسيا\"}", "bad-utf8", false},
		{"\x00\x01\x02\x03binary\x00", "", true},
		{`{"id":"spaces","text":"   \n\t "}`, "spaces", false},
		{`{"id":"english","text":"The talks in Geneva ended on Friday."}`, "english", false},
		{`{"id":7,"text":"نص قصير"}`, "7", false},
		{`["an","array"]`, "", true},
		{`{"id":"huge","text":"` + huge + `"}`, "huge", true}, // over the per-article limit
		{`{"id":"last","text":"أعلنت روسيا وقف إطلاق النار."}`, "last", false},
	}
	var in strings.Builder
	for _, l := range lines {
		in.WriteString(l.raw + "\n")
	}
	stdout, stderr, code := runCLI(t, in.String(), "extract")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	got := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d output lines for %d input lines", len(got), len(lines))
	}
	for i, l := range lines {
		var res article.Result
		if err := json.Unmarshal([]byte(got[i]), &res); err != nil {
			t.Fatalf("line %d: output is not JSON: %v", i+1, err)
		}
		if res.ID != l.id {
			t.Errorf("line %d: id %q, want %q", i+1, res.ID, l.id)
		}
		if (res.Error != "") != l.wantErr {
			t.Errorf("line %d: error %q, want error: %v", i+1, res.Error, l.wantErr)
		}
		if res.Error != "" && res.Line != i+1 {
			t.Errorf("line %d: error result names line %d", i+1, res.Line)
		}
		if res.Events == nil || res.Quotes == nil || res.Entities == nil || res.Timexes == nil {
			t.Errorf("line %d: required arrays must be present, even empty: %s", i+1, got[i][:min(len(got[i]), 200)])
		}
	}
}

func TestExtractFiles(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := runCLI(t, "", "extract", "--in", dir+"/missing.jsonl")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "missing.jsonl") {
		t.Errorf("missing input: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runCLI(t, "", "extract", "--bogus")
	if code != 2 {
		t.Errorf("unknown flag: exit %d, want 2 (stderr %q)", code, stderr)
	}
	out := dir + "/out.jsonl"
	_, stderr, code = runCLI(t, `{"id":"x","text":"عقد اجتماع في جنيف يوم الخميس."}`+"\n", "extract", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}
