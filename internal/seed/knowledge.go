package seed

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/documentversion"
	"github.com/c360crm/c360/ent/knowledgecategory"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/ent/product"
)

// seedKnowledge writes the category trees and the articles, each with its first version,
// unless the knowledge base has documents already.
func (r *runner) seedKnowledge(ctx context.Context) error {
	return r.entPhase(ctx, "knowledge", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		if n, err := c.KnowledgeDocument.Query().Count(ctx); err != nil || n > 0 {
			return err
		}
		cats, err := createCategories(ctx, c, counts)
		if err != nil {
			return err
		}
		for i, d := range r.knowledgeDocs() {
			if err := r.createDocument(ctx, c, i, d, cats, counts); err != nil {
				return fmt.Errorf("document %q: %w", d.title, err)
			}
		}
		return nil
	})
}

// createCategories writes the taxonomies and returns category IDs by name. The path holds
// the ancestor IDs and the category's own, like a team's: "/12/15/".
func createCategories(ctx context.Context, c *ent.Client, counts map[string]int) (map[string]int, error) {
	ids := map[string]int{}
	create := func(name, taxonomy string, order int, parent *ent.KnowledgeCategory) (*ent.KnowledgeCategory, error) {
		if _, dup := ids[name]; dup {
			return nil, fmt.Errorf("category %q is defined twice", name)
		}
		cr := c.KnowledgeCategory.Create().SetName(name).SetTaxonomy(taxonomy).SetSortOrder(order)
		path := "/"
		if parent != nil {
			cr.SetParentID(parent.ID)
			path = parent.Path
		}
		k, err := cr.Save(ctx)
		if err != nil {
			return nil, err
		}
		k, err = k.Update().SetPath(path + strconv.Itoa(k.ID) + "/").Save(ctx)
		if err != nil {
			return nil, err
		}
		ids[name] = k.ID
		counts[knowledgecategory.Table]++
		return k, nil
	}
	for _, tx := range taxonomies {
		for i, root := range tx.roots {
			p, err := create(root.name, tx.name, i+1, nil)
			if err != nil {
				return nil, err
			}
			for j, child := range root.children {
				if _, err := create(child, tx.name, j+1, p); err != nil {
					return nil, err
				}
			}
		}
	}
	return ids, nil
}

// knowledgeDocs returns the articles: the handwritten ones and a tariff article per product.
func (r *runner) knowledgeDocs() []docSpec {
	docs := append([]docSpec(nil), handwrittenDocs...)
	for _, p := range catalog {
		cat := productCategory[string(p.category)]
		switch {
		case strings.HasPrefix(p.code, "4G-"):
			cat = "4G套餐"
		case p.code == "ZX-100M":
			cat = "政企专线"
		}
		audienceCat := "公众客户"
		if p.code == "ZX-100M" || p.code == "GH-BIZ" {
			audienceCat = "政企客户"
		}
		rows := []string{
			"| 项目 | 内容 |", "| --- | --- |",
			fmt.Sprintf("| 资费 | %s元/%s |", strconv.FormatFloat(float64(p.price)/100, 'f', -1, 64), cycleName(string(p.cycle))),
			"| 产品编码 | " + p.code + " |",
		}
		how := []string{"营业厅、客服热线、APP及网上营业厅均可办理。", "办理前请确认号码已实名登记且无欠费。"}
		if len(p.components) > 0 {
			var names []string
			for _, code := range p.components {
				for _, q := range catalog {
					if q.code == code {
						names = append(names, q.name)
					}
				}
			}
			how = append(how, "套餐包含："+strings.Join(names, "、")+"。")
		}
		docs = append(docs, docSpec{
			title: p.name + "资费说明", audience: audPublic, categories: []string{cat, audienceCat},
			products: []string{p.code}, tags: []string{"资费", string(p.category)}, summary: p.desc,
			sections: []section{
				{"资费标准", false, []string{strings.Join(rows, "\n")}},
				{"办理方式", false, how},
				{"注意事项", false, []string{"资费如有调整，以官方最新公告为准。", "套餐内未使用的流量与通话不结转至次月（另有说明的除外）。"}},
			},
		})
	}
	return docs
}

