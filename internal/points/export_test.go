package points

// OnRetry makes f observe every error that makes a transaction run again, until restore.
func OnRetry(f func(error)) (restore func()) {
	onRetry.Store(&f)
	return func() { onRetry.Store(nil) }
}
