package store

import (
	"encoding/json"
	"errors"
	"sync"
)

// Storage is the key-value store Unknot keeps its data in. Values are
// encoded as JSON. go-app's BrowserStorage (localStorage) satisfies it as it
// is; MemoryStorage is for tests and for running outside a browser.
type Storage interface {
	// Set stores v under key k; it fails when v cannot be encoded or the
	// store is full.
	Set(k string, v any) error
	// Get decodes the value under k into v. A missing key leaves v
	// untouched and returns nil; a value that does not decode into v is an
	// error.
	Get(k string, v any) error
	// Del removes k.
	Del(k string)
}

// MemoryStorage is a Storage held in memory. Its zero value is ready to use
// and it is safe for concurrent use.
type MemoryStorage struct {
	mu   sync.Mutex
	data map[string][]byte
	// Limit, when above zero, is the number of bytes the store holds
	// before Set fails as a full browser store would.
	Limit int
}

// ErrQuota is returned by MemoryStorage.Set when its Limit would be passed.
var ErrQuota = errors.New("storage is full")

// Set implements Storage.
func (m *MemoryStorage) Set(k string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Limit > 0 && m.size()-len(m.data[k])+len(b) > m.Limit {
		return ErrQuota
	}
	if m.data == nil {
		m.data = map[string][]byte{}
	}
	m.data[k] = b
	return nil
}

// size is the number of value bytes held; the caller holds mu.
func (m *MemoryStorage) size() int {
	n := 0
	for _, b := range m.data {
		n += len(b)
	}
	return n
}

// Get implements Storage.
func (m *MemoryStorage) Get(k string, v any) error {
	m.mu.Lock()
	b, ok := m.data[k]
	m.mu.Unlock()
	if !ok {
		return nil
	}
	return json.Unmarshal(b, v)
}

// Del implements Storage.
func (m *MemoryStorage) Del(k string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.data, k)
}
