package bleve

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	p := testParser(t)
	for _, c := range []struct {
		query, text string
		max         int
		want        string
	}{
		{"宽带故障", "宽带故障排查指南", 200, "<mark>宽带故障</mark>排查指南"},
		{"卡", "SIM卡与流量卡", 200, "SIM<mark>卡</mark>与流量<mark>卡</mark>"},
		{"routers", "Reset the Router's lights", 200, "Reset the <mark>Router</mark>&#39;s lights"},
		{"192.168.1.1", "输入 192.168.1.1 登录", 200, "输入 <mark>192.168.1.1</mark> 登录"},
		{"光猫", "<b>光猫</b> & \"路由器\"", 200, "&lt;b&gt;<mark>光猫</mark>&lt;/b&gt; &amp; &#34;路由器&#34;"},
		{"光猫", "第一行\n\n  光猫   重启", 200, "第一行 <mark>光猫</mark> 重启"},
		{`"宽带装机"`, "新装宽带装机预约", 200, "新装<mark>宽带装机</mark>预约"},
		{"携号转网", strings.Repeat("营业时间以公告为准。", 20) + "办理携号转网请先查询资格。" + strings.Repeat("详询客服。", 20), 40,
			"…时间以公告为准。办理<mark>携号转网</mark>请先查询资格。详询客服。详询客服。详询客服。详询客服…"},
		{"router", strings.Repeat("alpha ", 30) + "router reset" + strings.Repeat(" omega", 30), 30,
			"…alpha <mark>router</mark> reset omega…"},
	} {
		m := newMarker(p.parse(c.query))
		got, ok := m.snippet(c.text, c.max)
		if !ok || got != c.want {
			t.Errorf("snippet(%q, %q) = %q, %v\n want %q", c.query, c.text, got, ok, c.want)
		}
	}
	m := newMarker(p.parse("漫游"))
	if s, ok := m.snippet("宽带故障", 100); ok {
		t.Errorf("snippet without a match = %q", s)
	}
}
