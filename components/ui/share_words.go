package ui

import "fmt"

// SentText says that the file name reached the person; downloaded is what
// a download says.
func SentText(viaShare bool, name, downloaded string) string {
	if viaShare {
		return fmt.Sprintf(Text.Shared, name)
	}
	return downloaded
}

// FailedText says why a file did not reach the person.
func FailedText(viaShare bool, err error) string {
	if viaShare {
		return fmt.Sprintf(Text.ShareFailed, err)
	}
	return fmt.Sprintf(Text.DownloadFailed, err)
}
