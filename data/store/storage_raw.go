package store

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// RawStorage is a Storage that can also hand over a stored value as the
// exact text it was stored as. Unknot needs it to copy damaged data aside
// byte for byte before anything writes: a value that no longer decodes as
// JSON cannot be read back through Get. MemoryStorage implements it; over
// localStorage it is getItem, setItem and key/length, untouched by JSON.
type RawStorage interface {
	Storage
	// GetRaw returns the text stored under k, and false when k is absent.
	GetRaw(k string) (string, bool)
	// SetRaw stores v under k as it is; it fails when the store is full.
	SetRaw(k, v string) error
	// Keys lists every key in the store, in no particular order.
	Keys() []string
}

// GetRaw implements RawStorage.
func (m *MemoryStorage) GetRaw(k string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.data[k]
	return string(b), ok
}

// SetRaw implements RawStorage. Like Set, it fails with ErrQuota when Limit
// would be passed.
func (m *MemoryStorage) SetRaw(k, v string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Limit > 0 && m.size()-len(m.data[k])+len(v) > m.Limit {
		return ErrQuota
	}
	if m.data == nil {
		m.data = map[string][]byte{}
	}
	m.data[k] = []byte(v)
	return nil
}

// Keys implements RawStorage; the keys come sorted.
func (m *MemoryStorage) Keys() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.data))
	for k := range m.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// KeysWithPrefix returns the keys of st that start with prefix, sorted. A
// Storage that is not a RawStorage cannot list its keys and gives none.
func KeysWithPrefix(st Storage, prefix string) []string {
	rs, ok := st.(RawStorage)
	if !ok {
		return nil
	}
	var out []string
	for _, k := range rs.Keys() {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// RawCopier is a RawStorage that copies and compares stored text where it
// is kept. Text read out of localStorage into Go is UTF-8, which cannot
// hold every JavaScript string (a lone surrogate becomes U+FFFD), so a copy
// that went through Go would not be the text stored. Copies of damaged data
// go through a RawCopier when the store is one.
type RawCopier interface {
	RawStorage
	// CopyRaw stores the text under src under dst as well, exactly; it
	// fails when src is absent or the store is full.
	CopyRaw(dst, src string) error
	// SameRaw reports whether a and b both hold text, the same text.
	SameRaw(a, b string) bool
}

// CopyRaw implements RawCopier.
func (m *MemoryStorage) CopyRaw(dst, src string) error {
	v, ok := m.GetRaw(src)
	if !ok {
		return fmt.Errorf("nothing is stored under %s", src)
	}
	return m.SetRaw(dst, v)
}

// SameRaw implements RawCopier.
func (m *MemoryStorage) SameRaw(a, b string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	va, okA := m.data[a]
	vb, okB := m.data[b]
	return okA && okB && string(va) == string(vb)
}

// copyRaw stores the text under src under dst too, exactly when st is a
// RawCopier.
func copyRaw(st RawStorage, dst, src string) error {
	if c, ok := st.(RawCopier); ok {
		return c.CopyRaw(dst, src)
	}
	v, ok := st.GetRaw(src)
	if !ok {
		return fmt.Errorf("nothing is stored under %s", src)
	}
	return st.SetRaw(dst, v)
}

// sameText reports whether a and b hold the same text, exactly when st is a
// RawCopier.
func sameText(st RawStorage, a, b string) bool {
	if c, ok := st.(RawCopier); ok {
		return c.SameRaw(a, b)
	}
	va, okA := st.GetRaw(a)
	vb, okB := st.GetRaw(b)
	return okA && okB && va == vb
}

// keepAside copies the text under src to the first free key of base,
// base.2, base.3 and so on, unless one of them already holds exactly that
// text, and returns the key. Each damaged text is kept once, and a new
// damage never replaces an older copy.
func keepAside(st Storage, src, base string) (string, error) {
	rs, ok := st.(RawStorage)
	if !ok {
		return "", errors.New("this storage cannot copy raw text")
	}
	for i := 1; ; i++ {
		key := base
		if i > 1 {
			key = base + "." + strconv.Itoa(i)
		}
		if _, taken := rs.GetRaw(key); !taken {
			return key, copyRaw(rs, key, src)
		}
		if sameText(rs, key, src) {
			return key, nil
		}
	}
}

// hasKeys reports whether st holds any key that starts with prefix.
func hasKeys(st Storage, prefix string) bool { return len(KeysWithPrefix(st, prefix)) > 0 }
