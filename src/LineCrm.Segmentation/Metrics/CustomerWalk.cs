namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// One pass over every customer's sorted purchase days: first month, repeat, days between purchase days and the
/// cohort grid. It runs partition by partition (<see cref="PurchaseRows"/>) on all cores: each partition's rows are
/// grouped by person in a buffer of the worker's own, walked, and forgotten, so no per-person array of days is
/// ever built for the whole table.
/// </summary>
internal sealed class CustomerWalk
{
    private CustomerWalk(Tally total, int[] firstMonthOf, bool[] inFirstMonth)
    {
        InFirstMonth = inFirstMonth;
        Customers = total.Customers;
        RepeatCustomers = total.Repeat;
        FirstPurchases = total.FirstPurchases;
        IntervalCounts = total.Intervals;
        Cohorts = total.Cohorts;
        FirstMonthOf = firstMonthOf;
    }

    /// <summary>Persons with at least one purchase day.</summary>
    public int Customers { get; }

    /// <summary>Customers with two or more purchase days.</summary>
    public int RepeatCustomers { get; }

    /// <summary>Each person's first purchase month (relative to the first month), or -1 without purchases.</summary>
    public int[] FirstMonthOf { get; }

    /// <summary>
    /// For each packed purchase row, whether it falls in its customer's first purchase month: found here, where
    /// the customer's first month is at hand, so the revenue pass need not look it up person by person at random.
    /// </summary>
    public bool[] InFirstMonth { get; }

    /// <summary>First purchases by month (relative to the first month).</summary>
    public int[] FirstPurchases { get; }

    /// <summary>Intervals between consecutive purchase days, counted by their length in days.</summary>
    public long[] IntervalCounts { get; }

    /// <summary>The cohort grid, row-major: cell [first * months + m] counts the cohort's customers active m months after their first.</summary>
    public int[] Cohorts { get; }

    /// <summary>Walks every customer of <paramref name="rows"/>, partition by partition, on the cores its chunks' parallelism allows.</summary>
    /// <param name="rows">The packed purchases.</param>
    /// <param name="monthOfOffset">The month (relative to the first month) of each packed day offset.</param>
    /// <param name="months">The number of months from the first order's to the last's.</param>
    public static CustomerWalk Run(PurchaseRows rows, int[] monthOfOffset, int months)
    {
        var firstMonthOf = new int[rows.PersonCount];
        var inFirstMonth = new bool[rows.Rows.Length];
        var longestPartition = 0;
        for (var k = 0; k < rows.PartitionCount; k++)
        {
            longestPartition = Math.Max(longestPartition, rows.RowStart[k + 1] - rows.RowStart[k]);
        }

        var intervalLength = Math.Max(0, rows.MaxDay - rows.MinDay + 1);
        Tally NewTally() => new(1 << rows.Shift, longestPartition, months, intervalLength);

        var parallelism = rows.Chunks.Parallelism;
        if (rows.Rows.Length < RowChunks.ParallelFrom || parallelism.IsSequential)
        {
            var only = NewTally();
            for (var k = 0; k < rows.PartitionCount; k++)
            {
                parallelism.ThrowIfCancellationRequested();
                Walk(rows, k, monthOfOffset, months, firstMonthOf, inFirstMonth, only);
            }

            return new CustomerWalk(only, firstMonthOf, inFirstMonth);
        }

        // The first worker's tally to finish becomes the total, so no grouping buffers are made just to add into.
        Tally? total = null;
        var merge = new Lock();
        Parallel.For(0, rows.PartitionCount, parallelism.Options, NewTally,
            (k, _, tally) =>
            {
                Walk(rows, k, monthOfOffset, months, firstMonthOf, inFirstMonth, tally);
                return tally;
            },
            tally =>
            {
                lock (merge)
                {
                    if (total is null)
                    {
                        total = tally;
                    }
                    else
                    {
                        total.Add(tally);
                    }
                }
            });
        return new CustomerWalk(total!, firstMonthOf, inFirstMonth);
    }

