using System.Globalization;
using LineCrm.Campaigns.Measurement;
using LineCrm.Samples.Analysis.Steps;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>The campaign week's tables: the plan, what was sent, and each measured uplift beside the planted one.</summary>
internal static class CampaignConsoleReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter o, CampaignWeek week)
    {
        o.WriteLine();
        o.WriteLine($"Campaigns (run {week.RunAt.ToString("yyyy-MM-dd HH:mm zzz", Invariant)}; {week.Rules})");
        o.WriteLine($"  {"campaign",-14} {"audience",9} {"no LINE",8} {"control",8} {"holdout",8} {"capped",8} {"by camp.",8} {"deferred",8} {"to send",8} {"sent",8}");
        foreach (var c in week.Campaigns)
        {
            var n = c.Counts;
            o.WriteLine($"  {c.Campaign.Id.Value,-14} {n.Audience,9:N0} {n.Unreachable,8:N0} {n.Control,8:N0} {n.Holdout,8:N0} {n.Capped,8:N0} {n.CappedByCampaign,8:N0} {n.Deferred,8:N0} {n.ToSend,8:N0} {c.Sent,8:N0}");
        }

        var q = week.Quota;
        o.WriteLine($"  quota: {q.PaidMessages:N0} paid messages planned; {(q.Quota is { } limit ? $"{q.Used:N0} of {limit:N0} used this month" : "no monthly limit")}; "
            + $"{week.LineRequests:N0} multicast requests to the fake LINE server; the customers answered with {week.ResponsePurchases:N0} purchases");
        o.WriteLine();
        o.WriteLine("  measured uplift of the goal within 7 days (treatment vs holdout, 95% interval) beside the planted truth");
        o.WriteLine($"  {"campaign / variant",-28} {"treated",8} {"held out",8} {"conv. T",8} {"conv. H",8} {"uplift",8} {"95% interval",20} {"planted",8} {"revenue/person (95%)",28} {"MDE",7}");
        foreach (var c in week.Campaigns)
        {
            Row(o, $"{c.Campaign.Id.Value} (all)", c.Result.Overall, c.PlantedOverall);
            for (var k = 0; k < c.Result.Variants.Count && c.Result.Variants.Count > 1; k++)
            {
                Row(o, $"  {c.Result.Variants[k].Name}", c.Result.Variants[k].Report, c.PlantedByVariant[k]);
            }
        }

        o.WriteLine("  (planted: the rise the simulation gave a messaged person, times the share of the treatment group messaged;");
        o.WriteLine("   only the simulation knows it. MDE: the smallest uplift these groups detect; '*' marks an uplift below it)");
    }

    private static void Row(TextWriter o, string label, UpliftReport? r, double planted)
    {
        if (r is null)
        {
            o.WriteLine($"  {label,-28} (no holdout or no treatment: nothing to measure)");
            return;
        }

        var interval = $"{Points(r.AbsoluteUpliftInterval.Lower)} to {Points(r.AbsoluteUpliftInterval.Upper)}";
        var revenue = r.RevenuePerPersonDifferenceInterval is { } ri
            ? $"{r.RevenuePerPersonDifference:N1} ({ri.Lower:N1} to {ri.Upper:N1})"
            : $"{r.RevenuePerPersonDifference:N1}";
        o.WriteLine($"  {label,-28} {r.Treatment.Persons,8:N0} {r.Holdout.Persons,8:N0} {ConsoleReport.Percent(r.Treatment.ConversionRate),8} {ConsoleReport.Percent(r.Holdout.ConversionRate),8} "
            + $"{Points(r.AbsoluteUplift),8} {interval,20} {Points(planted),8} {revenue,28} {Points(r.MinimumDetectableEffect),6}{(r.HoldoutTooSmall ? "*" : " ")}");
    }

    /// <summary>A difference of rates in percentage points, signed.</summary>
    public static string Points(double rate) => (rate * 100).ToString("+0.00;-0.00;0.00", Invariant);
}
