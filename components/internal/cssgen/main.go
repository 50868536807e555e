// Command cssgen joins the stylesheet's parts into web/app.css
// (components/internal/stylesheet). go generate ./components/ui runs it
// (make gen) from that folder, after figuregen has written the poses into
// the figure's part.
package main

import (
	"log"
	"os"
	"path/filepath"

	"unknot/components/internal/stylesheet"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("cssgen: ")
	css, err := stylesheet.Join("..")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", filepath.FromSlash(stylesheet.Output)), []byte(css), 0o644); err != nil {
		log.Fatal(err)
	}
}
