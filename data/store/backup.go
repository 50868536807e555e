package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// The identity of a backup file. Version 2 added the sessions deleted
// (Backup.Deleted) and the edit time of each session's answers
// (Record.Edited); files of version 1 are still read, as having neither.
const (
	BackupType    = "unknot-backup"
	BackupVersion = 2
)

// Limits on a backup file, checked before and while it is read.

// backupFields are the fields of a backup file.
var backupFields = []string{"type", "version", "exportedAt", "settings", "routines", "records", "deleted"}

const (
	// MaxBackupBytes is the largest backup file read, in bytes. Ten years
	// of twice-daily sessions take about 6 MB, more than the browser
	// would even store, so a real backup stays well under it.
	MaxBackupBytes = 16 << 20
	// MaxRecords is the most sessions a backup may hold.
	MaxRecords = 100_000
	// MaxRoutines is the most custom routines a backup may hold.
	MaxRoutines = 100
)

// Backup is everything Unknot keeps, as written to a backup file.
type Backup struct {
	// Type is always BackupType; Version is BackupVersion, or 1 for a file
	// of version 1.
	Type    string `json:"type"`
	Version int    `json:"version"`
	// ExportedAt is the instant the backup was made, in UTC.
	ExportedAt time.Time     `json:"exportedAt"`
	Settings   data.Settings `json:"settings"`
	// Routines are the person's own routines; there may be none.
	Routines []data.Routine `json:"routines"`
	// Records are the sessions, sorted by Start.
	Records []data.Record `json:"records"`
	// Deleted are the sessions deleted lately, oldest first, so that an
	// import does not bring them back; none of them is in Records.
	Deleted []Tombstone `json:"deleted"`
}

// NewBackup makes a backup of records, settings and custom routines at the
// instant now.
func NewBackup(records []data.Record, s data.Settings, routines []data.Routine, now time.Time) Backup {
	s.Schema = data.SettingsSchema
	return Backup{
		Type: BackupType, Version: BackupVersion,
		ExportedAt: now.Round(0).UTC().Truncate(time.Millisecond),
		Settings:   s, Routines: routines, Records: data.InOrder(records),
	}
}

// NewBackupFrom makes a backup of the history h, with the sessions deleted
// lately, settings and custom routines at the instant now. Prefer it to
// NewBackup, which carries no deletions.
func NewBackupFrom(h History, s data.Settings, routines []data.Routine, now time.Time) Backup {
	b := NewBackup(h.Records, s, routines, now)
	b.Deleted = latestDeleted(slices.Clone(h.Deleted))
	return b
}

// BackupFileName is the name to offer for a backup made on the local date
// date (DateLayout).
func BackupFileName(date string) string { return "unknot-backup-" + date + ".json" }

// Validate reports the first thing wrong with b, saying where, or nil.
func (b Backup) Validate() error {
	if b.Type != BackupType {
		return fmt.Errorf("this file is not an Unknot backup (its type is %q)", data.Clip(b.Type))
	}
	if err := checkVersion(b.Version); err != nil {
		return err
	}
	if err := data.CheckInstant("the export time", b.ExportedAt); err != nil {
		return err
	}
	if b.Settings.Schema != data.SettingsSchema {
		return fmt.Errorf("settings: schema is %d, this version reads %d", b.Settings.Schema, data.SettingsSchema)
	}
	if err := b.Settings.Validate(); err != nil {
		return fmt.Errorf("settings: %v", err)
	}
	if len(b.Routines) > MaxRoutines {
		return fmt.Errorf("it holds %d routines, at most %d", len(b.Routines), MaxRoutines)
	}
	routineIDs := map[string]int{}
	for i, r := range b.Routines {
		if err := checkCustomRoutine(r, routineIDs, i); err != nil {
			return fmt.Errorf("routine %d: %w", i+1, err)
		}
	}
	if len(b.Records) > MaxRecords {
		return fmt.Errorf("it holds %d sessions, at most %d", len(b.Records), MaxRecords)
	}
	ids := make(map[string]int, len(b.Records))
	for i, r := range b.Records {
		if err := r.Validate(); err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
		if j, ok := ids[r.ID]; ok {
			return fmt.Errorf("record %d: id %s is also used by record %d", i+1, r.ID, j+1)
		}
		ids[r.ID] = i
	}
	return checkDeleted(b.Deleted, ids)
}

// checkCustomRoutine checks routine i of a backup or of the stored routines
// against the others seen.
func checkCustomRoutine(r data.Routine, seen map[string]int, i int) error {
	if err := data.CheckCustomRoutine(r); err != nil {
		return err
	}
	if j, ok := seen[r.ID]; ok {
		return fmt.Errorf("id %q is also used by routine %d", r.ID, j+1)
	}
	seen[r.ID] = i
	return nil
}

// checkVersion checks a backup's version number.
func checkVersion(v int) error {
	switch {
	case v > BackupVersion:
		return fmt.Errorf("this backup was made by a newer version of Unknot (version %d; this one reads %d): update Unknot to read it", v, BackupVersion)
	case v < 1:
		return fmt.Errorf("version %d is not a backup version Unknot knows", v)
	}
	return nil
}

