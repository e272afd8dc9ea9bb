using System.Globalization;
using LineCrm.Samples.Analysis.Steps;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>The tables the job prints.</summary>
internal static class ConsoleReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter o, AnalysisResult r)
    {
        var p = r.Purchases;
        o.WriteLine($"Source          {r.Input.Source}");
        o.WriteLine($"Time zone       {r.TimeZone.Id}");
        o.WriteLine($"Input           {r.Input.Account.Rows:N0} rows, {r.Input.Account.InvalidRows:N0} invalid");
        foreach (var problem in r.Input.Account.Problems.Take(5))
        {
            o.WriteLine($"                  {problem}");
        }

        o.WriteLine($"Identities      {r.Persons:N0} persons; {r.IdentityResolution}");
        o.WriteLine($"Member table    {r.Members:N0} members with facts, built through the identity graph");
        o.WriteLine();
        o.WriteLine($"Segments (now = {r.Input.AsOf.ToString("yyyy-MM-dd HH:mm zzz", Invariant)})");
        foreach (var s in r.Segments)
        {
            o.WriteLine($"  {s.Segment.Id,-24} {s.Members?.ToString("N0", Invariant) ?? "-",10}  {s.Segment.Description}");
            o.WriteLine($"  {string.Empty,-24} {string.Empty,10}  {s.Segment.Expression}");
            if (s.Members is not null)
            {
                var examples = s.ExampleLineUserIds.Count == 0 ? "none" : string.Join(", ", s.ExampleLineUserIds) + (s.WithLineUserId > s.ExampleLineUserIds.Count ? ", ..." : string.Empty);
                o.WriteLine($"  {string.Empty,-24} {string.Empty,10}  {s.WithLineUserId:N0} with a LINE user id: {examples}");
            }

            if (s.Note is not null)
            {
                o.WriteLine($"  {string.Empty,-24} {string.Empty,10}  ({s.Note})");
            }
        }

        if (r.Line is { } line)
        {
            WriteFunnel(o, "Membership funnel by store", line.ByStore);
            WriteFunnel(o, "Membership funnel by month the friend was added", line.ByMonth);
            o.WriteLine();
            o.WriteLine($"LINE friends    {line.Activity.Friends:N0}; blocked {Percent(line.Activity.BlockedRate)}; "
                + $"clicked within {line.Activity.ClickWindowDays} days {Percent(line.Activity.ClickActiveRate)}");
        }

        o.WriteLine();
        o.WriteLine("Purchases");
        o.WriteLine($"  customers {p.Customers,12:N0}   orders {p.Orders,10:N0}   refunds {p.Refunds,8:N0}   revenue {p.Revenue,16:N2}");
        o.WriteLine($"  repeat customers {p.RepeatCustomers:N0} ({Percent(p.RepurchaseRate)} of customers)");
        var d = p.InterPurchaseDays;
        o.WriteLine($"  days between purchase days: median {d.Median?.ToString(Invariant) ?? "-"}, p25 {d.P25?.ToString(Invariant) ?? "-"}, "
            + $"p75 {d.P75?.ToString(Invariant) ?? "-"}, mean {d.Mean?.ToString("F1", Invariant) ?? "-"} ({d.Count:N0} intervals)");
        o.WriteLine();
        o.WriteLine($"  {"month",-8} {"first buyers",12} {"revenue",16} {"new",16} {"repeat",16} {"new share",10}");
        var firsts = p.FirstPurchasesByMonth.ToDictionary(m => m.Month, m => m.Count);
        foreach (var m in p.RevenueByMonth)
        {
            o.WriteLine($"  {m.Month,-8} {firsts.GetValueOrDefault(m.Month),12:N0} {m.Total,16:N0} {m.New,16:N0} {m.Repeat,16:N0} {Percent(m.NewShare),10}");
        }

        o.WriteLine();
        o.WriteLine("  interval histogram (days)");
        for (var b = 0; b < d.Histogram30.Count; b++)
        {
            var label = b == IntervalSummary.Buckets - 1 ? "360+" : $"{b * 30}-{(b * 30) + 29}";
            var bar = new string('#', d.Count == 0 ? 0 : (int)Math.Round(40.0 * d.Histogram30[b] / d.Histogram30.Max()));
            o.WriteLine($"  {label,8} {d.Histogram30[b],10:N0} {bar}");
        }

        WriteCohorts(o, p.Cohorts);
        if (r.Campaigns is { } campaigns)
        {
            CampaignConsoleReport.Write(o, campaigns);
        }
    }

    private static void WriteFunnel(TextWriter o, string title, MembershipFunnelReport report)
    {
        o.WriteLine();
        o.WriteLine(title);
        o.WriteLine($"  {"group",-10} {"friends",9} {"linked",9} {"bought",9} {"again",9} {"binding",8} {"1st buy",8} {"repeat",8}");
        foreach (var (key, c) in report.Groups.Select(g => (g.Key, g.Counts)).Append(("total", report.Total)))
        {
            o.WriteLine($"  {key,-10} {c.Friends,9:N0} {c.Linked,9:N0} {c.FirstPurchasers,9:N0} {c.Repurchasers,9:N0} "
                + $"{Percent(c.BindingRate),8} {Percent(c.FirstPurchaseRate),8} {Percent(c.RepurchaseRate),8}");
        }
    }

    private static void WriteCohorts(TextWriter o, IReadOnlyList<CohortRow> cohorts)
    {
        o.WriteLine();
        o.WriteLine("  cohorts: share of each first-purchase month's customers buying k months later (k = 0..6)");
        foreach (var row in cohorts.Take(24))
        {
            var cells = row.ActiveByMonthsSince.Take(7).Select(c => Percent((double)c / row.Customers).PadLeft(7));
            o.WriteLine($"  {row.Month,-8} {row.Customers,8:N0} {string.Concat(cells)}");
        }
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("F1", Invariant) + "%" : "-";
}
