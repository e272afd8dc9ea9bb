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
    public static PurchaseReport Compute(OrderTable orders, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(timeZone);
        var grouped = PurchaseDays.Group(orders, timeZone);
        if (orders.Count == 0)
        {
            return Empty();
        }

        var firstMonthIndex = LocalCalendar.MonthIndex(grouped.MinDay);
        var months = LocalCalendar.MonthIndex(grouped.MaxDay) - firstMonthIndex + 1;
        var monthOfDay = MonthOfDay(grouped.MinDay, grouped.MaxDay, firstMonthIndex);

        var walk = WalkCustomers(grouped, monthOfDay, months, orders.PersonCount);
        var revenue = SplitRevenue(orders, grouped, monthOfDay, months, walk.FirstMonthOf);

        return new PurchaseReport
        {
            Customers = walk.Customers,
            Orders = orders.Count,
            Refunds = grouped.Refunds,
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

    // Month of each day in the data's range, relative to the first month: one array read per order instead of a
    // calendar computation.
    private static int[] MonthOfDay(int minDay, int maxDay, int firstMonthIndex)
    {
        var monthOfDay = new int[maxDay - minDay + 1];
        for (var d = 0; d < monthOfDay.Length; d++)
        {
            monthOfDay[d] = LocalCalendar.MonthIndex(minDay + d) - firstMonthIndex;
        }

        return monthOfDay;
    }

    private sealed record CustomerWalk(int Customers, int RepeatCustomers, int[] FirstMonthOf, int[] FirstPurchases, long[] IntervalCounts, int[] Cohorts);

    // One pass over every customer's sorted purchase days: first month, repeat, intervals and the cohort grid.
    private static CustomerWalk WalkCustomers(PurchaseDays grouped, int[] monthOfDay, int months, int personCount)
    {
        var minDay = grouped.MinDay;
        var firstMonthOf = new int[personCount];
        var firstPurchases = new int[months];
        var intervalCounts = new long[grouped.MaxDay - minDay + 1];
        var cohorts = new int[months * months];
        var customers = 0;
        var repeat = 0;
        for (var p = 0; p < personCount; p++)
        {
            var days = grouped.Of(p);
            if (days.IsEmpty)
            {
                firstMonthOf[p] = -1;
                continue;
            }

            customers++;
            var first = monthOfDay[days[0] - minDay];
            firstMonthOf[p] = first;
            firstPurchases[first]++;
            var row = first * months;
            cohorts[row]++;
            var previousDay = days[0];
            var previousMonth = first;
            var distinctDays = 1;
            for (var j = 1; j < days.Length; j++)
            {
                var day = days[j];
                if (day == previousDay)
                {
                    continue; // several orders on one day make one purchase day
                }

                intervalCounts[day - previousDay]++;
                distinctDays++;
                var month = monthOfDay[day - minDay];
                if (month != previousMonth)
                {
                    cohorts[row + month - first]++;
                    previousMonth = month;
                }

                previousDay = day;
            }

            if (distinctDays >= 2)
            {
                repeat++;
            }
        }

        return new CustomerWalk(customers, repeat, firstMonthOf, firstPurchases, intervalCounts, cohorts);
    }

    private static MonthlyRevenue[] SplitRevenue(OrderTable orders, PurchaseDays grouped, int[] monthOfDay, int months, int[] firstMonthOf)
    {
        var total = new decimal[months];
        var fresh = new decimal[months];
        var amounts = orders.Amounts;
        var persons = orders.Persons;
        var days = grouped.OrderDays;
        var minDay = grouped.MinDay;
        for (var i = 0; i < days.Length; i++)
        {
            var month = monthOfDay[days[i] - minDay];
            total[month] += amounts[i];
            if (firstMonthOf[persons[i]] == month)
            {
                fresh[month] += amounts[i];
            }
        }

        var firstMonth = LocalCalendar.MonthIndex(minDay);
        var result = new MonthlyRevenue[months];
        for (var m = 0; m < months; m++)
        {
            result[m] = new MonthlyRevenue(CalendarMonth.FromIndex(firstMonth + m), total[m], fresh[m], total[m] - fresh[m]);
        }

        return result;
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
