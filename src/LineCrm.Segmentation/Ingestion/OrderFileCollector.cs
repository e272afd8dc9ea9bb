using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// What both order readers share: numbering customers, collecting valid rows, and counting and describing
/// invalid ones (or throwing on the first, in strict mode).
/// </summary>
internal sealed class OrderFileCollector(OrderFileOptions options)
{
    private readonly PersonIndex<Identifier> _customers = new();
    private readonly OrderTableBuilder _orders = new();
    private readonly List<int> _quantities = [];
    private readonly List<OrderFileProblem> _problems = [];
    private int _invalid;

    public int DataRows { get; private set; }

    public void CountRow() => DataRows++;

    public void Add(Identifier customer, DateTimeOffset at, decimal amount, int quantity, string? store = null, string? channel = null, string? campaign = null)
    {
        _orders.Add(_customers.GetOrAdd(customer), at, amount, store, channel, campaign);
        _quantities.Add(quantity);
    }

    /// <summary>Records an invalid row; throws in strict mode.</summary>
    public void Reject(int line, int column, string field, string message)
    {
        var problem = new OrderFileProblem(line, column, field, message);
        if (options.Strict)
        {
            throw new OrderFileFormatException(problem);
        }

        _invalid++;
        if (_problems.Count < options.MaxReportedProblems)
        {
            _problems.Add(problem);
        }
    }

    public OrderFile Build()
        => new(_orders.Build(_customers.Count), _customers.Keys, [.. _quantities], DataRows, _invalid, [.. _problems]);
}
