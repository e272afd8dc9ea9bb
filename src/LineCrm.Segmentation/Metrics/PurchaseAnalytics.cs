namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Computes the purchase analytics (<see cref="PurchaseReport"/>): first purchases by month, repeat customers,
/// days between purchase days, new versus repeat revenue, and the cohort grid. Linear in the number of orders
/// plus persons, over arrays only.
/// </summary>
public static class PurchaseAnalytics
{
    /// <summary>Analyses <paramref name="orders"/> by calendar in <paramref name="timeZone"/>.</summary>
    /// <param name="orders">The orders; refunds are orders with negative amounts.</param>
    /// <param name="timeZone">The time zone whose calendar days and months the figures use.</param>
    public static PurchaseReport Compute(OrderTable orders, TimeZoneInfo timeZone) => Compute(orders, timeZone, null, CancellationToken.None);

    /// <summary>Analyses <paramref name="orders"/> by calendar in <paramref name="timeZone"/>, on at most the cores <paramref name="options"/> allows.</summary>
    /// <param name="orders">The orders; refunds are orders with negative amounts.</param>
    /// <param name="timeZone">The time zone whose calendar days and months the figures use.</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of the passes over the orders.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static PurchaseReport Compute(OrderTable orders, TimeZoneInfo timeZone, ComputeOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(timeZone);
        var parallelism = Parallelism.From(options, cancellationToken);
        if (orders.Count == 0)
        {
            return Empty() with { Currency = orders.Currency };
        }

        var rows = PurchaseRows.Build(orders, timeZone, parallelism);
        var firstMonthIndex = LocalCalendar.MonthIndex(rows.MinDay);
        var months = LocalCalendar.MonthIndex(rows.MaxDay) - firstMonthIndex + 1;
        var monthOfOffset = MonthOfOffset(rows, firstMonthIndex);

        var walk = CustomerWalk.Run(rows, monthOfOffset, months);
        parallelism.ThrowIfCancellationRequested();
        var (total, fresh) = RevenueSplit.Compute(orders, rows, monthOfOffset, months, walk);
        var revenue = new MonthlyRevenue[months];
        for (var m = 0; m < months; m++)
        {
            revenue[m] = new MonthlyRevenue(CalendarMonth.FromIndex(firstMonthIndex + m), total[m], fresh[m], total[m] - fresh[m]);
        }

        return new PurchaseReport
        {
            Currency = orders.Currency,
            Customers = walk.Customers,
            Orders = orders.Count,
            Refunds = rows.Refunds,
            Revenue = revenue.Sum(r => r.Total),
            FirstPurchasesByMonth = FirstPurchases(walk.FirstPurchases, firstMonthIndex),
            RepeatCustomers = walk.RepeatCustomers,
            InterPurchaseDays = Summarise(walk.IntervalCounts),
            RevenueByMonth = revenue,
            Cohorts = CohortRows(walk.Cohorts, months, firstMonthIndex),
        };
    }

    private static PurchaseReport Empty() => new()
    {
        Customers = 0,
        Orders = 0,
        Refunds = 0,
        Revenue = 0m,
        FirstPurchasesByMonth = [],
        RepeatCustomers = 0,
        InterPurchaseDays = Summarise([]),
        RevenueByMonth = [],
        Cohorts = [],
    };

    // The month (relative to the first) of each day offset the packed rows use: one array read per order instead of
    // a calendar computation. Offsets before the first order's day never occur and stay 0.
    private static int[] MonthOfOffset(PurchaseRows rows, int firstMonthIndex)
    {
        var monthOfOffset = new int[rows.MaxDay - rows.BaseDay + 1];
        for (var day = rows.MinDay; day <= rows.MaxDay; day++)
        {
            monthOfOffset[day - rows.BaseDay] = LocalCalendar.MonthIndex(day) - firstMonthIndex;
        }

        return monthOfOffset;
    }

    private static MonthlyCount[] FirstPurchases(int[] counts, int firstMonthIndex)
    {
        var from = Array.FindIndex(counts, c => c > 0);
        if (from < 0)
        {
            return [];
        }

        var to = Array.FindLastIndex(counts, c => c > 0);
        var result = new MonthlyCount[to - from + 1];
        for (var m = from; m <= to; m++)
        {
            result[m - from] = new MonthlyCount(CalendarMonth.FromIndex(firstMonthIndex + m), counts[m]);
        }

        return result;
    }

    private static CohortRow[] CohortRows(int[] cohorts, int months, int firstMonthIndex)
    {
        // Rows run to the last month in which any customer has a purchase day.
        var lastActive = -1;
        for (var cell = 0; cell < cohorts.Length; cell++)
        {
            if (cohorts[cell] > 0)
            {
                lastActive = Math.Max(lastActive, (cell / months) + (cell % months));
            }
        }

        var rows = new List<CohortRow>();
        for (var m = 0; m < months; m++)
        {
            if (cohorts[m * months] == 0)
            {
                continue;
            }

            rows.Add(new CohortRow(CalendarMonth.FromIndex(firstMonthIndex + m), cohorts.AsSpan(m * months, lastActive - m + 1).ToArray()));
        }

        return [.. rows];
    }

    /// <summary>Summarises intervals given as counts by length in days (element d counts intervals of d days).</summary>
    internal static IntervalSummary Summarise(ReadOnlySpan<long> countsByDays)
    {
        var histogram = new long[IntervalSummary.Buckets];
        long count = 0;
        double sum = 0;
        for (var d = 0; d < countsByDays.Length; d++)
        {
            var c = countsByDays[d];
            if (c == 0)
            {
                continue;
            }

            count += c;
            sum += (double)d * c;
            histogram[Math.Min(d / IntervalSummary.BucketDays, IntervalSummary.Buckets - 1)] += c;
        }

        if (count == 0)
        {
            return new IntervalSummary(0, null, null, null, null, histogram);
        }

        return new IntervalSummary(count, NearestRank(countsByDays, count, 50), NearestRank(countsByDays, count, 25),
            NearestRank(countsByDays, count, 75), sum / count, histogram);
    }

    // The value at 1-based rank ceil(percent / 100 * count) in the sorted intervals.
    private static int NearestRank(ReadOnlySpan<long> countsByDays, long count, int percent)
    {
        var rank = Math.Max(1, ((percent * count) + 99) / 100);
        long seen = 0;
        for (var d = 0; d < countsByDays.Length; d++)
        {
            seen += countsByDays[d];
            if (seen >= rank)
            {
                return d;
            }
        }

        throw new InvalidOperationException("Unreachable: the rank is within the count.");
    }
}
