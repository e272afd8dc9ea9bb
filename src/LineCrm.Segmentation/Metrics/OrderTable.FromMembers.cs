using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

public sealed partial class OrderTable
{
    /// <summary>
    /// The purchases of the fact store as an order table, for the metrics: one order per purchase, numbered by the
    /// store's person numbers (<see cref="MemberTable.PersonNumberOf"/>), with the store's own ids for stores,
    /// channels and campaigns (the names lists are the store's, as they are now), amounts exact in
    /// <paramref name="currency"/>. Rows come in person order, so the per-person passes read memory in order.
    /// </summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <param name="currency">
    /// The ISO 4217 code of the purchases to take; the others are left out. When null, the store must hold purchases
    /// in one currency only (or none), which becomes the table's.
    /// </param>
    /// <returns>A table that shares nothing mutable with the store: later appends do not change it.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="currency"/> is null and the store holds purchases in more than one currency, or it is not a
    /// three-letter code (any case: <c>jpy</c> is <c>JPY</c>).
    /// </exception>
    public static OrderTable FromMembers(MemberTable members, string? currency = null) => FromMembers(members, currency, null, CancellationToken.None);

    /// <summary>
    /// The purchases of the fact store as an order table (see <see cref="FromMembers(MemberTable, string?)"/>), its
    /// passes over the persons run as <paramref name="options"/> allows.
    /// </summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <param name="currency">The ISO 4217 code of the purchases to take, or null for the store's one currency.</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of persons.</param>
    /// <returns>A table that shares nothing mutable with the store: later appends do not change it.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="currency"/> is null and the store holds purchases in more than one currency, or it is not a
    /// three-letter code (any case: <c>jpy</c> is <c>JPY</c>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static OrderTable FromMembers(MemberTable members, string? currency, ComputeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var parallelism = Parallelism.From(options, cancellationToken);
        parallelism.ThrowIfCancellationRequested();
        var p = members.Purchases;
        var rows = members.Columns.Rows;
        currency = IsoCode(currency);
        var currencyId = CurrencyToTake(members, currency);
        if (currencyId == StringPool.None)
        {
            return new OrderTable(rows, [], [], [], [], [], [], [], [], [], currency);
        }

        // Each chunk of persons counts its orders, then writes them from where the chunks before it end, so the
        // rows stay in person order whatever the number of cores.
        var chunks = RowChunks.For(rows, parallelism);
        var firstOrder = new int[chunks.Count + 1];
        chunks.Run(c => firstOrder[c + 1] = CountOrders(p, currencyId, chunks.From(c), chunks.To(c)));
        for (var c = 0; c < chunks.Count; c++)
        {
            firstOrder[c + 1] += firstOrder[c];
        }

        var n = firstOrder[^1];
        var columns = new Columns(new int[n], new long[n], new decimal[n], new int[n], new int[n], new int[n]);
        chunks.Run(c => Fill(p, currencyId, chunks.From(c), chunks.To(c), firstOrder[c], columns));
        return new OrderTable(rows, columns.Persons, columns.Ticks, columns.Amounts, columns.Stores, columns.Channels, columns.Campaigns,
            [.. members.Stores.Values], [.. members.Channels.Values], [.. members.Campaigns.Values], members.Currencies[currencyId]);
    }

    private sealed record Columns(int[] Persons, long[] Ticks, decimal[] Amounts, int[] Stores, int[] Channels, int[] Campaigns);

    private static int CountOrders(PurchaseColumns p, int currencyId, int fromRow, int toRow)
    {
        var n = 0;
        for (var row = fromRow; row < toRow; row++)
        {
            for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
            {
                n += p.Currency[i] == currencyId ? 1 : 0;
            }
        }

        return n;
    }

    private static void Fill(PurchaseColumns p, int currencyId, int fromRow, int toRow, int at, Columns to)
    {
        for (var row = fromRow; row < toRow; row++)
        {
            for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
            {
                if (p.Currency[i] != currencyId)
                {
                    continue;
                }

                to.Persons[at] = row;
                to.Ticks[at] = p.At[i];
                to.Amounts[at] = MoneyUnits.ToDecimal(p.AmountUnits[i]);
                to.Stores[at] = p.Store[i];
                to.Channels[at] = p.Channel[i];
                to.Campaigns[at] = p.Campaign[i];
                at++;
            }
        }
    }

    // Currencies are kept as purchases give them, upper case (see Purchase.Currency); so is the one asked for.
    internal static string? IsoCode(string? currency)
    {
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            throw new ArgumentException($"The currency must be a three-letter ISO 4217 code such as JPY, TWD or THB; got '{currency}'.", nameof(currency));
        }

        return currency?.ToUpperInvariant();
    }

    // The id of the one currency to take, or None when there is nothing to take.
    internal static int CurrencyToTake(MemberTable members, string? currency)
    {
        if (currency is not null)
        {
            return members.Currencies.Find(currency);
        }

        var p = members.Purchases;
        var used = new bool[members.Currencies.Count];
        for (var row = 0; row < members.Columns.Rows; row++)
        {
            for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
            {
                used[p.Currency[i]] = true;
            }
        }

        var codes = Enumerable.Range(0, used.Length).Where(id => used[id]).ToArray();
        return codes.Length switch
        {
            0 => StringPool.None,
            1 => codes[0],
            _ => throw new ArgumentException(
                $"The store holds purchases in {string.Join(", ", codes.Select(id => members.Currencies[id]).Order(StringComparer.Ordinal))}; "
                + "name the currency to analyse, since sums across currencies mean nothing.", nameof(currency)),
        };
    }
}
