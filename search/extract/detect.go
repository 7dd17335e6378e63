package extract

import (
	"archive/zip"
	"bytes"
	"net/http"
	"path"
	"strings"
)

// MIME types of the formats this package knows by name.
const (
	mimePDF      = "application/pdf"
	mimeDOCX     = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mimePPTX     = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	mimeXLSX     = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mimeDOC      = "application/msword"
	mimeXLS      = "application/vnd.ms-excel"
	mimePPT      = "application/vnd.ms-powerpoint"
	mimeZIP      = "application/zip"
	mimeText     = "text/plain"
	mimeMarkdown = "text/markdown"
	mimeCSV      = "text/csv"
	mimeHTML     = "text/html"
	mimeBinary   = "application/octet-stream"
)

// family is the broad type of a file, before looking inside a ZIP.
type family int

const (
	famUnknown family = iota
	famPDF
	famDOCX
	famPPTX
	famXLSX
	famText
	famHTML
	famOLE     // legacy Office binary (or an encrypted OOXML file, which is stored as OLE)
	famZIP     // a ZIP that is not (yet) known to be an office file
	famImage   // also audio, video and fonts: nothing to extract
	famArchive // other archives and compressed files
	famBinary  // anything else that is not text
)

var extFamily = map[string]family{
	".pdf":  famPDF,
	".docx": famDOCX, ".docm": famDOCX, ".dotx": famDOCX,
	".pptx": famPPTX, ".pptm": famPPTX, ".ppsx": famPPTX, ".potx": famPPTX,
	".xlsx": famXLSX, ".xlsm": famXLSX, ".xltx": famXLSX,
	".txt": famText, ".text": famText, ".log": famText, ".md": famText, ".markdown": famText,
	".csv": famText, ".tsv": famText,
	".html": famHTML, ".htm": famHTML, ".xhtml": famHTML,
	".doc": famOLE, ".xls": famOLE, ".ppt": famOLE, ".msg": famOLE, ".dot": famOLE, ".pps": famOLE,
	".zip": famZIP,
	".png": famImage, ".jpg": famImage, ".jpeg": famImage, ".gif": famImage, ".bmp": famImage,
	".webp": famImage, ".tif": famImage, ".tiff": famImage, ".svg": famImage, ".heic": famImage,
	".ico": famImage, ".mp3": famImage, ".mp4": famImage, ".wav": famImage, ".avi": famImage,
	".mov": famImage, ".ttf": famImage, ".otf": famImage, ".woff": famImage, ".woff2": famImage,
	".rar": famArchive, ".7z": famArchive, ".gz": famArchive, ".tgz": famArchive, ".tar": famArchive,
	".bz2": famArchive, ".xz": famArchive,
}

var extMIME = map[string]string{
	".pdf": mimePDF, ".docx": mimeDOCX, ".pptx": mimePPTX, ".xlsx": mimeXLSX,
	".docm": "application/vnd.ms-word.document.macroEnabled.12",
	".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
	".pptm": "application/vnd.ms-powerpoint.presentation.macroEnabled.12",
	".ppsx": "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
	".potx": "application/vnd.openxmlformats-officedocument.presentationml.template",
	".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
	".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
	".doc":  mimeDOC, ".dot": mimeDOC, ".xls": mimeXLS, ".ppt": mimePPT, ".pps": mimePPT,
	".msg": "application/vnd.ms-outlook",
	".txt": mimeText, ".text": mimeText, ".log": mimeText, ".md": mimeMarkdown,
	".markdown": mimeMarkdown, ".csv": mimeCSV, ".tsv": "text/tab-separated-values",
	".html": mimeHTML, ".htm": mimeHTML, ".xhtml": mimeHTML,
	".zip": mimeZIP, ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".bmp": "image/bmp", ".webp": "image/webp", ".tif": "image/tiff",
	".tiff": "image/tiff", ".svg": "image/svg+xml", ".heic": "image/heic", ".ico": "image/x-icon",
	".rar": "application/vnd.rar", ".7z": "application/x-7z-compressed", ".gz": "application/gzip",
	".tgz": "application/gzip", ".tar": "application/x-tar",
}