func cycleName(cycle string) string {
	switch cycle {
	case "ONE_TIME":
		return "次"
	case "QUARTERLY":
		return "季"
	case "YEARLY":
		return "年"
	}
	return "月"
}

// markdown renders an article body.
func (d docSpec) markdown() string {
	var b strings.Builder
	b.WriteString("# " + d.title + "\n\n" + d.summary + "\n")
	for _, s := range d.sections {
		b.WriteString("\n## " + s.heading + "\n\n")
		for i, item := range s.items {
			switch {
			case strings.HasPrefix(item, "|"):
				b.WriteString(item + "\n")
			case s.ordered:
				b.WriteString(strconv.Itoa(i+1) + ". " + item + "\n")
			default:
				b.WriteString("- " + item + "\n")
			}
		}
	}
	return b.String()
}

// createDocument writes article i with its first version. Most are published; some are
// drafts or in review; the article of a retired product is archived.
func (r *runner) createDocument(ctx context.Context, c *ent.Client, i int, d docSpec, cats map[string]int, counts map[string]int) error {
	rr := newRnd(r.seed, streamWorld, uint64(1_000_000+i))
	created := officeHours(rr, r.now.Add(-time.Duration(rr.between(30, 700))*day))
	status := knowledgedocument.StatusPUBLISHED
	switch x := rr.Float64(); {
	case len(d.products) == 1 && isRetired(d.products[0]):
		status = knowledgedocument.StatusARCHIVED
	case x < 0.08:
		status = knowledgedocument.StatusIN_REVIEW
	case x < 0.15:
		status = knowledgedocument.StatusDRAFT
	}
	catIDs := make([]int, len(d.categories))
	for k, name := range d.categories {
		id, ok := cats[name]
		if !ok {
			return fmt.Errorf("unknown category %q", name)
		}
		catIDs[k] = id
	}
	prodIDs := make([]int, len(d.products))
	for k, code := range d.products {
		prodIDs[k] = r.w.product(code).id
	}
	body := d.markdown()
	cr := c.KnowledgeDocument.Create().
		SetTitle(d.title).SetBody(body).SetSummary(d.summary).SetTags(d.tags).SetAudience(d.audience).
		SetStatus(status).SetCurrentVersion(1).SetAuthorID(r.w.editor).
		SetCreatedAt(created).SetUpdatedAt(created).
		AddCategoryIDs(catIDs...).AddProductIDs(prodIDs...)
	if status == knowledgedocument.StatusPUBLISHED || status == knowledgedocument.StatusARCHIVED {
		published := created.Add(time.Duration(rr.between(1, 10)) * day)
		cr.SetPublishedVersion(1).SetPublishedAt(published).SetUpdatedAt(published)
	}
	if status == knowledgedocument.StatusIN_REVIEW {
		cr.SetReviewComment("请审核资费口径与办理条件是否为最新版本。")
	}
	doc, err := cr.Save(ctx)
	if err != nil {
		return err
	}
	err = c.DocumentVersion.Create().
		SetDocumentID(doc.ID).SetNumber(1).SetTitle(d.title).SetBody(body).SetSummary(d.summary).
		SetTags(d.tags).SetChangeNote("初始版本").SetAuthorID(r.w.editor).SetCreatedAt(created).
		Exec(ctx)
	if err != nil {
		return err
	}
	counts[knowledgedocument.Table]++
	counts[documentversion.Table]++
	counts[knowledgedocument.CategoriesTable] += len(catIDs)
	counts[knowledgedocument.ProductsTable] += len(prodIDs)
	return nil
}

func isRetired(code string) bool {
	for _, p := range catalog {
		if p.code == code {
			return p.status == product.StatusRETIRED
		}
	}
	return false
}
