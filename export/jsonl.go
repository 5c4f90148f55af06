package export

import (
	"bufio"
	"encoding/json"
	"io"
)

// jsonl writes PLOVER JSON Lines: one Record per line.
type jsonl struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func newJSONL(w io.Writer) *jsonl {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // URLs with & stay readable
	return &jsonl{bw: bw, enc: enc}
}

func (j *jsonl) add(r Record) error { return j.enc.Encode(r) }

func (j *jsonl) close() error { return j.bw.Flush() }
