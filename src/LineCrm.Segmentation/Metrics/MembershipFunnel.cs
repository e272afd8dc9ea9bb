using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// The membership funnel: friends added -> linked a member id -> first purchase -> repurchase, with binding,
/// first-purchase and repurchase rates, overall and broken down by store, campaign, friend-added month or
/// first-order channel. One pass over the orders and one over the persons.
/// </summary>
public static class MembershipFunnel
{
    /// <summary>Computes the funnel.</summary>
    /// <param name="friends">The LINE friend facts per person.</param>
    /// <param name="orders">The orders, with the same person numbers as <paramref name="friends"/>.</param>
    /// <param name="options">The range and the calendar.</param>
    /// <param name="breakdown">The dimension to break down by, if any.</param>
    public static MembershipFunnelReport Compute(FriendTable friends, OrderTable orders, MembershipFunnelOptions options,
        MembershipBreakdown breakdown = MembershipBreakdown.None) => Compute(friends, orders, options, breakdown, null, CancellationToken.None);

    /// <summary>Computes the funnel on at most the cores <paramref name="computeOptions"/> allows.</summary>
    /// <param name="friends">The LINE friend facts per person.</param>
    /// <param name="orders">The orders, with the same person numbers as <paramref name="friends"/>.</param>
    /// <param name="options">The range and the calendar.</param>
    /// <param name="breakdown">The dimension to break down by, if any.</param>
    /// <param name="computeOptions">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between partitions of persons and between passes.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown breakdown, or <see cref="ComputeOptions.MaxDegreeOfParallelism"/> below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static MembershipFunnelReport Compute(FriendTable friends, OrderTable orders, MembershipFunnelOptions options,
        MembershipBreakdown breakdown, ComputeOptions? computeOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(friends);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(breakdown))
        {
            throw new ArgumentOutOfRangeException(nameof(breakdown), breakdown, "Unknown breakdown.");
        }

        var parallelism = Parallelism.From(computeOptions, cancellationToken, nameof(computeOptions));

        var tz = options.TimeZone;
        var persons = Math.Max(friends.PersonCount, orders.PersonCount);
        var fromTicks = options.From is { } from ? LocalCalendar.StartOfDayUtcTicks(tz, from) : long.MinValue;
        var untilTicks = options.Until is { } until ? LocalCalendar.StartOfDayUtcTicks(tz, until) : long.MaxValue;
        var buying = FirstTwoPurchaseDays(orders, tz, untilTicks, persons, parallelism);
        parallelism.ThrowIfCancellationRequested();
        var groups = GroupKeys(friends, orders, buying, breakdown, tz, persons, out var names);
        parallelism.ThrowIfCancellationRequested();

        // counts[g * 4 + step]; the last group (index names.Count) holds persons without a value.
        var counts = new long[(names.Count + 1) * 4];
        var added = friends.FriendAddedColumn;
        var linked = friends.LinkedColumn;
        for (var p = 0; p < friends.PersonCount; p++)
        {
            if ((p & ((1 << PersonPartitions.Shift) - 1)) == 0)
            {
                parallelism.ThrowIfCancellationRequested();
            }

            var at = added[p];
            if (at == FriendTable.Never || at < fromTicks || at >= untilTicks)
            {
                continue;
            }

            var row = (groups is null ? names.Count : groups[p] < 0 ? names.Count : groups[p]) * 4;
            counts[row]++;
            if (linked[p] == FriendTable.Never || linked[p] >= untilTicks)
            {
                continue;
            }

            counts[row + 1]++;
            if (buying.PurchaseDays[p] >= 1)
            {
                counts[row + 2]++;
                if (buying.PurchaseDays[p] >= 2)
                {
                    counts[row + 3]++;
                }
            }
        }

        return Report(breakdown, counts, names);
    }

    private static MembershipFunnelReport Report(MembershipBreakdown breakdown, long[] counts, IReadOnlyList<string> names)
    {
        var total = new long[4];
        var groups = new List<MembershipFunnelGroup>();
        for (var g = 0; g <= names.Count; g++)
        {
            var c = new MembershipFunnelCounts(counts[g * 4], counts[(g * 4) + 1], counts[(g * 4) + 2], counts[(g * 4) + 3]);
            for (var s = 0; s < 4; s++)
            {
                total[s] += counts[(g * 4) + s];
            }

            if (breakdown != MembershipBreakdown.None && c.Friends > 0)
            {
                groups.Add(new MembershipFunnelGroup(g < names.Count ? names[g] : MembershipFunnelReport.NoValue, c));
            }
        }

        groups.Sort(static (a, b) =>
        {
            var aNone = a.Key == MembershipFunnelReport.NoValue;
            var bNone = b.Key == MembershipFunnelReport.NoValue;
            return aNone != bNone ? aNone.CompareTo(bNone) : string.CompareOrdinal(a.Key, b.Key);
        });
        return new MembershipFunnelReport(breakdown, new MembershipFunnelCounts(total[0], total[1], total[2], total[3]), groups);
    }

    private static int[]? GroupKeys(FriendTable friends, OrderTable orders, BuyingFacts buying, MembershipBreakdown breakdown,
        TimeZoneInfo tz, int persons, out IReadOnlyList<string> names)
    {
        switch (breakdown)
        {
            case MembershipBreakdown.Store:
                names = friends.StoreNames;
                return friends.StoreColumn;
            case MembershipBreakdown.Campaign:
                names = friends.CampaignNames;
                return friends.CampaignColumn;
            case MembershipBreakdown.Channel:
                names = orders.ChannelNames;
                return buying.FirstChannel;
            case MembershipBreakdown.FriendAddedMonth:
                return FriendAddedMonths(friends, tz, out names);
            default:
                names = [];
                return null;
        }
    }

    private static int[] FriendAddedMonths(FriendTable friends, TimeZoneInfo tz, out IReadOnlyList<string> names)
    {
        var added = friends.FriendAddedColumn;
        var calendar = LocalCalendar.ForValues(tz, added.Where(t => t != FriendTable.Never).ToArray());
        var codes = new StringPool();
        var months = new int[added.Length];
        for (var p = 0; p < added.Length; p++)
        {
            months[p] = added[p] == FriendTable.Never
                ? StringPool.None
                : codes.Intern(CalendarMonth.FromIndex(LocalCalendar.MonthIndex(calendar.DayNumber(added[p]))).ToString());
        }

        names = codes.Values;
        return months;
    }

    /// <summary>Per person: how many distinct purchase days (capped at 2) before the limit, and the channel of the first order.</summary>
    private sealed record BuyingFacts(byte[] PurchaseDays, int[] FirstChannel);

    // What the pass over a person's orders keeps, in one struct so that each order touches one cache line.
    private struct FirstOrders
    {
        public long FirstTicks;
        public int FirstDay;
        public int FirstChannel;
        public byte PurchaseDays;
    }

    private static BuyingFacts FirstTwoPurchaseDays(OrderTable orders, TimeZoneInfo tz, long untilTicks, int persons, Parallelism parallelism)
    {
        var ticks = orders.UtcTicks;
        var amounts = orders.Amounts;
        var who = orders.Persons;
        var channels = orders.Channels;
        var calendar = LocalCalendar.ForValues(tz, ticks);

        // The purchases that count (no refunds, before the range ends), written out by partition of persons in
        // table order, so that each partition's per-person facts stay in the cache (see PersonPartitions).
        var counts = PersonPartitions.NewCounts(persons);
        for (var i = 0; i < ticks.Length; i++)
        {
            if (amounts[i] >= 0 && ticks[i] < untilTicks)
            {
                counts[PersonPartitions.Of(who[i]) + 1]++;
            }
        }

        var partitions = PersonPartitions.FromCounts(counts, persons);
        var cursors = partitions.Cursors();
        var rowPerson = new int[partitions.Rows];
        var rowTicks = new long[partitions.Rows];
        var rowChannel = new int[partitions.Rows];
        for (var i = 0; i < ticks.Length; i++)
        {
            if (amounts[i] >= 0 && ticks[i] < untilTicks)
            {
                var at = cursors[PersonPartitions.Of(who[i])]++;
                rowPerson[at] = who[i];
                rowTicks[at] = ticks[i];
                rowChannel[at] = channels[i];
            }
        }

        // One array for all persons: a partition's slice of it is contiguous, which is what keeps it in the cache.
        var facts = new FirstOrders[persons];
        var purchaseDays = new byte[persons];
        var firstChannel = new int[persons];
        partitions.ForEach(k =>
        {
            for (var r = partitions.RowStart[k]; r < partitions.RowStart[k + 1]; r++)
            {
                Observe(ref facts[rowPerson[r]], rowTicks[r], calendar.DayNumber(rowTicks[r]), rowChannel[r]);
            }

            for (var p = PersonPartitions.FirstPerson(k); p < partitions.EndPerson(k); p++)
            {
                purchaseDays[p] = facts[p].PurchaseDays;
                firstChannel[p] = facts[p].PurchaseDays == 0 ? StringPool.None : facts[p].FirstChannel;
            }
        }, parallelism);

        return new BuyingFacts(purchaseDays, firstChannel);
    }

    // One purchase of a person, in table order: counts purchase days up to two and keeps the earliest order's channel.
    private static void Observe(ref FirstOrders f, long ticks, int day, int channel)
    {
        switch (f.PurchaseDays)
        {
            case 0:
                f.FirstTicks = ticks;
                f.FirstDay = day;
                f.FirstChannel = channel;
                f.PurchaseDays = 1;
                return;
            case 1 when day != f.FirstDay:
                f.PurchaseDays = 2;
                break;
            default:
                break;
        }

        if (ticks < f.FirstTicks)
        {
            f.FirstTicks = ticks;
            f.FirstChannel = channel;
        }
    }
}
