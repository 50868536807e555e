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
package store
