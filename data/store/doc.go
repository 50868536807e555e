// Package store keeps Unknot's data and reads it back: the storage interface
// and MemoryStorage, the session history and its compact wire format, the
// recent summary the home screen reads, checkpoints of unfinished sessions,
// settings, the person's own routines, backups, the CSV export, and the copies
// kept aside of anything that could not be read.
//
// What is kept (data.Record, data.Checkpoint, data.Settings, data.Routine) is
// defined in package data, with its validation; this package adds the keys,
// schemas, encodings, migrations and merging across tabs. Like package data it
// imports only the standard library, uuid and package data, never go-app or
// syscall/js, so its tests run natively. Nothing here reads a clock: callers
// pass the time in.
//
// Two copies of a session meet when two tabs save, when a backup is
// imported, and when a copy kept to be saved is written back: every path
// merges them by one rule, MergeRecords (the most done, and the answers
// edited last), and a deletion (Tombstone) stands against every copy not
// edited after it. localStorage has no lock and writes one key at a time,
// so nothing here reads a list, writes the history and then deletes the
// list: each session waiting to be saved, or saved lately, has a key of its
// own, deleted only once the history is seen to hold it (SavePending,
// Repair). Call Repair once at every start of the app.
package store
