package grpcerr_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
)

// recordingConn keeps every byte the client reads: what the server sent, as sent.
type recordingConn struct {
	net.Conn
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *recordingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.buf.Write(p[:n])
	c.mu.Unlock()
	return n, err
}

func (c *recordingConn) bytes() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return bytes.Clone(c.buf.Bytes())
}

// wireTexts returns what a client could read of the server's bytes: the raw bytes,
// every HTTP/2 header field decoded from HPACK (Huffman coding undone), each binary
// header ("-bin") decoded from base64, and every DATA payload.
func wireTexts(t *testing.T, raw []byte) []string {
	t.Helper()
	texts := []string{string(raw)}
	fr := http2.NewFramer(io.Discard, bytes.NewReader(raw))
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	fr.MaxHeaderListSize = 1 << 20
	frames := 0
	for {
		f, err := fr.ReadFrame()
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading HTTP/2 frames: %v", err)
		}
		frames++
		switch f := f.(type) {
		case *http2.MetaHeadersFrame:
			for _, h := range f.Fields {
				texts = append(texts, h.Name+": "+h.Value)
				if strings.HasSuffix(h.Name, "-bin") {
					b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(h.Value, "="))
					if err != nil {
						t.Fatalf("header %s is not base64: %v", h.Name, err)
					}
					texts = append(texts, string(b))
				}
			}
		case *http2.DataFrame:
			texts = append(texts, string(f.Data()))
		}
	}
	if frames == 0 {
		t.Fatal("no HTTP/2 frames recorded")
	}
	return texts
}

// assertNoSecret fails when secret is anywhere in texts.
func assertNoSecret(t *testing.T, texts []string, secret string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(s, secret) {
			t.Errorf("the server sent the secret %q: in %q", secret, s)
		}
	}
}
