package data

import (
	"sort"
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
