package store

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store/internal/jsonwire"
)

// The decoders of a compact history weighed against each other in
// docs/performance.md ("The history's decoder"), run on the same stored
// text in the same run: the hand-written one the app uses (decodeWire,
// with jsonwire's Reader), encoding/json decoding each list in one call and
// each record through its own UnmarshalJSON (decodeWireJSON), and, in a
// build with GOEXPERIMENT=jsonv2, jsontext's
// Decoder (decodeWireText, codecs_jsontext_test.go).
//
//	go test -run '^$' -bench Codecs -benchmem -count 10 ./data/store
//	GOEXPERIMENT=jsonv2 go test -run '^$' -bench Codecs -benchmem -count 10 ./data/store
//	GOOS=js GOARCH=wasm PATH=$PATH:$(go env GOROOT)/lib/wasm go test -run '^$' -bench Codecs -benchmem ./data/store

// codec is a decoder of a compact history's envelope.
type codec struct {
	name   string
	decode func(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error)
}

// codecs are the decoders weighed, the app's first.
var codecs = []codec{{"handwritten", decodeWire}, {"encodingjson", decodeWireJSON}}

// storedEnvelope returns the stored text of recs as the app writes it,
// split into its fields.
func storedEnvelope(tb testing.TB, recs []data.Record) (map[string]json.RawMessage, []byte) {
	tb.Helper()
	p, err := encodeWire(recs)
	if err != nil {
		tb.Fatal(err)
	}
	text := p.text()
	env, err := jsonwire.Object(text, maxEnvelopeFields)
	if err != nil {
		tb.Fatal(err)
	}
	return env, text
}

// codecInputs are the histories the decoders are weighed on: ten years of
// twice-daily sessions, as people keep them (notes, two zones, partial
// sessions, growing doses) and all alike.
func codecInputs(tb testing.TB) []struct {
	name string
	env  map[string]json.RawMessage
} {
	tb.Helper()
	out := []struct {
		name string
		env  map[string]json.RawMessage
	}{}
	for _, in := range []struct {
		name string
		recs []data.Record
	}{
		{"realistic", datatest.RealisticYears(tb, 7300)},
		{"alike", datatest.TenYears(tb, 7300)},
	} {
		env, _ := storedEnvelope(tb, in.recs)
		out = append(out, struct {
			name string
			env  map[string]json.RawMessage
		}{in.name, env})
	}
	return out
}

func TestCodecsReadTheSame(t *testing.T) {
	// Every decoder reads the samples of every compact schema and ten
	// years of sessions into the same records and deletions, and refuses
	// what the app's decoder refuses.
	envs := map[string]map[string]json.RawMessage{}
	for _, in := range codecInputs(t) {
		envs[in.name] = in.env
	}
	for _, name := range []string{"history-v2.json", "history-v3.json"} {
		raw, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if envs[name], err = jsonwire.Object(raw, maxEnvelopeFields); err != nil {
			t.Fatal(err)
		}
	}
	for name, env := range envs {
		schema := compactSchemaOf(env["schema"])
		want, wantDeleted, err := decodeWire(env, schema)
		if err != nil || len(want) == 0 {
			t.Fatalf("%s: the app's decoder read %d records, %v", name, len(want), err)
		}
		for _, c := range codecs[1:] {
			got, deleted, err := c.decode(env, schema)
			if err != nil || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(deleted, wantDeleted) {
				t.Errorf("%s, %s: got %d records, %v, want the %d the app's decoder reads", name, c.name, len(got), err, len(want))
			}
		}
	}
	v3, err := os.ReadFile("testdata/history-v3.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, damage := range []struct{ old, new string }{
		{`"Europe/London"`, `7`},
		{`1743233400000`, `"Sunday"`},
		{`1743233400000`, `1743233400000.5`},
		{`1743233400000`, `true`},
		{`"6f1c2a9e3b4d4e5f8a7b1c2d3e4f5a6b"`, `"6F1C2A9E3B4D4E5F8A7B1C2D3E4F5A6B"`},
		{`[0,1,2,3,4]`, `[0,1,2,3,9]`},
		{`[0,1,2,3,4]`, `[]`},
		{`[0,1,2,3,4]`, `null`},
		{`,5,3,`, `,5,11,`},
		{`,5,3,`, `,5,"3",`},
		{`"deleted":[`, `"deleted":[["9e8d7c6b5a4f4e3d8c2b1a0f9e8d7c6b",1],`},
	} {
		raw := strings.Replace(string(v3), damage.old, damage.new, 1)
		if raw == string(v3) {
			t.Fatalf("%s is not in the sample", damage.old)
		}
		env, err := jsonwire.Object([]byte(raw), maxEnvelopeFields)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range codecs {
			if _, _, err := c.decode(env, 3); err == nil {
				t.Errorf("%s with %s: %s read it, want it refused", damage.old, damage.new, c.name)
			}
		}
	}
}

// BenchmarkCodecs decodes ten years of stored history with each decoder,
// from the same fields of the same text. Besides the time it reports the
// process's processor time per decoding (cpu-ns/op), which another
// program on the machine slows less than the time.
func BenchmarkCodecs(b *testing.B) {
	for _, in := range codecInputs(b) {
		for _, c := range codecs {
			b.Run(in.name+"/"+c.name, func(b *testing.B) {
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					if recs, _, err := c.decode(in.env, 3); err != nil || len(recs) != 7300 {
						b.Fatalf("%d records, %v", len(recs), err)
					}
				}
				if used := cpuTime() - cpu; used > 0 {
					b.ReportMetric(float64(used)/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}

// BenchmarkCodecsSplit splits the same stored text into its fields, as
// every decoder's input is, for comparison.
func BenchmarkCodecsSplit(b *testing.B) {
	_, text := storedEnvelope(b, datatest.RealisticYears(b, 7300))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonwire.Object(text, maxEnvelopeFields); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the processor time the process has used, 0 where it cannot
// be read.
var cpuTime = func() time.Duration { return 0 }