// EncodeBackup writes b as JSON, one record a line. It refuses a backup
// that is not valid, so every file it writes can be read back.
func EncodeBackup(b Backup) ([]byte, error) {
	if b.Routines == nil {
		b.Routines = []data.Routine{}
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("the backup could not be made: %v", err)
	}
	var buf bytes.Buffer
	field := func(name string, v any, last bool) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&buf, "  %q: %s", name, j)
		if !last {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
		return nil
	}
	buf.WriteString("{\n")
	for _, f := range []struct {
		name string
		v    any
	}{{"type", b.Type}, {"version", b.Version}, {"exportedAt", b.ExportedAt.UTC()}, {"settings", b.Settings}, {"routines", b.Routines},
		{"deleted", deletedWire(b.Deleted)}} {
		if err := field(f.name, f.v, false); err != nil {
			return nil, err
		}
	}
	buf.WriteString("  \"records\": [")
	for i, r := range b.Records {
		r.Start, r.End = r.Start.UTC(), r.End.UTC()
		j, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n    ")
		buf.Write(j)
	}
	if len(b.Records) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes(), nil
}

// CheckBackupSize reports a backup file of n bytes that is too large to
// read, before reading it (a browser File knows its size).
func CheckBackupSize(n int64) error {
	if n > MaxBackupBytes {
		return fmt.Errorf("this file is %s, larger than the %s a backup can be", jsonwire.ByteText(n), jsonwire.ByteText(MaxBackupBytes))
	}
	return nil
}

// DecodeBackup reads and checks a backup file. It reads at most
// MaxBackupBytes, then decodes strictly: the exact type and version, no
// unknown fields, nothing after the end, every field valid. Its error says
// exactly what is wrong and where ("record 12: pain after is 14, must be 0
// to 10"). A Backup it returns always passes Validate.
func DecodeBackup(r io.Reader) (Backup, error) {
	buf := bytes.NewBuffer(nil)
	if s, ok := r.(interface{ Size() int64 }); ok {
		if err := CheckBackupSize(s.Size()); err != nil {
			return Backup{}, err
		}
		// One allocation of the right size, not ReadAll's doublings.
		buf.Grow(int(s.Size()) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, MaxBackupBytes+1))
	raw := buf.Bytes()
	if err != nil {
		return Backup{}, fmt.Errorf("the file could not be read: %v", err)
	}
	if len(raw) > MaxBackupBytes {
		return Backup{}, fmt.Errorf("this file is more than %s, larger than a backup can be", jsonwire.ByteText(MaxBackupBytes))
	}
	b, err := decodeBackup(raw)
	if err != nil {
		return Backup{}, err
	}
	// A last guard: nothing that fails Validate leaves this function.
	if err := b.Validate(); err != nil {
		return Backup{}, err
	}
	return b, nil
}

// notABackup is the message for a file that is not JSON at all.
const notABackup = "this file is not an Unknot backup. Choose the file that Export everything saved: its name starts with unknot-backup- and ends in .json"

// decodeBackup decodes the parts of a backup in turn, so that an error can
// say which part is wrong.
func decodeBackup(raw []byte) (Backup, error) {
	if err := checkJSON(raw); err != nil {
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] != '{' && t[0] != '[' {
			// A photo, a page, a document: no use saying where its
			// JSON breaks, since it never was any.
			return Backup{}, errors.New(notABackup)
		}
		return Backup{}, fmt.Errorf("this file is not an Unknot backup: %s", err)
	}
	top, err := jsonwire.Object(raw, len(backupFields), backupFields...)
	unknown, _ := errorAs[*jsonwire.FieldError](err)
	if unknown != nil {
		// The type first: a file of another kind is named as such.
		err = nil
		if _, ok := top["type"]; ok {
			err = errors.New("the backup" + strings.TrimPrefix(unknown.Error(), "it"))
		}
	}
	if err != nil {
		return Backup{}, fmt.Errorf("this file is not an Unknot backup: %v", err)
	}
	var b Backup
	if json.Unmarshal(top["type"], &b.Type) != nil || b.Type != BackupType {
		return Backup{}, errors.New("this file is not an Unknot backup: it has no \"type\": \"unknot-backup\"")
	}
	if unknown != nil {
		return Backup{}, errors.New("the backup" + strings.TrimPrefix(unknown.Error(), "it"))
	}
	if err := json.Unmarshal(top["version"], &b.Version); err != nil {
		return Backup{}, errors.New("the backup has no version number")
	}
	if err := checkVersion(b.Version); err != nil {
		return Backup{}, err
	}
	for _, k := range []string{"exportedAt", "settings", "records"} {
		if _, ok := top[k]; !ok {
			return Backup{}, fmt.Errorf("the backup has no %q", k)
		}
	}
	var at string
	if err := json.Unmarshal(top["exportedAt"], &at); err != nil {
		return Backup{}, fmt.Errorf("the export time: %s", describeJSONError(err))
	}
	if b.ExportedAt, err = parseInstant("the export time", at); err != nil {
		return Backup{}, err
	}
	if b.Settings, err = decodeSettings(top["settings"]); err != nil {
		return Backup{}, fmt.Errorf("settings: %v", err)
	}
	routines, err := jsonwire.Split(top["routines"], "routines", MaxRoutines, maxItemBytes)
	if err != nil {
		return Backup{}, err
	}
	seen := map[string]int{}
	b.Routines = make([]data.Routine, 0, len(routines))
	for i, item := range routines {
		var r data.Routine
		if err := decodeStrict(item, &r); err != nil {
			return Backup{}, fmt.Errorf("routine %d: %s", i+1, describeJSONError(err))
		}
		if err := checkCustomRoutine(r, seen, i); err != nil {
			return Backup{}, fmt.Errorf("routine %d: %w", i+1, err)
		}
		b.Routines = append(b.Routines, r)
	}
	n, err := jsonwire.Measure(top["records"], "records", MaxRecords, maxItemBytes)
	if err != nil {
		return Backup{}, err
	}
	if b.Records, err = decodeRecordList(top["records"], n); err != nil {
		return Backup{}, err
	}
	if b.Deleted, err = decodeDeleted(top["deleted"], b.Records); err != nil {
		return Backup{}, err
	}
	b.Records = data.InOrder(b.Records)
	return b, nil
}

