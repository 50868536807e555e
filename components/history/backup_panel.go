package history

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// BackupPanel keeps the person's data safe: it exports everything as a
// backup file and the history as CSV, remembers when the last backup was
// made and suggests another when it is due, imports a backup after showing
// what it would add, and says whether the browser keeps the data when space
// runs low.
//
// An imported file is checked for size before it is read and decoded
// strictly (store.DecodeBackup); a file that is rejected changes nothing and
// the decoder's own words say why. Imported sessions are merged by id as
// two tabs' are (store.ImportBackup): the fuller copy of a session and its
// latest answers are kept, and a session deleted here stays deleted.
type BackupPanel struct {
	app.Compo

	// History is the history on this device, as the page read it: its
	// sessions and its deletions, which a backup carries.
	History store.History
	// Writable is false when the stored history may not be written
	// (damaged, or saved by a newer version): nothing is imported then.
	Writable bool
	// OnImported is called after sessions were imported.
	OnImported func(ctx app.Context)

	now func() time.Time
	st  store.RawStorage

	last    store.LastBackup
	lastErr string
	// saved says which file was just made; exportErr why it was not.
	saved, exportErr string
	// canShare says which exports the system share sheet takes.
	canShare struct{ all, csv bool }

	// reading is set while a chosen file is read and decoded.
	reading bool
	// rejectedName and rejected say which file was refused and why.
	rejectedName, rejected string
	preview                *importPreview
	// imported sums up the last import; importErr says why it failed.
	imported, importErr string

	// persisted is "" until the browser has said whether it keeps the
	// data, then "yes" or "no".
	persisted string
	// mounted is the panel's own context: promises report through it,
	// not through the context of the control that started them.
	mounted   app.Context
	otherTabs webapi.OtherTabs
}

// importPreview is what a chosen backup would change.
type importPreview struct {
	name     string
	backup   store.Backup
	routines []data.Routine
	// sum is what importing the backup would change here.
	sum      store.ImportSummary
	from, to string
	// settings are the file's settings, offered when they differ from
	// this device's; restore says whether the import puts them in place.
	settings       data.Settings
	offer, restore bool
}

// OnMount reads the last backup's details and asks for lasting storage.
func (b *BackupPanel) OnMount(ctx app.Context) {
	if b.now == nil {
		b.now = time.Now
	}
	b.mounted, b.st = ctx, webapi.AppStorage(ctx)
	b.canShare.all = webapi.CanShareFiles(store.BackupFileName("2006-01-02"), backupType)
	b.canShare.csv = webapi.CanShareFiles(store.HistoryCSVFileName("2006-01-02"), csvType)
	b.loadLast()
	b.otherTabs.Follow(b.onBackupElsewhere, store.LastBackupKey)
	b.checkPersisted(ctx)
}

// OnUpdate asks for lasting storage once the first session is there.
func (b *BackupPanel) OnUpdate(ctx app.Context) { b.checkPersisted(ctx) }

// OnDismount stops listening to other tabs.
func (b *BackupPanel) OnDismount() {
	b.otherTabs.Stop()
}

// loadLast reads the last backup's details.
func (b *BackupPanel) loadLast() {
	last, err := store.LoadLastBackup(b.st)
	b.last, b.lastErr = last, ui.ErrText(err)
}

// onBackupElsewhere follows a backup made in another tab.
func (b *BackupPanel) onBackupElsewhere(ctx app.Context) {
	b.loadLast()
	b.Update()
}

// checkPersisted asks the browser whether it keeps the data when space runs
// low and, when it does not yet, asks it to (navigator.storage.persist),
// once there is a session worth keeping.
func (b *BackupPanel) checkPersisted(ctx app.Context) {
	if b.persisted != "" || len(b.History.Records) == 0 || app.IsServer || b.mounted == nil {
		return
	}
	b.persisted = "asking"
	webapi.Persisted(b.mounted, func(ctx app.Context, kept bool) {
		b.persisted = map[bool]string{true: "yes", false: "no"}[kept]
		b.Update()
	})
}

// The types of the exported files.
const (
	backupType = "application/json"
	csvType    = "text/csv"
)

