using System.Globalization;
using System.Net;
using System.Text;
using LineCrm.Samples.Analysis.Steps;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>report.html: one self-contained page (inline CSS and SVG, nothing fetched) with the charts.</summary>
internal static class HtmlReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(AnalysisResult r)
    {
        var p = r.Purchases;
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>LineCrm analysis</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;margin:32px auto;max-width:1040px;padding:0 16px}
            h1{font-size:26px;margin-bottom:4px} h2{font-size:19px;margin-top:36px;border-bottom:1px solid #e3e7eb;padding-bottom:6px}
            .meta{color:#52606d;font-size:14px} .cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:18px}
            .card{border:1px solid #e3e7eb;border-radius:8px;padding:10px 16px;min-width:140px}
            .card b{display:block;font-size:22px} .card span{color:#52606d;font-size:13px}
            table{border-collapse:collapse;font-size:14px;margin-top:10px} th,td{padding:4px 10px;text-align:right;border-bottom:1px solid #eef1f4}
            th:first-child,td:first-child{text-align:left} svg text{font-size:13px;fill:#1f2933} svg text.small{font-size:11px;fill:#52606d}
            svg text.cell{font-size:11px} .note{color:#52606d;font-size:13px} code{font-size:12px}
            table.segments td,table.segments th{text-align:left}
            </style></head><body>
            <h1>LineCrm analysis</h1>
            """);
        html.Append(Invariant, $"<p class=\"meta\">{E(r.Input.Source)} &middot; calendar: {E(r.TimeZone.Id)} &middot; {r.Input.Account.Rows:N0} input rows, ")
            .Append(Invariant, $"{r.Input.Account.InvalidRows:N0} invalid &middot; identities: {r.Persons:N0} persons ({E(r.IdentityResolution)})</p>");
        html.Append("<div class=\"cards\">")
            .Append(Card("customers", p.Customers.ToString("N0", Invariant)))
            .Append(Card("orders", p.Orders.ToString("N0", Invariant)))
            .Append(Card("net revenue", p.Revenue.ToString("N0", Invariant)))
            .Append(Card("repeat customers", ConsoleReport.Percent(p.RepurchaseRate)))
            .Append(Card("median days to next purchase", p.InterPurchaseDays.Median?.ToString(Invariant) ?? "-"));
        if (r.Line is { } activity)
        {
            html.Append(Card("friends blocking", ConsoleReport.Percent(activity.Activity.BlockedRate)))
                .Append(Card($"clicked in {activity.Activity.ClickWindowDays} days", ConsoleReport.Percent(activity.Activity.ClickActiveRate)));
        }

        html.Append("</div>");
        if (r.Line is { } line)
        {
            AppendFunnel(html, line);
        }

        AppendSegments(html, r.Input.AsOf, r.Segments);
        AppendPurchases(html, p);
        if (r.Campaigns is { } campaigns)
        {
            CampaignHtmlReport.Append(html, campaigns);
        }

        html.Append("<p class=\"note\">Definitions: docs/metrics.md. Made by samples/LineCrm.Samples.Analysis.</p></body></html>\n");
        return html.ToString();
    }

    private static void AppendFunnel(StringBuilder html, LineResult line)
    {
        var t = line.ByStore.Total;
        html.Append("<h2>Membership funnel</h2>");
        html.Append(SvgCharts.HorizontalBars(
            [
                ("friends added", t.Friends, t.Friends.ToString("N0", Invariant)),
                ("linked", t.Linked, $"{t.Linked:N0} ({ConsoleReport.Percent(t.BindingRate)} of friends)"),
                ("first purchase", t.FirstPurchasers, $"{t.FirstPurchasers:N0} ({ConsoleReport.Percent(t.FirstPurchaseRate)} of linked)"),
                ("repurchase", t.Repurchasers, $"{t.Repurchasers:N0} ({ConsoleReport.Percent(t.RepurchaseRate)} of buyers)"),
            ], SvgCharts.Green));
        AppendFunnelTable(html, "By recruiting store", line.ByStore);
        AppendFunnelTable(html, "By month the friend was added", line.ByMonth);
    }

    private static void AppendFunnelTable(StringBuilder html, string title, MembershipFunnelReport report)
    {
        html.Append(Invariant, $"<h3>{E(title)}</h3><table><tr><th></th><th>friends</th><th>linked</th><th>first purchase</th><th>repurchase</th>")
            .Append("<th>binding rate</th><th>first-purchase rate</th><th>repurchase rate</th></tr>");
        foreach (var (key, c) in report.Groups.Select(g => (g.Key, g.Counts)).Append(("total", report.Total)))
        {
            html.Append(Invariant, $"<tr><td>{E(key)}</td><td>{c.Friends:N0}</td><td>{c.Linked:N0}</td><td>{c.FirstPurchasers:N0}</td><td>{c.Repurchasers:N0}</td>")
                .Append(Invariant, $"<td>{ConsoleReport.Percent(c.BindingRate)}</td><td>{ConsoleReport.Percent(c.FirstPurchaseRate)}</td><td>{ConsoleReport.Percent(c.RepurchaseRate)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendSegments(StringBuilder html, DateTimeOffset now, IReadOnlyList<SegmentOutcome> segments)
    {
        html.Append("<h2>Segments</h2>")
            .Append(Invariant, $"<p class=\"meta\">CEL over the member table, evaluated with <code>now</code> = {E(now.ToString("yyyy-MM-dd HH:mm zzz", Invariant))}.</p>")
            .Append("<table class=\"segments\"><tr><th>segment</th><th>CEL</th><th>members</th><th>with a LINE user id</th><th>for example</th></tr>");
        foreach (var s in segments)
        {
            html.Append(Invariant, $"<tr><td>{E(s.Segment.Description)}<br><span class=\"note\">{E(s.Segment.Id)}</span></td><td><code>{E(s.Segment.Expression)}</code></td>");
            if (s.Members is { } n)
            {
                html.Append(Invariant, $"<td>{n:N0}</td><td>{s.WithLineUserId:N0}</td><td><code>{E(string.Join(" ", s.ExampleLineUserIds))}</code>")
                    .Append(s.Note is null ? string.Empty : $"<br><span class=\"note\">{E(s.Note)}</span>").Append("</td></tr>");
            }
            else
            {
                html.Append(Invariant, $"<td colspan=\"3\" class=\"note\">{E(s.Note ?? "-")}</td></tr>");
            }
        }

        html.Append("</table>");
    }

    private static void AppendPurchases(StringBuilder html, PurchaseReport p)
    {
        html.Append("<h2>First purchases by month</h2>");
        html.Append(SvgCharts.Columns([.. p.FirstPurchasesByMonth.Select(m => m.Month.ToString())], [.. p.FirstPurchasesByMonth.Select(m => new double[] { m.Count })],
            [SvgCharts.Blue], ["first purchases"], v => v.ToString("N0", Invariant)));

        html.Append("<h2>Revenue by month: new versus repeat</h2>");
        html.Append(SvgCharts.Columns([.. p.RevenueByMonth.Select(m => m.Month.ToString())], [.. p.RevenueByMonth.Select(m => new[] { (double)m.New, (double)m.Repeat })],
            [SvgCharts.Green, SvgCharts.Blue], ["new customers", "repeat customers"], v => v.ToString("N0", Invariant)));
        html.Append("<p class=\"note\">Revenue is new when the customer's first purchase day is in that month. Refunds are netted in the month they happen.</p>");

        var d = p.InterPurchaseDays;
        html.Append("<h2>Days between purchase days</h2>");
        html.Append(Invariant, $"<p class=\"meta\">{d.Count:N0} intervals &middot; median {d.Median?.ToString(Invariant) ?? "-"} &middot; 25th percentile {d.P25?.ToString(Invariant) ?? "-"}")
            .Append(Invariant, $" &middot; 75th percentile {d.P75?.ToString(Invariant) ?? "-"} &middot; mean {d.Mean?.ToString("F1", Invariant) ?? "-"} days</p>");
        var buckets = Enumerable.Range(0, IntervalSummary.Buckets).Select(b => b == IntervalSummary.Buckets - 1 ? "360+" : $"{b * 30}-{(b * 30) + 29}").ToArray();
        html.Append(SvgCharts.Columns(buckets, [.. d.Histogram30.Select(c => new double[] { c })], [SvgCharts.Blue], ["intervals"], v => v.ToString("N0", Invariant)));

        html.Append("<h2>Cohorts: customers buying again, by months since their first purchase</h2>");
        var columns = p.Cohorts.Count == 0 ? 0 : Math.Min(25, p.Cohorts.Max(c => c.ActiveByMonthsSince.Count));
        var rows = p.Cohorts.Select(c => Enumerable.Range(0, columns).Select(k => k < c.ActiveByMonthsSince.Count
            ? ((double?)c.ActiveByMonthsSince[k] / c.Customers,
               k == 0 ? c.Customers.ToString("N0", Invariant) : ConsoleReport.Percent((double)c.ActiveByMonthsSince[k] / c.Customers),
               $"{c.Month} +{k}: {c.ActiveByMonthsSince[k]:N0} of {c.Customers:N0}")
            : (null, string.Empty, string.Empty)).ToArray()).ToList();
        html.Append(SvgCharts.HeatMap([.. p.Cohorts.Select(c => c.Month.ToString())], rows, [.. Enumerable.Range(0, columns).Select(k => "+" + k)]));
        html.Append("<p class=\"note\">Column +0 shows the cohort's size; later columns the share of the cohort with a purchase day in that month.</p>");
    }

    private static string Card(string label, string value) => $"<div class=\"card\"><b>{E(value)}</b><span>{E(label)}</span></div>";

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