// decodeSettings reads the settings of a backup strictly. As with
// LoadSettings, settings of an older schema take the defaults for the
// fields they lack; a newer schema is refused.
func decodeSettings(raw json.RawMessage) (data.Settings, error) {
	if len(raw) > maxSettingsBytes {
		return data.Settings{}, fmt.Errorf("they are %s, larger than settings can be", jsonwire.ByteText(int64(len(raw))))
	}
	// The schema first, so that newer settings are named as such rather
	// than by the first field this version does not know.
	var peek struct {
		Schema int `json:"schema"`
	}
	if json.Unmarshal(raw, &peek) == nil && peek.Schema > data.SettingsSchema {
		return data.Settings{}, fmt.Errorf("they were saved by a newer version of Unknot (schema %d; this one reads %d)", peek.Schema, data.SettingsSchema)
	}
	s := data.DefaultSettings()
	s.Schema = 0
	if err := decodeStrict(raw, &s); err != nil {
		return data.Settings{}, errors.New(describeJSONError(err))
	}
	switch {
	case s.Schema > data.SettingsSchema:
		return data.Settings{}, fmt.Errorf("they were saved by a newer version of Unknot (schema %d; this one reads %d)", s.Schema, data.SettingsSchema)
	case s.Schema < 1:
		return data.Settings{}, fmt.Errorf("schema %d is not one Unknot knows", s.Schema)
	}
	s.Schema = data.SettingsSchema
	if err := s.Validate(); err != nil {
		return data.Settings{}, err
	}
	return s, nil
}

// LastBackupKey is the storage key of the last backup's details.
const LastBackupKey = "unknot.lastBackup"

// When a backup is due; see BackupDue.
const (
	// BackupEvery is the age of the last backup after which another is
	// suggested.
	BackupEvery = 30 * 24 * time.Hour
	// BackupAfterSessions is the number of sessions recorded since the
	// last backup before another is suggested.
	BackupAfterSessions = 5
)

// LastBackup is what is kept of the last backup made.
type LastBackup struct {
	// At is the instant it was made, in UTC; zero when there has been none.
	At time.Time `json:"at"`
	// Sessions is the number of sessions it held.
	Sessions int `json:"sessions"`
}

// SaveLastBackup stores l.
func SaveLastBackup(st Storage, l LastBackup) error {
	l.At = l.At.Round(0).UTC()
	if err := st.Set(LastBackupKey, l); err != nil {
		return fmt.Errorf("the date of this backup could not be saved: %v", err)
	}
	return nil
}

// LoadLastBackup reads the last backup's details; the zero LastBackup when
// there has been none. Details that cannot be read give the zero value and
// an error that says so.
func LoadLastBackup(st Storage) (LastBackup, error) {
	var l LastBackup
	if err := st.Get(LastBackupKey, &l); err != nil || l.Sessions < 0 {
		return LastBackup{}, errors.New("the date of your last backup could not be read")
	}
	return l, nil
}

// BackupDue reports whether to suggest a backup, given the last one, the
// instant now and the number of sessions stored. It is due when at least
// BackupAfterSessions sessions were added since the last backup and either
// there has been none or it is BackupEvery old. A last backup dated after
// now means the clock cannot be trusted, and counts as old. Counting
// sessions rather than comparing their dates keeps it right when the clock
// has moved.
func BackupDue(last LastBackup, now time.Time, sessions int) bool {
	if sessions-last.Sessions < BackupAfterSessions {
		return false
	}
	if last.At.IsZero() {
		return true
	}
	age := now.Sub(last.At)
	return age >= BackupEvery || age < 0
}