func (b *BackupPanel) onExportAll(ctx app.Context, e app.Event) { b.exportAll(ctx, false) }
func (b *BackupPanel) onShareAll(ctx app.Context, e app.Event)  { b.exportAll(ctx, true) }
func (b *BackupPanel) onExportCSV(ctx app.Context, e app.Event) { b.exportCSV(ctx, false) }
func (b *BackupPanel) onShareCSV(ctx app.Context, e app.Event)  { b.exportCSV(ctx, true) }

// exportAll saves a backup file of everything, or shares it, and remembers
// that it was made.
func (b *BackupPanel) exportAll(ctx app.Context, viaShare bool) {
	now := b.now()
	settings, _ := store.LoadSettings(b.st) // unreadable settings: the defaults in use are saved
	// Routines that cannot be read are left out, and the person is told.
	routines, routinesErr := store.LoadCustomRoutines(b.st)
	raw, err := store.EncodeBackup(store.NewBackupFrom(b.History, settings, routines, now))
	if err != nil && len(routines) > 0 {
		routinesErr = err
		raw, err = store.EncodeBackup(store.NewBackupFrom(b.History, settings, nil, now))
	}
	if err != nil {
		b.saved, b.exportErr = "", err.Error()
		return
	}
	name := store.BackupFileName(webapi.LocalDate(now))
	webapi.Sender(viaShare)(ctx, name, backupType, raw, func(ctx app.Context, err error) {
		if err != nil {
			b.saved, b.exportErr = "", ui.FailedText(viaShare, err)
			return
		}
		b.saved, b.exportErr = ui.SentText(viaShare, name, fmt.Sprintf(text.BackupSaved, name)), ""
		if routinesErr != nil {
			b.exportErr = fmt.Sprintf(text.RoutinesLeftOut, routinesErr)
		}
		if err := store.SaveLastBackup(b.st, store.LastBackup{At: now, Sessions: len(b.History.Records)}); err != nil {
			b.exportErr = strings.TrimSpace(b.exportErr + " " + err.Error())
			return
		}
		b.loadLast()
	})
}

// csvEmpty says why no CSV file was saved.
const csvEmpty = "There is nothing to export yet: no session is saved on this device."

// exportCSV saves or shares the history as CSV, with a byte order mark so
// that spreadsheets read it as UTF-8.
func (b *BackupPanel) exportCSV(ctx app.Context, viaShare bool) {
	if len(b.History.Records) == 0 {
		// A file of column names alone would look like a lost history.
		b.saved, b.exportErr = csvEmpty, ""
		return
	}
	name := store.HistoryCSVFileName(webapi.LocalDate(b.now()))
	raw := append([]byte("\uFEFF"), store.HistoryCSV(b.History.Records)...)
	mime := csvType // what share sheets know by
	if !viaShare {
		mime += ";charset=utf-8"
	}
	webapi.Sender(viaShare)(ctx, name, mime, raw, func(ctx app.Context, err error) {
		if err != nil {
			b.saved, b.exportErr = "", ui.FailedText(viaShare, err)
			return
		}
		b.saved, b.exportErr = ui.SentText(viaShare, name, fmt.Sprintf(text.CSVSaved, name)), ""
	})
}

// onFile reads the chosen backup file: its size first, then its text.
func (b *BackupPanel) onFile(ctx app.Context, e app.Event) {
	input := e.Get("target")
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	name, size := f.Get("name").String(), int64(f.Get("size").Float())
	b.preview, b.imported, b.importErr, b.rejected, b.rejectedName = nil, "", "", "", ""
	if err := store.CheckBackupSize(size); err != nil {
		b.reject(name, err)
		return
	}
	b.reading = true
	webapi.Await(b.mounted, func() app.Value { return f.Call("text") }, func(ctx app.Context, v app.Value) {
		b.decode(name, v.String())
		b.Update()
	}, func(ctx app.Context, reason string) {
		b.reject(name, fmt.Errorf("the file could not be read: %s", reason))
		b.Update()
	})
}

