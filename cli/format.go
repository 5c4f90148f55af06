package cli

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Output formats of the query commands.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// formatFlag adds --format; checkFormat validates its value after parsing.
func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", formatTable, "output: table (aligned, for reading), json or csv")
}

func checkFormat(f string) error {
	switch f {
	case formatTable, formatJSON, formatCSV:
		return nil
	}
	return usageError("--format %q: want table, json or csv", f)
}

// writeRows writes a result in the chosen format: a table or CSV of header and
// rows, or items (a slice of JSON-tagged values) as a JSON array with one
// element per line.
func writeRows(w io.Writer, format string, header []string, rows [][]string, items any) error {
	switch format {
	case formatJSON:
		return writeJSONArray(w, items)
	case formatCSV:
		cw := csv.NewWriter(w)
		cw.Write(header)
		cw.WriteAll(rows)
		return cw.Error()
	}
	return writeTable(w, header, rows)
}

func writeJSONArray(w io.Writer, items any) error {
	b, err := json.Marshal(items)
	if err != nil {
		return err
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(b, &elems); err != nil {
		return err
	}
	if len(elems) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	var sb strings.Builder
	for i, e := range elems {
		if i == 0 {
			sb.WriteString("[")
		} else {
			sb.WriteString(",\n ")
		}
		sb.Write(e)
	}
	sb.WriteString("]\n")
	_, err = io.WriteString(w, sb.String())
	return err
}

// maxCell is the widest a table cell may be before it is cut with "…".
const maxCell = 70

// writeTable aligns columns by display width. A cell holding right-to-left
// text is wrapped in a first-strong isolate (FSI … PDI), so that a terminal
// applying the bidi algorithm keeps Arabic inside its column instead of
// reordering it with its neighbours.
func writeTable(w io.Writer, header []string, rows [][]string) error {
	cells := make([][]string, 0, len(rows)+1)
	cells = append(cells, header)
	for _, r := range rows {
		c := make([]string, len(r))
		for i, v := range r {
			c[i] = cut(strings.Join(strings.Fields(v), " "), maxCell)
		}
		cells = append(cells, c)
	}
	widths := make([]int, len(header))
	for _, r := range cells {
		for i, v := range r {
			widths[i] = max(widths[i], displayWidth(v))
		}
	}
	var b strings.Builder
	for _, r := range cells {
		for i, v := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			if hasRTL(v) {
				b.WriteString("\u2068" + v + "\u2069")
			} else {
				b.WriteString(v)
			}
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(v)))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth counts the runes that take a column: combining marks (Arabic
// harakat) and format characters take none.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			n++
		}
	}
	return n
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func hasRTL(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) {
			return true
		}
	}
	return false
}

// footer tells a table reader how much of the result was shown.
func footer(w io.Writer, format string, shown, total int) {
	if format == formatTable && total > shown {
		fmt.Fprintf(w, "(%d of %d shown; use --limit and --offset for more)\n", shown, total)
	}
}
