package bleve

import (
	"context"
	"os"
	"testing"

	"github.com/c360crm/c360/search"
)

func BenchmarkTmpOne(b *testing.B) {
	ctx := context.Background()
	idx, err := Open("/tmp/bench-idx-20k")
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	q := search.Query{Text: os.Getenv("Q"), Limit: 20}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := idx.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}
