namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Every purchase (an order with an amount of zero or more) as one packed <see cref="uint"/>: its local calendar
/// day, as an offset from <see cref="BaseDay"/>, in the high bits, and its person's place within a partition of
/// 2^<see cref="Shift"/> consecutive persons in the low bits. The rows are grouped by partition (radix
/// partitioning on the person's high bits), so a per-person pass can take one partition at a time with that
/// partition's state in the CPU cache, and the partitions on all cores.
/// </summary>
/// <remarks>
/// 50 million orders make 200 MB of packed rows and nothing else of that size. The earlier version kept four arrays
/// of that size (days, persons, grouped days, offsets), and a profile showed the kernel clearing fresh pages for a
/// large share of its time; so the day is computed again from the ticks rather than kept. Partitions hold 32,768
/// persons, whose per-person state fits a core's L2 cache, unless the data spans more
/// than 2^17 days (about 358 years): then partitions shrink so the day still fits beside the person.
/// </remarks>
internal sealed class PurchaseRows
{
    private const int MaxShift = 15;

    // TimeZoneInfo keeps every offset within 14 hours: an hour more is a safe bound on how far a local day lies
    // from the UTC day, so the packed range can be fixed before any day is computed.
    private static readonly long OffsetBound = TimeSpan.FromHours(15).Ticks;

    private readonly int[][] _chunkCursors;
    private readonly ulong[] _refundBits;

    private PurchaseRows(LocalCalendar calendar, int baseDay, int shift, int personCount, int[] rowStart, uint[] rows,
        int minDay, int maxDay, int refunds, RowChunks chunks, int[][] chunkCursors, ulong[] refundBits)
    {
        _refundBits = refundBits;
        Chunks = chunks;
        _chunkCursors = chunkCursors;
        Calendar = calendar;
        BaseDay = baseDay;
        Shift = shift;
        PersonCount = personCount;
        RowStart = rowStart;
        Rows = rows;
        MinDay = minDay;
        MaxDay = maxDay;
        Refunds = refunds;
    }

    /// <summary>The calendar the days were computed in.</summary>
    public LocalCalendar Calendar { get; }

    /// <summary>The day packed days count from; at or before <see cref="MinDay"/>.</summary>
    public int BaseDay { get; }

    /// <summary>Bits of the person's place within its partition; a partition holds 2^Shift persons.</summary>
    public int Shift { get; }

    /// <summary>The persons the rows may refer to.</summary>
    public int PersonCount { get; }

    /// <summary>Partition k's rows are <c>Rows[RowStart[k]..RowStart[k + 1]]</c>.</summary>
    public int[] RowStart { get; }

    /// <summary>The packed purchase rows, grouped by partition, in table order within each.</summary>
    public uint[] Rows { get; }

    /// <summary>The earliest order day (refunds included); greater than <see cref="MaxDay"/> when there are no orders.</summary>
    public int MinDay { get; }

    /// <summary>The latest order day (refunds included).</summary>
    public int MaxDay { get; }

    /// <summary>Order rows with a negative amount.</summary>
    public int Refunds { get; }

    /// <summary>The chunks of the order table the rows were written from, on all cores.</summary>
    public RowChunks Chunks { get; }

    /// <summary>The number of partitions.</summary>
    public int PartitionCount => RowStart.Length - 1;

    /// <summary>The mask that keeps a row's person place.</summary>
    public uint PersonMask => (1u << Shift) - 1;

    /// <summary>The first person of partition <paramref name="k"/>.</summary>
    public int FirstPerson(int k) => k << Shift;

    /// <summary>One past the last person of partition <paramref name="k"/>.</summary>
    public int EndPerson(int k) => (int)Math.Min(PersonCount, (long)(k + 1) << Shift);

    /// <summary>
    /// Where chunk <paramref name="chunk"/> wrote its first row of each partition (a fresh copy). A pass over that
    /// chunk's orders in table order that advances the cursor of each purchase's partition meets every purchase at
    /// its packed position, so facts found in the partitioned rows can be read back in table order.
    /// </summary>
    public int[] CursorsOf(int chunk) => (int[])_chunkCursors[chunk].Clone();

