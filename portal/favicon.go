package portal

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"strings"
	"sync"
)

// iconURL is assets/favicon.svg as a data: URL, which every page links as its icon.
var iconURL = sync.OnceValue(func() string {
	svg, err := assetFS.ReadFile("assets/favicon.svg")
	if err != nil {
		panic(err) // embedded
	}
	return "data:image/svg+xml," + strings.ReplaceAll(url.PathEscape(strings.TrimSpace(string(svg))), "+", "%2B")
})

// favicon is the site's /favicon.ico, for browsers that ask for it whatever the pages
// link: a 32×32 PNG in an ICO container, drawn as assets/favicon.svg is (a blue
// rounded square with a white exclamation mark), so no binary file is kept in the
// repository.
var favicon = sync.OnceValue(func() []byte {
	const n = 32
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	blue := color.NRGBA{0x1f, 0x5f, 0xbf, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	for y := range n {
		for x := range n {
			if corner(x, y, n, 6) {
				continue
			}
			c := blue
			if x >= 14 && x < 18 && (y >= 6 && y < 19 || y >= 22 && y < 26) {
				c = white
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		panic(err) // an in-memory image always encodes
	}
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	le([3]uint16{0, 1, 1})                   // reserved, type icon, one image
	le([4]uint8{n, n, 0, 0})                 // width, height, no palette, reserved
	le([2]uint16{1, 32})                     // planes, bits per pixel
	le([2]uint32{uint32(pngData.Len()), 22}) // size, offset after the 6+16 byte headers
	b.Write(pngData.Bytes())
	return b.Bytes()
})

// corner reports whether (x, y) lies outside the rounded corners of radius r of an
// n×n square.
func corner(x, y, n, r int) bool {
	cx, cy := -1, -1
	switch {
	case x < r:
		cx = r
	case x >= n-r:
		cx = n - r - 1
	}
	switch {
	case y < r:
		cy = r
	case y >= n-r:
		cy = n - r - 1
	}
	if cx < 0 || cy < 0 {
		return false
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy > r*r
}
