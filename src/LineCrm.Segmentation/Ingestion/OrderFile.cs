using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// An order file as loaded: the orders in columns, the customer identifier behind each person number, and an
/// exact account of the rows that were left out.
/// </summary>
/// <param name="Orders">The valid orders; person numbers index <see cref="Customers"/>.</param>
/// <param name="Customers">The customer identifier of each person number, in order of first appearance.</param>
/// <param name="Quantities">The quantity of each order (number of items), in the order of <see cref="Orders"/>; 0 when the file has none.</param>
/// <param name="DataRows">Data rows read (the header and blank lines not counted).</param>
/// <param name="InvalidRows">Data rows left out because they are invalid.</param>
/// <param name="Problems">The first <see cref="OrderFileOptions.MaxReportedProblems"/> invalid rows, with line numbers.</param>
public sealed record OrderFile(OrderTable Orders, IReadOnlyList<Identifier> Customers, IReadOnlyList<int> Quantities, int DataRows, int InvalidRows,
    IReadOnlyList<OrderFileProblem> Problems);
