using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

/// <summary>
/// The metrics written the slow, obvious way (lists, LINQ, TimeZoneInfo.ConvertTime per row), to check the
/// columnar implementation against.
/// </summary>
internal static class Reference
{
    public sealed record Order(int Person, DateTimeOffset At, decimal Amount);

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo tz) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, tz).DateTime);

    public static string Month(DateOnly d) => $"{d.Year:D4}-{d.Month:D2}";

    public static int MonthNumber(DateOnly d) => (d.Year * 12) + d.Month - 1;

    /// <summary>Each customer's distinct purchase days, sorted.</summary>
    public static Dictionary<int, List<DateOnly>> PurchaseDays(IEnumerable<Order> orders, TimeZoneInfo tz)
        => orders.Where(o => o.Amount >= 0)
            .GroupBy(o => o.Person)
            .ToDictionary(g => g.Key, g => g.Select(o => LocalDate(o.At, tz)).Distinct().Order().ToList());

    public static List<int> Intervals(Dictionary<int, List<DateOnly>> days)
        => [.. days.Values.SelectMany(d => d.Zip(d.Skip(1), (a, b) => b.DayNumber - a.DayNumber)).Order()];

    public static int NearestRank(List<int> sorted, int percent) => sorted[(int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1];

    public static Dictionary<string, int> FirstPurchasesByMonth(Dictionary<int, List<DateOnly>> days)
        => days.Values.GroupBy(d => Month(d[0])).ToDictionary(g => g.Key, g => g.Count());

    public static Dictionary<string, (decimal Total, decimal New)> RevenueByMonth(List<Order> orders, TimeZoneInfo tz)
    {
        var firstMonth = PurchaseDays(orders, tz).ToDictionary(p => p.Key, p => Month(p.Value[0]));
        return orders.GroupBy(o => Month(LocalDate(o.At, tz))).ToDictionary(
            g => g.Key,
            g => (g.Sum(o => o.Amount), g.Where(o => firstMonth.TryGetValue(o.Person, out var m) && m == g.Key).Sum(o => o.Amount)));
    }

    /// <summary>Cohort month -> (months since -> distinct customers).</summary>
    public static Dictionary<string, Dictionary<int, int>> Cohorts(Dictionary<int, List<DateOnly>> days)
        => days.Values.GroupBy(d => Month(d[0])).ToDictionary(
            g => g.Key,
            g => g.SelectMany(d => d.Select(x => MonthNumber(x) - MonthNumber(d[0])).Distinct()).GroupBy(k => k).ToDictionary(k => k.Key, k => k.Count()));
}
