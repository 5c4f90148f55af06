package cli

import (
	"io"
	"os"
)

// openIn opens path for reading; "" and "-" mean standard input.
func openIn(env *Env, path string) (io.ReadCloser, error) {
	if path == "" || path == "-" {
		return io.NopCloser(env.Stdin), nil
	}
	return os.Open(path)
}

// nopWriteCloser lets standard output be closed without closing it.
type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// openOut opens path for writing; "" and "-" mean standard output.
func openOut(env *Env, path string) (io.WriteCloser, error) {
	if path == "" || path == "-" {
		return nopWriteCloser{env.Stdout}, nil
	}
	return os.Create(path)
}
