using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>
/// A deterministic shop of <c>members</c> persons and <c>purchases</c> orders over two years, in the columnar
/// shape the metrics read: 80% of members are LINE friends (recruited at one of 20 stores), 45% of friends
/// linked; orders in time order (as logs arrive), buyers skewed towards a core of regulars, 2% refunds.
/// </summary>
internal sealed class MetricsData
{
    public const int Stores = 20;

    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public static readonly long SpanTicks = TimeSpan.FromDays(730).Ticks;

    private MetricsData(FriendTable friends, OrderTable orders)
    {
        Friends = friends;
        Orders = orders;
    }

    public FriendTable Friends { get; }

    public OrderTable Orders { get; }

    /// <summary>The sizes: LINECRM_BENCH_MEMBERS and LINECRM_BENCH_PURCHASES, 10 million and 50 million by default.</summary>
    public static (int Members, int Purchases) Sizes()
        => (Read("LINECRM_BENCH_MEMBERS", 10_000_000), Read("LINECRM_BENCH_PURCHASES", 50_000_000));

    public static MetricsData Generate(int members, int purchases, int seed = 20261123)
    {
        var random = new Random(seed);
        var storeNames = Enumerable.Range(1, Stores).Select(i => $"store-{i:D2}").ToArray();
        var builder = new FriendTableBuilder();
        var start = Start.UtcTicks;
        for (var p = 0; p < members; p++)
        {
            if (random.NextDouble() >= 0.8)
            {
                continue;
            }

            var added = start + random.NextInt64(SpanTicks);
            builder.AddFriend(p, new DateTimeOffset(added, TimeSpan.Zero), store: storeNames[random.Next(Stores)]);
            if (random.NextDouble() < 0.45)
            {
                builder.AddLink(p, new DateTimeOffset(Math.Min(added + random.NextInt64(TimeSpan.FromDays(60).Ticks), start + SpanTicks - 1), TimeSpan.Zero));
            }
        }

        var persons = new int[purchases];
        var ticks = new long[purchases];
        var amounts = new decimal[purchases];
        var step = SpanTicks / Math.Max(1, purchases);
        for (var i = 0; i < purchases; i++)
        {
            // Squaring a uniform number makes low person numbers buy far more often: regulars and one-offs.
            var u = random.NextDouble();
            persons[i] = (int)(u * u * members);
            ticks[i] = start + (i * step) + random.NextInt64(Math.Max(1, step));
            var amount = 500m + (random.Next(0, 90) * 50m);
            amounts[i] = random.NextDouble() < 0.02 ? -amount : amount;
        }

        return new MetricsData(builder.Build(members), OrderTable.FromColumns(members, persons, ticks, amounts));
    }

    private static int Read(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
