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
        var counts = PersonPartitions.NewCounts(orders.PersonCount);
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
                counts[PersonPartitions.Of(persons[i]) + 1]++;
            }
        }

        // Purchase rows (refunds left out) written out by partition of persons, in table order within each.
        var partitions = PersonPartitions.FromCounts(counts, orders.PersonCount);
        var cursors = partitions.Cursors();
        var rowPerson = new int[partitions.Rows];
        var rowDay = new int[partitions.Rows];
        for (var i = 0; i < orderDays.Length; i++)
        {
            if (amounts[i] >= 0)
            {
                var at = cursors[PersonPartitions.Of(persons[i])]++;
                rowPerson[at] = persons[i];
                rowDay[at] = orderDays[i];
            }
        }

        // A partition's purchase days take the same positions in the grouped array as its rows in the partitioned
        // ones, so each partition groups its own rows by person independently of the others.
        var start = new int[orders.PersonCount + 1];
        var days = new int[partitions.Rows];
        start[^1] = partitions.Rows;
        partitions.ForEach(k => GroupPartition(partitions, k, rowPerson, rowDay, start, days));
        return new PurchaseDays(orderDays, start, days, minDay, maxDay, refunds);
    }

    private static void GroupPartition(PersonPartitions partitions, int k, int[] rowPerson, int[] rowDay, int[] start, int[] days)
    {
        int first = PersonPartitions.FirstPerson(k), end = partitions.EndPerson(k);
        int from = partitions.RowStart[k], to = partitions.RowStart[k + 1];

        // Compressed rows without a cursor array: count into start[p], make start[p] the end of p's run, then
        // place rows backwards decrementing it, which leaves start[p] at the beginning of p's run and keeps the
        // rows' order within a person.
        for (var r = from; r < to; r++)
        {
            start[rowPerson[r]]++;
        }

        var running = from;
        for (var p = first; p < end; p++)
        {
            running += start[p];
            start[p] = running;
        }

        for (var r = to - 1; r >= from; r--)
        {
            days[--start[rowPerson[r]]] = rowDay[r];
        }

        // Orders usually arrive in time order, and the grouping keeps that order; sort only persons that need it.
        for (var p = first; p < end; p++)
        {
            var own = days.AsSpan(start[p], (p + 1 < end ? start[p + 1] : to) - start[p]);
            for (var j = 1; j < own.Length; j++)
            {
                if (own[j] < own[j - 1])
                {
                    own.Sort();
                    break;
                }
            }
        }
    }
}
