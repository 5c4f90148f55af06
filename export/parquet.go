package export

import (
	"io"

	"github.com/parquet-go/parquet-go"
)

// parquetBatch is how many rows are buffered before they go to the writer.
const parquetBatch = 1024

// parquetSink writes Records as Parquet rows (schema: Record's parquet tags).
type parquetSink struct {
	w   *parquet.GenericWriter[Record]
	buf []Record
}

func newParquet(w io.Writer) *parquetSink {
	return &parquetSink{w: parquet.NewGenericWriter[Record](w, parquet.Compression(&parquet.Snappy)),
		buf: make([]Record, 0, parquetBatch)}
}

func (p *parquetSink) add(r Record) error {
	p.buf = append(p.buf, r)
	if len(p.buf) == parquetBatch {
		return p.flush()
	}
	return nil
}

func (p *parquetSink) flush() error {
	_, err := p.w.Write(p.buf)
	p.buf = p.buf[:0]
	return err
}

func (p *parquetSink) close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

// ReadParquet reads back the Records of a Parquet export.
func ReadParquet(r io.ReaderAt, size int64) ([]Record, error) {
	return parquet.Read[Record](r, size)
}