var famMIME = map[family]string{
	famPDF: mimePDF, famDOCX: mimeDOCX, famPPTX: mimePPTX, famXLSX: mimeXLSX, famZIP: mimeZIP,
	famText: mimeText, famHTML: mimeHTML, famOLE: "application/x-ole-storage",
}

var (
	magicPDF = []byte("%PDF-")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// "EncryptionInfo" as a UTF-16LE OLE directory name: the stream that encrypted
	// OOXML files (Office "Encrypt with password") carry.
	oleEncryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// extOf returns the lower-case extension of a file name, which may be a path from any OS.
func extOf(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(path.Ext(name))
}

// ContentType returns the MIME type to serve for a file name and the first bytes of its
// content (512 are enough; more are fine). Content wins over the name when the magic
// bytes say what the file is (a PDF named .docx is served as a PDF, a binary named .txt
// as application/octet-stream); a ZIP is typed as DOCX, PPTX or XLSX from its extension
// or, failing that, from the part names in its first bytes. Text types carry a charset
// parameter ("text/plain; charset=utf-8", "…; charset=gb18030").
func ContentType(name string, head []byte) string {
	return sniff(name, head, false)
}

// sniff types a file. complete says whether b is the whole file (for the charset of text).
func sniff(name string, b []byte, complete bool) string {
	ext := extOf(name)
	fam := sniffFamily(ext, b)
	switch fam {
	case famPDF:
		return mimePDF
	case famOLE:
		if m, ok := extMIME[ext]; ok && (extFamily[ext] == famOLE || isOOXMLExt(ext)) {
			return m
		}
		return famMIME[famOLE]
	case famZIP, famDOCX, famPPTX, famXLSX:
		if isOOXMLExt(ext) {
			return extMIME[ext]
		}
		if fam == famZIP {
			fam = zipFamilyFromHead(b)
		}
		return famMIME[fam]
	case famText, famHTML:
		m := mimeText
		if mm, ok := extMIME[ext]; ok && (extFamily[ext] == famText || extFamily[ext] == famHTML) {
			m = mm
		} else if fam == famHTML {
			m = mimeHTML
		}
		if cs := textCharset(b, complete); cs != "" {
			m += "; charset=" + cs
		}
		return m
	case famImage, famArchive:
		if m := http.DetectContentType(headOf(b)); m != mimeBinary && !strings.HasPrefix(m, "text/") {
			return m
		}
		if m, ok := extMIME[ext]; ok {
			return m
		}
	}
	return mimeBinary
}

func isOOXMLExt(ext string) bool {
	switch extFamily[ext] {
	case famDOCX, famPPTX, famXLSX:
		return true
	}
	return false
}

func headOf(b []byte) []byte {
	if len(b) > 512 {
		return b[:512]
	}
	return b
}

// sniffFamily decides the family from magic bytes first, then the extension, then the
// look of the content.
func sniffFamily(ext string, b []byte) family {
	switch {
	case bytes.HasPrefix(b, magicPDF):
		return famPDF
	case bytes.HasPrefix(b, magicOLE):
		return famOLE
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06")):
		if isOOXMLExt(ext) {
			return extFamily[ext]
		}
		return famZIP
	}
	detected := http.DetectContentType(headOf(b))
	switch {
	case strings.HasPrefix(detected, "image/"), strings.HasPrefix(detected, "audio/"),
		strings.HasPrefix(detected, "video/"), strings.HasPrefix(detected, "font/"),
		detected == "application/ogg", detected == "application/vnd.ms-fontobject":
		return famImage
	case detected == "application/x-gzip", detected == "application/x-rar-compressed",
		detected == "application/zip", detected == "application/x-7z-compressed":
		return famArchive
	}
	fam, known := extFamily[ext]
	switch {
	case known && fam != famText && fam != famHTML:
		// The name claims a binary type the magic did not confirm: let the format's
		// parser say whether it is damaged (PDF, DOCX…) or report the type.
		return fam
	case !looksLikeText(b):
		return famBinary
	case known:
		return fam
	case strings.HasPrefix(detected, "text/html"):
		return famHTML
	}
	return famText
}

// zipFamilyFromHead guesses the office type of a ZIP from the part names that appear in
// its first local headers.
func zipFamilyFromHead(b []byte) family {
	switch {
	case bytes.Contains(b, []byte("word/")):
		return famDOCX
	case bytes.Contains(b, []byte("ppt/")):
		return famPPTX
	case bytes.Contains(b, []byte("xl/")):
		return famXLSX
	}
	return famZIP
}

// kind is what detect decided about a complete file.
type kind struct {
	label       string // for messages: "PDF", "DOCX", …
	mime        string
	unsupported string // non-empty: StatusUnsupported with this message
	extract     func(*job) error
}

// detect looks at the whole file. For ZIPs it opens the archive to tell DOCX, PPTX and
// XLSX apart by their parts, whatever the name says.
func detect(name string, data []byte) kind {
	ext := extOf(name)
	fam := sniffFamily(ext, data)
	k := kind{mime: sniff(name, data, true)} // ZIPs are typed again below, from their parts
	switch fam {
	case famPDF:
		k.label, k.extract = "PDF", extractPDF
	case famDOCX, famPPTX, famXLSX, famZIP:
		k = detectZIP(ext, fam, data, k)
	case famText:
		k.label, k.extract = "text", extractText
	case famHTML:
		k.label, k.extract = "HTML", extractHTML
	case famOLE:
		k.label = "Office"
		if bytes.Contains(data, oleEncryptionInfo) {
			k.extract = func(*job) error { return errEncrypted }
			break
		}
		switch ext {
		case ".doc", ".dot":
			k.unsupported = "legacy Word .doc files are not supported; save the file as .docx"
		case ".xls":
			k.unsupported = "legacy Excel .xls files are not supported; save the file as .xlsx"
		case ".ppt", ".pps":
			k.unsupported = "legacy PowerPoint .ppt files are not supported; save the file as .pptx"
		default:
			k.unsupported = "legacy Office (OLE) files are not supported; save the file in a current format"
		}
	case famImage:
		k.unsupported = "images and media files have no text to extract (no OCR)"
	case famArchive:
		k.unsupported = "archives are not supported; upload the documents themselves"
	default:
		k.unsupported = "unsupported file type"
	}
	return k
}

func detectZIP(ext string, fam family, data []byte, k kind) kind {
	byName := map[family]kind{
		famDOCX: {label: "DOCX", mime: mimeDOCX, extract: extractDOCX},
		famPPTX: {label: "PPTX", mime: mimePPTX, extract: extractPPTX},
		famXLSX: {label: "XLSX", mime: mimeXLSX, extract: extractXLSX},
	}
	pick := func(f family) kind {
		nk := byName[f]
		if isOOXMLExt(ext) && extFamily[ext] == f {
			nk.mime = extMIME[ext]
		}
		return nk
	}
	zipUnsupported := kind{label: "ZIP", mime: mimeZIP, unsupported: "ZIP archives are not supported; upload the documents themselves"}
	if !bytes.HasPrefix(data, []byte("PK")) {
		if fam == famZIP {
			return zipUnsupported
		}
		return pick(fam) // the name says office file, the content is not a ZIP: it fails there
	}
	if n := bytes.Count(data, []byte("PK\x01\x02")); n > maxZipEntries {
		nk := pick(fam)
		if fam == famZIP {
			nk = kind{label: "ZIP", mime: mimeZIP}
		}
		nk.extract = func(*job) error { return tooLargef("the archive has more than %d parts", maxZipEntries) }
		return nk
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if fam == famZIP {
			return kind{label: "ZIP", mime: mimeZIP, extract: func(*job) error {
				return failf("the file is damaged or not a valid ZIP archive")
			}}
		}
		return pick(fam)
	}
	has := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		has[strings.ToLower(f.Name)] = true
	}
	switch {
	case has["word/document.xml"]:
		return pick(famDOCX)
	case has["ppt/presentation.xml"]:
		return pick(famPPTX)
	case has["xl/workbook.xml"]:
		return pick(famXLSX)
	case fam != famZIP:
		return pick(fam) // named like an office file but without its main part: FAILED there
	}
	return zipUnsupported
}
