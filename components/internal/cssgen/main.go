// Command cssgen joins the stylesheet's parts into web/app.css
// (internal/stylesheet). go generate ./components/ui runs it
// (make gen) from that folder, after figuregen has written the poses into
// the figure's part.
package main

import (
	"log"
	"path/filepath"

	"unknot/internal/stylesheet"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("cssgen: ")
	root := filepath.Join("..", "..") // go generate runs it in components/ui
	if err := stylesheet.Write(root, filepath.Join(root, filepath.FromSlash(stylesheet.Output))); err != nil {
		log.Fatal(err)
	}
}
