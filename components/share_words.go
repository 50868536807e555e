package components

import "fmt"

// sentText says that the file name reached the person; downloaded is what
// a download says.
func sentText(viaShare bool, name, downloaded string) string {
	if viaShare {
		return fmt.Sprintf(installText.Shared, name)
	}
	return downloaded
}

// failedText says why a file did not reach the person.
func failedText(viaShare bool, err error) string {
	if viaShare {
		return fmt.Sprintf(installText.ShareFailed, err)
	}
	return fmt.Sprintf(historyText.DownloadFailed, err)
}