// decode checks the text of a backup file and shows what importing it
// would do.
func (b *BackupPanel) decode(name, text string) {
	b.reading = false
	bk, err := store.DecodeBackup(strings.NewReader(text))
	if err != nil {
		b.reject(name, err)
		return
	}
	// Over a history that may not be written, the preview says so and
	// offers nothing to import (renderPreview).
	var sum store.ImportSummary
	if b.Writable {
		if sum, err = store.PreviewImport(b.st, bk); err != nil {
			b.reject(name, err)
			return
		}
	}
	p := &importPreview{name: name, backup: bk, routines: bk.Routines, sum: sum, settings: bk.Settings}
	p.offer, p.restore = restoreOffer(b.st, bk.Settings)
	if n := len(bk.Records); n > 0 {
		p.from, p.to = bk.Records[0].LocalDate, bk.Records[n-1].LocalDate
	}
	b.preview = p
}

// reject shows why a file was refused; nothing else changes.
func (b *BackupPanel) reject(name string, err error) {
	b.reading, b.preview = false, nil
	b.rejectedName, b.rejected = name, err.Error()
}

// onImport merges the previewed sessions into the stored history.
func (b *BackupPanel) onImport(ctx app.Context, e app.Event) {
	p := b.preview
	if p == nil || !b.Writable {
		return
	}
	_, sum, err := store.ImportBackup(b.st, p.backup)
	if err != nil {
		b.importErr = err.Error()
		return
	}
	b.preview = nil
	b.imported = fmt.Sprintf(text.Imported, sum.Sentence())
	if n, err := importRoutines(b.st, p.routines); err != nil {
		b.importErr = err.Error()
	} else if n > 0 {
		b.imported += " " + fmt.Sprintf(text.RoutinesImported, n)
	}
	if p.offer && p.restore {
		// The safety advice is accepted on each device, whatever the
		// file says: a person setting up a new phone reads it there.
		here, _ := store.LoadSettings(b.st)
		p.settings = p.settings.Restored(here)
		if err := store.SaveSettings(b.st, p.settings); err != nil {
			b.importErr = err.Error()
		} else {
			ui.ApplyPrefs(p.settings)
			b.imported += " " + text.Restored
		}
	}
	if b.OnImported != nil {
		b.OnImported(ctx)
	}
}

// onPick clears the file input as the picker opens: choosing the same
// file again then reads it again, while the file being previewed stays
// named in the input (not "No file chosen") until then.
func (b *BackupPanel) onPick(ctx app.Context, e app.Event) { e.Get("target").Set("value", "") }

// onCancel forgets the previewed file, and the input no longer names it.
func (b *BackupPanel) onCancel(ctx app.Context, e app.Event) {
	b.preview, b.importErr = nil, ""
	if app.IsClient {
		app.Window().GetElementByID("backup-file").Set("value", "")
	}
}

// Render shows the panel.
func (b *BackupPanel) Render() app.UI {
	return ui.El("section#backup.backup-panel.card[aria-labelledby=backup-title]",
		ui.Elt("h2#backup-title", text.BackupTitle),
		ui.Elt("p", text.BackupIntro),
		b.renderPersist(),
		b.renderLast(),
		ui.El("div.history-actions",
			ui.Eltx("button#export-all.button.primary", text.ExportAll).OnClick(b.onExportAll),
			app.If(b.canShare.all, ui.Eltx("button#share-all.button", text.ShareAll).OnClick(b.onShareAll)),
			ui.Eltx("button#export-csv.button", text.ExportCSV).OnClick(b.onExportCSV),
			app.If(b.canShare.csv, ui.Eltx("button#share-csv.button", text.ShareCSV).OnClick(b.onShareCSV)),
		),
		app.If(b.saved != "", ui.Elt("p#export-done.muted.small[role=status]", b.saved)),
		app.If(b.exportErr != "", ui.Elt("p#export-error.error[role=alert]", b.exportErr)),
		ui.Elt("h3#import-title", text.ImportTitle),
		ui.Elt("p.muted.small", text.ImportIntro),
		ui.Elt("label[for=backup-file].backup-file-label", text.ChooseFile),
		ui.Void("input#backup-file.backup-file-input[type=file][accept=.json,application/json]").OnClick(b.onPick).OnChange(b.onFile),
		app.If(b.reading, ui.Elt("p#import-reading.muted[role=status]", text.Reading)),
		app.If(b.rejected != "", ui.El("div.error[role=alert]",
			ui.Elt("p#import-rejected", fmt.Sprintf(text.RejectedFile, b.rejectedName)),
			ui.Elt("p#import-error.import-reason", b.rejected),
		)),
		b.renderPreview(),
		app.If(b.imported != "", ui.Elt("p#import-done.notice[role=status]", b.imported)),
		app.If(b.importErr != "", ui.Elt("p#import-failed.error[role=alert]", b.importErr)),
	)
}

