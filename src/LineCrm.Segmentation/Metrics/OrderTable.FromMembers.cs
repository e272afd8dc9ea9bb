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
    /// <exception cref="ArgumentException"><paramref name="currency"/> is null and the store holds purchases in more than one currency.</exception>
    public static OrderTable FromMembers(MemberTable members, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        var p = members.Purchases;
        var rows = members.Columns.Rows;
        var currencyId = CurrencyToTake(members, currency);
        if (currencyId == StringPool.None)
        {
            return new OrderTable(rows, [], [], [], [], [], [], [], [], [], currency);
        }

        var n = 0;
        for (var row = 0; row < rows; row++)
        {
            for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
            {
                n += p.Currency[i] == currencyId ? 1 : 0;
            }
        }

        var persons = new int[n];
        var ticks = new long[n];
        var amounts = new decimal[n];
        var stores = new int[n];
        var channels = new int[n];
        var campaigns = new int[n];
        var at = 0;
        for (var row = 0; row < rows; row++)
        {
            for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
            {
                if (p.Currency[i] != currencyId)
                {
                    continue;
                }

                persons[at] = row;
                ticks[at] = p.At[i];
                amounts[at] = AmountOf(p, i);
                stores[at] = p.Store[i];
                channels[at] = p.Channel[i];
                campaigns[at] = CampaignOf(p, i);
                at++;
            }
        }

        return new OrderTable(rows, persons, ticks, amounts, stores, channels, campaigns,
            [.. members.Stores.Values], [.. members.Channels.Values], [.. members.Campaigns.Values], members.Currencies[currencyId]);
    }

    private static decimal AmountOf(PurchaseColumns p, int i) => (decimal)p.Amount[i];

    private static int CampaignOf(PurchaseColumns p, int i) => StringPool.None;

    // The id of the one currency to take, or None when there is nothing to take.
    private static int CurrencyToTake(MemberTable members, string? currency)
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
