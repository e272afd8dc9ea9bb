namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Every customer's purchase days, grouped: the local calendar days (<see cref="DateOnly.DayNumber"/>) of their
/// orders with an amount of zero or more, sorted, in one array with per-person offsets (compressed rows), so
/// that 50 million orders take two int arrays and no per-person objects. Duplicates (several orders on one day)
/// are kept; readers skip them.
/// </summary>
internal sealed class PurchaseDays
{
    private PurchaseDays(int[] orderDays, int[] start, int[] days, int minDay, int maxDay, int refunds)
    {
        OrderDays = orderDays;
        Start = start;
        Days = days;
        MinDay = minDay;
        MaxDay = maxDay;
        Refunds = refunds;
    }

    /// <summary>The local day of every order row, refunds included, in table order.</summary>
    public int[] OrderDays { get; }

    /// <summary>Person p's days are <c>Days[Start[p]..Start[p + 1]]</c>.</summary>
    public int[] Start { get; }

    /// <summary>The purchase days of all persons, grouped by person and sorted within each person.</summary>
    public int[] Days { get; }

    /// <summary>The earliest order day (refunds included); greater than <see cref="MaxDay"/> when there are no orders.</summary>
    public int MinDay { get; }

    /// <summary>The latest order day (refunds included).</summary>
    public int MaxDay { get; }

    /// <summary>Order rows with a negative amount.</summary>
    public int Refunds { get; }

    /// <summary>Person p's purchase days, sorted, with repeats for several orders on a day.</summary>
    public ReadOnlySpan<int> Of(int person) => Days.AsSpan(Start[person], Start[person + 1] - Start[person]);

    /// <summary>Groups the orders' days by person, in <paramref name="timeZone"/>.</summary>
    public static PurchaseDays Group(OrderTable orders, TimeZoneInfo timeZone)
    {
        var ticks = orders.UtcTicks;
        var persons = orders.Persons;
        var amounts = orders.Amounts;
        var orderDays = new int[orders.Count];
        LocalCalendar.ForValues(timeZone, ticks).DayNumbers(ticks, orderDays);

        var minDay = int.MaxValue;
        var maxDay = int.MinValue;
        var refunds = 0;

        // Compressed rows without a cursor array: count into start[p], make start[p] the end of p's run, then
        // place rows backwards decrementing it, which leaves start[p] at the beginning of p's run and keeps the
        // rows' order within a person. One per-person array touched per row is half the cache misses of two.
        var start = new int[orders.PersonCount + 1];
        for (var i = 0; i < orderDays.Length; i++)
        {
            minDay = Math.Min(minDay, orderDays[i]);
            maxDay = Math.Max(maxDay, orderDays[i]);
            if (amounts[i] < 0)
            {
                refunds++;
            }
            else
            {
                start[persons[i]]++;
            }
        }

        for (var p = 1; p <= orders.PersonCount; p++)
        {
            start[p] += start[p - 1];
        }

        var days = new int[start[^1]];
        for (var i = orderDays.Length - 1; i >= 0; i--)
        {
            if (amounts[i] >= 0)
            {
                days[--start[persons[i]]] = orderDays[i];
            }
        }

        // Orders usually arrive in time order, and the grouping keeps that order; sort only persons that need it.
        for (var p = 0; p < orders.PersonCount; p++)
        {
            var own = days.AsSpan(start[p], start[p + 1] - start[p]);
            for (var j = 1; j < own.Length; j++)
            {
                if (own[j] < own[j - 1])
                {
                    own.Sort();
                    break;
                }
            }
        }

        return new PurchaseDays(orderDays, start, days, minDay, maxDay, refunds);
    }
}
