package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrainNERReproducible(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join("..", "ner", "testdata", "tiny.conll")
	var outs [2][]byte
	for i := range outs {
		path := filepath.Join(dir, "m"+string(rune('a'+i))+".bin.gz")
		var stdout, stderr bytes.Buffer
		args := []string{"train", "ner", "--train", fixture, "--dev", fixture, "--out", path, "--epochs", "3", "--seed", "5"}
		if code := Main(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "epoch 1") {
			t.Errorf("no progress on stderr: %q", stderr.String())
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = b
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs of the same command wrote different models")
	}
}

func TestTrainUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train"},
		{"train", "tagger"},
		{"train", "ner"},
		{"train", "ner", "--train", "x.conll"},
	} {
		var stdout, stderr bytes.Buffer
		if code := Main(args, strings.NewReader(""), &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	args := []string{"train", "ner", "--train", filepath.Join(t.TempDir(), "missing"), "--out", "-"}
	if code := Main(args, strings.NewReader(""), &stdout, &stderr); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}
