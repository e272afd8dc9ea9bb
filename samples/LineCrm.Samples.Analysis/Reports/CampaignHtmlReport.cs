using System.Globalization;
using System.Text;
using LineCrm.Campaigns.Measurement;
using LineCrm.Samples.Analysis.Steps;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>report.html's campaign section: the plan, and each measured uplift with its interval beside the planted truth.</summary>
internal static class CampaignHtmlReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder html, CampaignWeek week)
    {
        html.Append("<h2>Campaigns: a simulated week</h2>")
            .Append(Invariant, $"<p class=\"meta\">Run {E(week.RunAt.ToString("yyyy-MM-dd HH:mm zzz", Invariant))} &middot; {E(week.Rules)} &middot; ")
            .Append(Invariant, $"{week.Quota.PaidMessages:N0} paid messages planned, {(week.Quota.Quota is { } q ? $"{week.Quota.Used:N0} of {q:N0} used this month" : "no monthly limit")} &middot; ")
            .Append(Invariant, $"{week.LineRequests:N0} multicast requests to an in-process fake LINE server</p>");
        html.Append("<table><tr><th>campaign</th><th>audience</th><th>global control</th><th>holdout</th><th>capped</th><th>of which by a higher campaign</th><th>deferred by quiet hours</th><th>to send</th><th>sent</th></tr>");
        foreach (var c in week.Campaigns)
        {
            var n = c.Counts;
            html.Append(Invariant, $"<tr><td>{E(c.Campaign.Id.Value)}</td><td>{n.Audience:N0}</td><td>{n.Control:N0}</td><td>{n.Holdout:N0}</td><td>{n.Capped:N0}</td>")
                .Append(Invariant, $"<td>{n.CappedByCampaign:N0}</td><td>{n.Deferred:N0}</td><td>{n.ToSend:N0}</td><td>{c.Sent:N0}</td></tr>");
        }

        html.Append("</table>");
        var rows = new List<(string Label, UpliftReport Report, double Planted)>();
        foreach (var c in week.Campaigns)
        {
            if (c.Result.Overall is { } all)
            {
                rows.Add(($"{c.Campaign.Id.Value} (all)", all, c.PlantedOverall));
            }

            rows.AddRange(c.Result.Variants.Where(_ => c.Result.Variants.Count > 1).Select((v, k) => (Label: $"{c.Campaign.Id.Value} / {v.Name}", Report: v.Report, Planted: c.PlantedByVariant[k]))
                .Where(v => v.Report is not null).Select(v => (v.Label, v.Report!, v.Planted)));
        }

        html.Append("<h3>Measured uplift of each campaign's goal within 7 days, beside the planted truth</h3>");
        html.Append(SvgCharts.Intervals([.. rows.Select(r => (r.Label, r.Report.AbsoluteUplift, r.Report.AbsoluteUpliftInterval.Lower, r.Report.AbsoluteUpliftInterval.Upper, r.Planted))],
            v => CampaignConsoleReport.Points(v) + " pt"));
        html.Append("<table><tr><th></th><th>treated</th><th>held out</th><th>conversion (treated)</th><th>conversion (held out)</th><th>uplift, points</th><th>95% interval</th>")
            .Append("<th>planted</th><th>revenue per person difference (95%)</th><th>incremental revenue</th><th>cost per incremental conversion</th><th>minimum detectable effect</th></tr>");
        foreach (var (label, r, planted) in rows)
        {
            var revenue = r.RevenuePerPersonDifferenceInterval is { } ri ? $"{r.RevenuePerPersonDifference:N1} ({ri.Lower:N1} to {ri.Upper:N1})" : $"{r.RevenuePerPersonDifference:N1}";
            html.Append(Invariant, $"<tr><td>{E(label)}</td><td>{r.Treatment.Persons:N0}</td><td>{r.Holdout.Persons:N0}</td><td>{ConsoleReport.Percent(r.Treatment.ConversionRate)}</td>")
                .Append(Invariant, $"<td>{ConsoleReport.Percent(r.Holdout.ConversionRate)}</td><td>{CampaignConsoleReport.Points(r.AbsoluteUplift)}</td>")
                .Append(Invariant, $"<td>{CampaignConsoleReport.Points(r.AbsoluteUpliftInterval.Lower)} to {CampaignConsoleReport.Points(r.AbsoluteUpliftInterval.Upper)}</td>")
                .Append(Invariant, $"<td>{CampaignConsoleReport.Points(planted)}</td><td>{E(revenue)}</td><td>{r.IncrementalRevenue:N0}</td>")
                .Append(Invariant, $"<td>{(r.CostPerIncrementalConversion is { } cpi ? cpi.ToString("N0", Invariant) : "-")}</td>")
                .Append(Invariant, $"<td>{CampaignConsoleReport.Points(r.MinimumDetectableEffect)}{(r.HoldoutTooSmall ? "*" : string.Empty)}</td></tr>");
        }

        html.Append("</table><p class=\"note\">The dot is the measured uplift, the bar its 95% interval (Newcombe's hybrid score), the diamond the planted truth: ")
            .Append("the rise the simulation gave each messaged person, times the share of the treatment group that was messaged. Only the simulation knows it; ")
            .Append("the measurement reads the fact store and the holdout alone. Messages are priced at 3 per paid message. * The uplift is below the minimum detectable effect: this holdout cannot tell an effect that small from chance. Definitions: docs/campaigns.md.</p>");
    }

    private static string E(string text) => HtmlReport.E(text);
}
