using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Orders in columns: one array per field, one position per order. Persons are dense numbers (0 to
/// <see cref="PersonCount"/> - 1, see <see cref="PersonIndex{TKey}"/>); stores, channels and campaigns are codes into
/// their name lists (-1 when absent). This is the shape the analytics read, so that tens of millions of orders
/// take a few hundred megabytes and every metric is a pass over arrays.
/// </summary>
/// <remarks>
/// Refunds are orders with a negative amount. Rows need not be sorted. Build one with
/// <see cref="OrderTableBuilder"/>, or hand over existing arrays with <see cref="FromColumns"/>.
/// </remarks>
public sealed partial class OrderTable
{
    private readonly int[] _persons;
    private readonly long[] _utcTicks;
    private readonly decimal[] _amounts;
    private readonly int[] _stores;
    private readonly int[] _channels;
    private readonly int[] _campaigns;

    private OrderTable(int personCount, int[] persons, long[] utcTicks, decimal[] amounts, int[] stores, int[] channels,
        int[] campaigns, IReadOnlyList<string> storeNames, IReadOnlyList<string> channelNames, IReadOnlyList<string> campaignNames,
        string? currency)
    {
        PersonCount = personCount;
        Currency = currency;
        _persons = persons;
        _utcTicks = utcTicks;
        _amounts = amounts;
        _stores = stores;
        _channels = channels;
        _campaigns = campaigns;
        StoreNames = storeNames;
        ChannelNames = channelNames;
        CampaignNames = campaignNames;
    }

    /// <summary>An empty table.</summary>
    public static OrderTable Empty { get; } = new(0, [], [], [], [], [], [], [], [], [], null);

    /// <summary>
    /// The ISO 4217 code every amount is in, or null when the table was built without one (from bare amounts).
    /// A table never mixes currencies: sums over it would mean nothing.
    /// </summary>
    public string? Currency { get; }

    /// <summary>The number of orders.</summary>
    public int Count => _persons.Length;

    /// <summary>The number of persons the person column may refer to (each value is below it).</summary>
    public int PersonCount { get; }

    /// <summary>Who placed each order, as a dense person number.</summary>
    public ReadOnlySpan<int> Persons => _persons;

    /// <summary>When each order was placed, as UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>).</summary>
    public ReadOnlySpan<long> UtcTicks => _utcTicks;

    /// <summary>Each order's amount; negative for a refund.</summary>
    public ReadOnlySpan<decimal> Amounts => _amounts;

    /// <summary>The person column itself, for passes that split the rows across cores (a span cannot cross into a task).</summary>
    internal int[] PersonColumn => _persons;

    /// <summary>The tick column itself, for parallel passes.</summary>
    internal long[] UtcTickColumn => _utcTicks;

    /// <summary>The amount column itself, for parallel passes.</summary>
    internal decimal[] AmountColumn => _amounts;

    /// <summary>Each order's store code into <see cref="StoreNames"/>, or -1.</summary>
    public ReadOnlySpan<int> Stores => _stores;

    /// <summary>Each order's channel code into <see cref="ChannelNames"/>, or -1.</summary>
    public ReadOnlySpan<int> Channels => _channels;

    /// <summary>Each order's campaign code into <see cref="CampaignNames"/>, or -1.</summary>
    public ReadOnlySpan<int> Campaigns => _campaigns;

    /// <summary>Store names by code.</summary>
    public IReadOnlyList<string> StoreNames { get; }

    /// <summary>Channel names by code.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Campaign names by code.</summary>
    public IReadOnlyList<string> CampaignNames { get; }

    /// <summary>
    /// Wraps existing arrays without copying them; the caller must not change them afterwards. The optional code
    /// columns default to "absent" for every row.
    /// </summary>
    /// <param name="personCount">The number of persons; every person number is below it.</param>
    /// <param name="persons">Who placed each order.</param>
    /// <param name="utcTicks">When, as UTC ticks.</param>
    /// <param name="amounts">How much; negative for refunds.</param>
    /// <param name="stores">Store codes (-1 for none), or null.</param>
    /// <param name="storeNames">Store names by code.</param>
    /// <param name="channels">Channel codes (-1 for none), or null.</param>
    /// <param name="channelNames">Channel names by code.</param>
    /// <param name="campaigns">Campaign codes (-1 for none), or null.</param>
    /// <param name="campaignNames">Campaign names by code.</param>
    /// <param name="currency">The ISO 4217 code of every amount, or null when unstated.</param>
    /// <exception cref="ArgumentException">Columns differ in length, or a number or code is out of range; the message names the column and row.</exception>
    public static OrderTable FromColumns(int personCount, int[] persons, long[] utcTicks, decimal[] amounts,
        int[]? stores = null, IReadOnlyList<string>? storeNames = null, int[]? channels = null, IReadOnlyList<string>? channelNames = null,
        int[]? campaigns = null, IReadOnlyList<string>? campaignNames = null, string? currency = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(personCount);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(utcTicks);
        ArgumentNullException.ThrowIfNull(amounts);
        var n = persons.Length;
        RequireLength(utcTicks.Length, n, nameof(utcTicks));
        RequireLength(amounts.Length, n, nameof(amounts));
        RequireCodes(persons, 0, personCount, nameof(persons));
        for (var i = 0; i < utcTicks.Length; i++)
        {
            if ((ulong)utcTicks[i] > (ulong)DateTime.MaxValue.Ticks)
            {
                throw new ArgumentException($"{nameof(utcTicks)}[{i}] = {utcTicks[i]} is not a valid instant.", nameof(utcTicks));
            }
        }

        return new OrderTable(personCount, persons, utcTicks, amounts,
            Codes(stores, storeNames, n, nameof(stores)), Codes(channels, channelNames, n, nameof(channels)),
            Codes(campaigns, campaignNames, n, nameof(campaigns)), storeNames ?? [], channelNames ?? [], campaignNames ?? [], currency);
    }

    /// <summary>
    /// The same orders with persons renumbered through <paramref name="map"/> (old number -> new number), for
    /// example after identity resolution joined several customer ids into one person.
    /// </summary>
    /// <param name="map">The new number of each old person number.</param>
    /// <param name="personCount">The number of persons after renumbering.</param>
    /// <exception cref="ArgumentException">The map does not cover every person or maps outside the new range.</exception>
    public OrderTable WithPersons(ReadOnlySpan<int> map, int personCount)
    {
        if (map.Length < PersonCount)
        {
            throw new ArgumentException($"The map has {map.Length} entries but the table has {PersonCount} persons.", nameof(map));
        }

        RequireCodes(map[..PersonCount], 0, personCount, nameof(map));
        var persons = new int[_persons.Length];
        for (var i = 0; i < persons.Length; i++)
        {
            persons[i] = map[_persons[i]];
        }

        return new OrderTable(personCount, persons, _utcTicks, _amounts, _stores, _channels, _campaigns, StoreNames, ChannelNames, CampaignNames, Currency);
    }

    private static int[] Codes(int[]? codes, IReadOnlyList<string>? names, int n, string column)
    {
        if (codes is null)
        {
            var none = new int[n];
            Array.Fill(none, StringPool.None);
            return none;
        }

        RequireLength(codes.Length, n, column);
        RequireCodes(codes, StringPool.None, names?.Count ?? 0, column);
        return codes;
    }

    private static void RequireLength(int actual, int expected, string column)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Column '{column}' has {actual} rows; the persons column has {expected}.", column);
        }
    }

    private static void RequireCodes(ReadOnlySpan<int> codes, int min, int limit, string column)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] < min || codes[i] >= limit)
            {
                throw new ArgumentException($"{column}[{i}] = {codes[i]} is outside {min}..{limit - 1}.", column);
            }
        }
    }
}
