package dedupe

// SetPageSize sets the page size of Scan's address pass for one test and returns a func
// that restores it.
func SetPageSize(n int) (restore func()) {
	old := pageSize
	pageSize = n
	return func() { pageSize = old }
}
