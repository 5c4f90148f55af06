package cli

import (
	"bufio"
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

// streamFile opens the input and output paths ("" and "-" are the standard
// streams), runs fn over them with the output buffered, and flushes and closes
// the output, reporting the first error.
func streamFile(env *Env, in, out string, fn func(io.Reader, *bufio.Writer) error) error {
	r, err := openIn(env, in)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := openOut(env, out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	err = fn(r, bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}
