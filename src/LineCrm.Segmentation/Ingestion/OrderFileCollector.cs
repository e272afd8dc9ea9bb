using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// Turns the rows both readers stream into an <see cref="OrderFile"/>: numbers customers in order of first
/// appearance and collects the orders in columns.
/// </summary>
internal sealed class OrderFileCollector
{
    private readonly PersonIndex<Identifier> _customers = new();
    private readonly OrderTableBuilder _orders = new();
    private readonly List<int> _quantities = [];

    public void Add(OrderRow row)
    {
        var purchase = row.Purchase;
        _orders.Add(_customers.GetOrAdd(purchase.Customer), purchase.At, purchase.Amount, purchase.StoreId,
            row.HasChannel ? purchase.Channel.Name : null, purchase.CampaignId);
        _quantities.Add(row.Quantity);
    }

    public OrderFile Build(OrderFileProblems problems)
        => new(_orders.Build(_customers.Count), _customers.Keys, [.. _quantities], problems.DataRows, problems.InvalidRows, [.. problems.Kept]);

    /// <summary>Reads every row of a stream into a file.</summary>
    public static async Task<OrderFile> CollectAsync(IAsyncEnumerable<OrderRow> rows, OrderFileProblems problems)
    {
        var collector = new OrderFileCollector();
        await foreach (var row in rows.ConfigureAwait(false))
        {
            collector.Add(row);
        }

        return collector.Build(problems);
    }
}