    /// <summary>Packs the purchases of <paramref name="orders"/> by local day in <paramref name="timeZone"/>, its passes run as <paramref name="parallelism"/> allows.</summary>
    public static PurchaseRows Build(OrderTable orders, TimeZoneInfo timeZone, Parallelism parallelism)
    {
        var ticks = orders.UtcTickColumn;
        if (ticks.Length == 0)
        {
            return new PurchaseRows(LocalCalendar.ForRange(timeZone, 1, 0), 0, MaxShift, orders.PersonCount, [0], [], int.MaxValue, int.MinValue, 0,
                RowChunks.For(0, parallelism), [new int[1]], []);
        }

        var chunks = RowChunks.For(ticks.Length, parallelism);
        var (minTicks, maxTicks) = TickRange(ticks, chunks);
        var calendar = LocalCalendar.ForRange(timeZone, minTicks, maxTicks);
        var baseDay = (int)(Math.Max(0, minTicks - OffsetBound) / TimeSpan.TicksPerDay);
        var span = (ulong)(((maxTicks + OffsetBound) / TimeSpan.TicksPerDay) - baseDay);
        var shift = Math.Min(MaxShift, 32 - (64 - System.Numerics.BitOperations.LeadingZeroCount(span)));
        var partitions = ((orders.PersonCount - 1) >> shift) + 1;

        var tallies = new ChunkTally[chunks.Count];
        var refundBits = new ulong[(ticks.Length + 63) / 64];
        chunks.Run(c => tallies[c] = Count(orders, calendar, shift, partitions, refundBits, chunks.From(c), chunks.To(c)));

        // Partition k's rows start after the rows of partitions before it; within k, chunk c's rows follow those
        // of earlier chunks, so the rows keep table order. The counts become each chunk's write cursors.
        var rowStart = new int[partitions + 1];
        for (var k = 0; k < partitions; k++)
        {
            var at = rowStart[k];
            foreach (var tally in tallies)
            {
                var count = tally.Counts[k];
                tally.Counts[k] = at;
                at += count;
            }

            rowStart[k + 1] = at;
        }

        var chunkCursors = tallies.Select(t => (int[])t.Counts.Clone()).ToArray();
        var rows = new uint[rowStart[^1]];
        chunks.Run(c => Scatter(orders, calendar, baseDay, shift, refundBits, tallies[c].Counts, rows, chunks.From(c), chunks.To(c)));

        return new PurchaseRows(calendar, baseDay, shift, orders.PersonCount, rowStart, rows,
            tallies.Min(t => t.MinDay), tallies.Max(t => t.MaxDay), tallies.Sum(t => t.Refunds), chunks, chunkCursors, refundBits);
    }

    /// <summary>Whether order row <paramref name="row"/> is a refund, from a bit column: reading the 16-byte amounts again costs more.</summary>
    public bool IsRefundRow(int row) => IsSet(_refundBits, row);

    // Whether an amount is a refund: below zero (a negative zero is a purchase of nothing).
    private static bool IsRefund(decimal amount) => decimal.IsNegative(amount) && amount != 0m;

    private static bool IsSet(ulong[] bits, int row) => (bits[row >> 6] & (1UL << row)) != 0;

    private sealed record ChunkTally(int[] Counts, int MinDay, int MaxDay, int Refunds);

    private static (long Min, long Max) TickRange(long[] ticks, RowChunks chunks)
    {
        var min = new long[chunks.Count];
        var max = new long[chunks.Count];
        chunks.Run(c =>
        {
            long lo = long.MaxValue, hi = long.MinValue;
            for (var i = chunks.From(c); i < chunks.To(c); i++)
            {
                lo = Math.Min(lo, ticks[i]);
                hi = Math.Max(hi, ticks[i]);
            }

            (min[c], max[c]) = (lo, hi);
        });
        return (min.Min(), max.Max());
    }

    // Chunks start at multiples of 64 rows, so each writes whole words of the refund bits.
    private static ChunkTally Count(OrderTable orders, LocalCalendar calendar, int shift, int partitions, ulong[] refundBits, int from, int to)
    {
        var ticks = orders.UtcTickColumn;
        var persons = orders.PersonColumn;
        var amounts = orders.AmountColumn;
        var counts = new int[partitions];
        int minDay = int.MaxValue, maxDay = int.MinValue, refunds = 0;
        for (var i = from; i < to; i++)
        {
            var day = calendar.DayNumber(ticks[i]);
            minDay = Math.Min(minDay, day);
            maxDay = Math.Max(maxDay, day);
            if (IsRefund(amounts[i]))
            {
                refunds++;
                refundBits[i >> 6] |= 1UL << i;
            }
            else
            {
                counts[persons[i] >> shift]++;
            }
        }

        return new ChunkTally(counts, minDay, maxDay, refunds);
    }

    private static void Scatter(OrderTable orders, LocalCalendar calendar, int baseDay, int shift, ulong[] refundBits, int[] cursors, uint[] rows, int from, int to)
    {
        var ticks = orders.UtcTickColumn;
        var persons = orders.PersonColumn;
        var mask = (1u << shift) - 1;
        for (var i = from; i < to; i++)
        {
            if (IsSet(refundBits, i))
            {
                continue;
            }

            var person = persons[i];
            var day = (uint)(calendar.DayNumber(ticks[i]) - baseDay);
            rows[cursors[person >> shift]++] = (day << shift) | ((uint)person & mask);
        }
    }
}