// renderPersist says whether the browser keeps the data when space runs low.
func (b *BackupPanel) renderPersist() app.UI {
	switch b.persisted {
	case "yes":
		return ui.Eltx("p#persist.muted.small", ui.Text.Persisted).DataSet("persisted", "yes")
	case "no":
		return ui.Eltx("p#persist.notice.small", ui.Text.NotPersisted).DataSet("persisted", "no")
	}
	return ui.El("p#persist.sr-only")
}

// renderLast shows the date of the last backup and, when one is due, says
// so gently.
func (b *BackupPanel) renderLast() app.UI {
	last := text.NoBackup
	if !b.last.At.IsZero() {
		last = fmt.Sprintf(text.LastBackup, ui.HistoryDate(webapi.LocalDate(b.last.At)), ui.SessionsText(b.last.Sessions))
	}
	if b.lastErr != "" {
		last = b.lastErr
	}
	due := b.now != nil && store.BackupDue(b.last, b.now(), len(b.History.Records))
	return ui.El("div",
		ui.Elt("p#last-backup.muted.small", last),
		app.If(due, ui.Elt("p#backup-due.notice", fmt.Sprintf(text.BackupDue, ui.SessionsText(max(len(b.History.Records)-b.last.Sessions, 0))))),
	)
}

// renderPreview shows what importing the chosen file would do.
func (b *BackupPanel) renderPreview() app.UI {
	p := b.preview
	if p == nil {
		return ui.El("div.import-slot")
	}
	rng := text.PreviewEmpty
	if p.from != "" {
		rng = fmt.Sprintf(text.PreviewRange, ui.HistoryDate(p.from), ui.HistoryDate(p.to))
	}
	return ui.El("div#import-preview.import-slot.import-preview[role=region][aria-labelledby=import-preview-title]",
		ui.Elt("h4#import-preview-title", fmt.Sprintf(text.PreviewTitle, p.name)),
		app.If(b.Writable, ui.Elt("p#import-counts", fmt.Sprintf(text.PreviewCounts, p.sum.Sentence()))),
		ui.Elt("p#import-range", rng),
		ui.Elt("p.muted.small", text.PreviewOnly),
		app.If(p.offer, ui.Toggle("import-settings", text.Offer, p.restore, func(ctx app.Context, e app.Event) { p.restore = !p.restore })),
		app.If(!b.Writable, ui.Elt("p.error", text.ImportBlocked)),
		ui.El("div.history-actions",
			ui.Eltx("button#import-confirm.button.primary", text.Import).Attr("disabled", !b.Writable).OnClick(b.onImport),
			ui.Eltx("button#import-cancel.button", text.Cancel).OnClick(b.onCancel),
		),
	)
}

// importRoutines adds the backup's own routines that are not here yet; a
// routine already here (same id) stays as it is. It returns how many were
// added.
func importRoutines(st store.Storage, incoming []data.Routine) (int, error) {
	if len(incoming) == 0 {
		return 0, nil
	}
	have, err := store.LoadCustomRoutines(st)
	if err != nil {
		return 0, fmt.Errorf(text.RoutinesNotImported, err)
	}
	merged, added := have, 0
	for _, r := range incoming {
		if _, ok := data.FindRoutineIn(nil, have, r.ID); !ok {
			merged, added = append(merged, r), added+1
		}
	}
	if added == 0 {
		return 0, nil
	}
	if err := store.SaveCustomRoutines(st, merged); err != nil {
		return 0, fmt.Errorf(text.RoutinesNotImported, err)
	}
	return added, nil
}

// restoreOffer says whether to offer the file's settings (they differ
// from this device's) and whether ticked: on a device whose settings were
// never changed, as on a new phone.
func restoreOffer(st store.Storage, file data.Settings) (offer, ticked bool) {
	s, err := store.LoadSettings(st)
	if err != nil {
		return true, false
	}
	offer = s != file
	return offer, offer && s == data.DefaultSettings()
}
