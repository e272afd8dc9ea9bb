using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>
/// The documented report.json keys (docs/metrics.md) with their shapes, and the relations between them that
/// hold for any input: these checks never compare with figures the job computed.
/// </summary>
internal static partial class ReportShape
{
    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthKey();

    public static JsonElement Property(JsonElement parent, string name, JsonValueKind kind)
    {
        Assert.True(parent.TryGetProperty(name, out var value), $"report.json has no '{name}'");
        Assert.True(value.ValueKind == kind, $"'{name}' is {value.ValueKind}, documented as {kind}");
        return value;
    }

    public static double? NumberOrNull(JsonElement parent, string name)
    {
        Assert.True(parent.TryGetProperty(name, out var value), $"report.json has no '{name}'");
        Assert.True(value.ValueKind is JsonValueKind.Number or JsonValueKind.Null, $"'{name}' is {value.ValueKind}, documented as a number or null");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
    }

    public static void Rate(double? rate, string what)
        => Assert.True(rate is null or (>= 0 and <= 1), $"{what} = {rate} is not in [0, 1]");

    /// <summary>A "yyyy-MM" -> value object whose keys run month by month in calendar order.</summary>
    public static List<(string Month, JsonElement Value)> Months(JsonElement parent, string name)
    {
        var months = Property(parent, name, JsonValueKind.Object).EnumerateObject().Select(p => (Month: p.Name, p.Value)).ToList();
        foreach (var (month, _) in months)
        {
            Assert.Matches(MonthKey(), month);
        }

        for (var i = 1; i < months.Count; i++)
        {
            var previous = DateTime.ParseExact(months[i - 1].Month, "yyyy-MM", CultureInfo.InvariantCulture);
            Assert.Equal(previous.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture), months[i].Month);
        }

        return months;
    }

    /// <summary>Checks every key documented for all inputs; returns the root for further checks.</summary>
    public static void CheckPurchaseFigures(JsonElement report)
    {
        var customers = Property(report, "customers", JsonValueKind.Number).GetInt64();
        var orders = Property(report, "orders", JsonValueKind.Number).GetInt64();
        var revenue = Property(report, "revenue", JsonValueKind.Number).GetDecimal();
        Assert.True(customers <= orders, $"{customers} customers but only {orders} orders");

        var firsts = Months(report, "firstPurchasesByMonth");
        Assert.Equal(customers, firsts.Sum(m => m.Value.GetInt64())); // every customer has exactly one first purchase

        var repeat = Property(report, "repeatCustomers", JsonValueKind.Number).GetInt64();
        Assert.InRange(repeat, 0, customers);
        var repurchaseRate = NumberOrNull(report, "repurchaseRate");
        Rate(repurchaseRate, "repurchaseRate");
        Assert.Equal((double)repeat / customers, repurchaseRate!.Value, 12);

        var days = Property(report, "interPurchaseDays", JsonValueKind.Object);
        var intervals = Property(days, "count", JsonValueKind.Number).GetInt64();
        var histogram = Property(days, "histogram30", JsonValueKind.Array).EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.Equal(13, histogram.Count);
        Assert.Equal(intervals, histogram.Sum());
        Assert.True(intervals >= repeat, "each repeat customer has at least one interval");
        var (p25, median, p75, mean) = (NumberOrNull(days, "p25"), NumberOrNull(days, "median"), NumberOrNull(days, "p75"), NumberOrNull(days, "mean"));
        Assert.True(1 <= p25 && p25 <= median && median <= p75, $"percentiles out of order: p25 {p25}, median {median}, p75 {p75}");
        Assert.True(mean >= 1, $"mean {mean}: intervals are at least one day");

        var shares = Months(report, "newRevenueShareByMonth");
        var revenueByMonth = Months(report, "revenueByMonth");
        Assert.Equal(revenueByMonth.Select(m => m.Month), shares.Select(m => m.Month));
        Assert.Equal(revenue, revenueByMonth.Sum(m => Property(m.Value, "total", JsonValueKind.Number).GetDecimal()));
        for (var i = 0; i < shares.Count; i++)
        {
            var month = revenueByMonth[i].Value;
            var (total, added, repeated) = (month.GetProperty("total").GetDecimal(), month.GetProperty("new").GetDecimal(), month.GetProperty("repeat").GetDecimal());
            Assert.Equal(total, added + repeated);
            double? share = shares[i].Value.ValueKind == JsonValueKind.Null ? null : shares[i].Value.GetDouble();
            Rate(share, $"newRevenueShareByMonth[{shares[i].Month}]");
            Assert.Equal(total > 0 ? (double)(added / total) : null, share);
        }

        var firstsByMonth = firsts.ToDictionary(m => m.Month, m => m.Value.GetInt64());
        var cohorts = Property(report, "cohortRetention", JsonValueKind.Object).EnumerateObject().ToList();
        Assert.Equal(firsts.Where(m => m.Value.GetInt64() > 0).Select(m => m.Month), cohorts.Select(c => c.Name));
        foreach (var cohort in cohorts)
        {
            var counts = cohort.Value.EnumerateArray().Select(e => e.GetInt64()).ToList();
            Assert.Equal(firstsByMonth[cohort.Name], counts[0]); // element 0 is the cohort's size
            Assert.All(counts, c => Assert.InRange(c, 0, counts[0]));
        }

        Property(report, "segments", JsonValueKind.Object);
    }

    public static void CheckFunnel(JsonElement funnel, long expectedFriends)
    {
        long Count(JsonElement e, string name) => Property(e, name, JsonValueKind.Number).GetInt64();
        void Steps(JsonElement e, string where)
        {
            var (friends, linked, first, again) = (Count(e, "friends"), Count(e, "linked"), Count(e, "firstPurchasers"), Count(e, "repurchasers"));
            Assert.True(friends >= linked && linked >= first && first >= again && again >= 0, $"{where}: counts grow along the funnel: {friends}, {linked}, {first}, {again}");
            Assert.Equal(friends == 0 ? null : (double)linked / friends, NumberOrNull(e, "bindingRate"));
            Assert.Equal(linked == 0 ? null : (double)first / linked, NumberOrNull(e, "firstPurchaseRate"));
            Assert.Equal(first == 0 ? null : (double)again / first, NumberOrNull(e, "repurchaseRate"));
        }

        Steps(funnel, "funnel");
        Assert.Equal(expectedFriends, Count(funnel, "friends"));
        foreach (var breakdown in new[] { "byStore", "byMonth" })
        {
            var groups = Property(funnel, breakdown, JsonValueKind.Object).EnumerateObject().ToList();
            Assert.NotEmpty(groups);
            foreach (var group in groups)
            {
                Steps(group.Value, $"{breakdown}.{group.Name}");
            }

            foreach (var step in new[] { "friends", "linked", "firstPurchasers", "repurchasers" })
            {
                Assert.Equal(Count(funnel, step), groups.Sum(g => Count(g.Value, step))); // groups add up to the total
            }
        }

        Rate(NumberOrNull(funnel, "blockedRate"), "blockedRate");
        Rate(NumberOrNull(funnel, "clickActiveRate"), "clickActiveRate");
        Assert.Equal(30, Count(funnel, "clickWindowDays"));
    }
}