    private static void Walk(PurchaseRows rows, int k, int[] monthOfOffset, int months, int[] firstMonthOf, bool[] inFirstMonth, Tally tally)
    {
        var packed = rows.Rows;
        var shift = rows.Shift;
        var mask = rows.PersonMask;
        int from = rows.RowStart[k], to = rows.RowStart[k + 1];
        int first = rows.FirstPerson(k), size = rows.EndPerson(k) - first;

        // Group the partition's days by person (a counting sort on the person's place): count, turn each count
        // into the end of that person's run, then place rows backwards, which leaves bounds[p] at the start of
        // p's run, bounds[p + 1] at its end, and each person's days in table order.
        var bounds = tally.Bounds;
        var days = tally.Days;
        Array.Clear(bounds, 0, size + 1);
        for (var r = from; r < to; r++)
        {
            bounds[packed[r] & mask]++;
        }

        var running = 0;
        for (var p = 0; p < size; p++)
        {
            running += bounds[p];
            bounds[p] = running;
        }

        bounds[size] = running;
        for (var r = to - 1; r >= from; r--)
        {
            var row = packed[r];
            days[--bounds[row & mask]] = (int)(row >> shift);
        }

        var localFirstMonth = tally.FirstMonths;
        for (var p = 0; p < size; p++)
        {
            var own = days.AsSpan(bounds[p], bounds[p + 1] - bounds[p]);
            localFirstMonth[p] = firstMonthOf[first + p] = own.IsEmpty ? -1 : WalkCustomer(own, monthOfOffset, months, tally);
        }

        for (var r = from; r < to; r++)
        {
            var row = packed[r];
            inFirstMonth[r] = monthOfOffset[row >> shift] == localFirstMonth[row & mask];
        }
    }

    // One customer's days (offsets from the base day), in table order: returns the first purchase month.
    private static int WalkCustomer(Span<int> days, int[] monthOfOffset, int months, Tally tally)
    {
        // Orders usually arrive in time order, which grouping keeps; sort only the customers who need it.
        for (var j = 1; j < days.Length; j++)
        {
            if (days[j] < days[j - 1])
            {
                days.Sort();
                break;
            }
        }

        tally.Customers++;
        var firstMonth = monthOfOffset[days[0]];
        tally.FirstPurchases[firstMonth]++;
        var row = firstMonth * months;
        tally.Cohorts[row]++;
        var previousDay = days[0];
        var previousMonth = firstMonth;
        var distinctDays = 1;
        for (var j = 1; j < days.Length; j++)
        {
            var day = days[j];
            if (day == previousDay)
            {
                continue; // several orders on one day make one purchase day
            }

            tally.Intervals[day - previousDay]++;
            distinctDays++;
            var month = monthOfOffset[day];
            if (month != previousMonth)
            {
                tally.Cohorts[row + month - firstMonth]++;
                previousMonth = month;
            }

            previousDay = day;
        }

        if (distinctDays >= 2)
        {
            tally.Repeat++;
        }

        return firstMonth;
    }

    // What one worker counts, plus its grouping buffers; workers' tallies are added up at the end.
    private sealed class Tally(int partitionPersons, int longestPartition, int months, int intervalLength)
    {
        public int[] Bounds { get; } = new int[partitionPersons + 1];

        public int[] Days { get; } = new int[longestPartition];

        public int[] FirstMonths { get; } = new int[partitionPersons];

        public int[] FirstPurchases { get; } = new int[months];

        public long[] Intervals { get; } = new long[intervalLength];

        public int[] Cohorts { get; } = new int[months * months];

        public int Customers { get; set; }

        public int Repeat { get; set; }

        public void Add(Tally other)
        {
            Customers += other.Customers;
            Repeat += other.Repeat;
            Sum(FirstPurchases, other.FirstPurchases);
            Sum(Cohorts, other.Cohorts);
            for (var i = 0; i < Intervals.Length; i++)
            {
                Intervals[i] += other.Intervals[i];
            }
        }

        private static void Sum(int[] into, int[] from)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] += from[i];
            }
        }
    }
}
