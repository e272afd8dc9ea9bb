using System.Text.Json.Serialization;
using LineCrm.Samples.Analysis.Steps;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>
/// report.json. The keys are documented in docs/metrics.md and stable: renaming one breaks the people who read
/// it. Months are "yyyy-MM" keys in calendar order. Nothing in it depends on when the job ran, so the same
/// input gives the same file.
/// </summary>
internal sealed record ReportDocument(
    string Source,
    string TimeZone,
    ReportInput Input,
    string IdentityResolution,
    int Persons,
    int Customers,
    int Orders,
    int Refunds,
    decimal Revenue,
    Dictionary<string, int> FirstPurchasesByMonth,
    int RepeatCustomers,
    double? RepurchaseRate,
    ReportIntervals InterPurchaseDays,
    Dictionary<string, double?> NewRevenueShareByMonth,
    Dictionary<string, ReportRevenue> RevenueByMonth,
    Dictionary<string, int[]> CohortRetention,
    Dictionary<string, ReportSegment> Segments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportFunnel? Funnel)
{
    /// <summary>The campaign week, on the demo data only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportCampaignWeek? Campaigns { get; init; }

    public static ReportDocument From(AnalysisResult result)
    {
        var p = result.Purchases;
        var days = p.InterPurchaseDays;
        return new ReportDocument(
            result.Input.Source,
            result.TimeZone.Id,
            new ReportInput(result.Input.Account.Rows, result.Input.Account.InvalidRows, result.Input.Account.Problems),
            result.IdentityResolution,
            result.Persons,
            p.Customers,
            p.Orders,
            p.Refunds,
            p.Revenue,
            p.FirstPurchasesByMonth.ToDictionary(m => m.Month.ToString(), m => m.Count),
            p.RepeatCustomers,
            p.RepurchaseRate,
            new ReportIntervals(days.Count, days.Median, days.P25, days.P75, days.Mean, [.. days.Histogram30]),
            p.RevenueByMonth.ToDictionary(m => m.Month.ToString(), m => m.NewShare),
            p.RevenueByMonth.ToDictionary(m => m.Month.ToString(), m => new ReportRevenue(m.Total, m.New, m.Repeat)),
            p.Cohorts.ToDictionary(c => c.Month.ToString(), c => c.ActiveByMonthsSince.ToArray()),
            result.Segments.ToDictionary(s => s.Segment.Id, s => new ReportSegment(s.Segment.Description, s.Segment.Expression, s.Members, s.WithLineUserId,
                s.ExampleLineUserIds, s.Note)),
            result.Line is { } line ? ReportFunnel.From(line) : null)
        {
            Campaigns = result.Campaigns is { } week ? ReportCampaignWeek.From(week) : null,
        };
    }
}

internal sealed record ReportInput(int Rows, int InvalidRows, IReadOnlyList<string> Problems);

internal sealed record ReportIntervals(long Count, int? Median, int? P25, int? P75, double? Mean, long[] Histogram30);

internal sealed record ReportRevenue(decimal Total, decimal New, decimal Repeat);

internal sealed record ReportSegment(string Description, string Expression, int? Members, int WithLineUserId, IReadOnlyList<string> ExampleLineUserIds, string? Note);

internal sealed record ReportFunnelStep(long Friends, long Linked, long FirstPurchasers, long Repurchasers, double? BindingRate, double? FirstPurchaseRate,
    double? RepurchaseRate)
{
    public static ReportFunnelStep From(MembershipFunnelCounts c)
        => new(c.Friends, c.Linked, c.FirstPurchasers, c.Repurchasers, c.BindingRate, c.FirstPurchaseRate, c.RepurchaseRate);
}

internal sealed record ReportFunnel(
    long Friends,
    long Linked,
    long FirstPurchasers,
    long Repurchasers,
    double? BindingRate,
    double? FirstPurchaseRate,
    double? RepurchaseRate,
    Dictionary<string, ReportFunnelStep> ByStore,
    Dictionary<string, ReportFunnelStep> ByMonth,
    double? BlockedRate,
    double? ClickActiveRate,
    int ClickWindowDays)
{
    public static ReportFunnel From(LineResult line)
    {
        var t = line.ByStore.Total;
        return new ReportFunnel(t.Friends, t.Linked, t.FirstPurchasers, t.Repurchasers, t.BindingRate, t.FirstPurchaseRate, t.RepurchaseRate,
            line.ByStore.Groups.ToDictionary(g => g.Key, g => ReportFunnelStep.From(g.Counts)),
            line.ByMonth.Groups.ToDictionary(g => g.Key, g => ReportFunnelStep.From(g.Counts)),
            line.Activity.BlockedRate, line.Activity.ClickActiveRate, line.Activity.ClickWindowDays);
    }
}

internal sealed record ReportCampaignWeek(
    DateTimeOffset RunAt, string Rules, long PaidMessages, long? Quota, long QuotaUsed, int LineRequests, long Delivered, Dictionary<string, ReportCampaign> ByCampaign)
{
    public static ReportCampaignWeek From(CampaignWeek week) => new(
        week.RunAt, week.Rules, week.Quota.PaidMessages, week.Quota.Quota, week.Quota.Used, week.LineRequests, week.Delivered,
        week.Campaigns.ToDictionary(c => c.Campaign.Id.Value, c => new ReportCampaign(
            c.Counts.Audience, c.Counts.Unreachable, c.Counts.Control, c.Counts.Holdout, c.Counts.Capped, c.Counts.CappedByCampaign, c.Counts.Deferred, c.Counts.ToSend, c.Sent,
            ReportUplift.From(c.Result.Overall, c.PlantedOverall),
            c.Result.Variants.Select((v, k) => (v.Name, Uplift: ReportUplift.From(v.Report, c.PlantedByVariant[k]))).ToDictionary(v => v.Name, v => v.Uplift))));
}

internal sealed record ReportCampaign(int Audience, int Unreachable, int Control, int Holdout, int Capped, int CappedByCampaign, int Deferred, int ToSend, long Sent,
    ReportUplift? Overall, Dictionary<string, ReportUplift?> Variants);

internal sealed record ReportUplift(long Treated, long HeldOut, long TreatedConversions, long HeldOutConversions, double AbsoluteUplift, double UpliftLower, double UpliftUpper,
    double Planted, double RevenuePerPersonDifference, double? RevenueLower, double? RevenueUpper, double IncrementalRevenue, double? CostPerIncrementalConversion,
    double MinimumDetectableEffect, bool HoldoutTooSmall)
{
    public static ReportUplift? From(LineCrm.Campaigns.Measurement.UpliftReport? r, double planted) => r is null ? null : new(
        r.Treatment.Persons, r.Holdout.Persons, r.Treatment.Conversions, r.Holdout.Conversions, r.AbsoluteUplift, r.AbsoluteUpliftInterval.Lower, r.AbsoluteUpliftInterval.Upper,
        planted, r.RevenuePerPersonDifference, r.RevenuePerPersonDifferenceInterval?.Lower, r.RevenuePerPersonDifferenceInterval?.Upper, r.IncrementalRevenue,
        r.CostPerIncrementalConversion, r.MinimumDetectableEffect, r.HoldoutTooSmall);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
