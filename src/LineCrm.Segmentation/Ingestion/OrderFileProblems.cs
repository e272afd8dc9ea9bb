namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// What both readers do with an invalid row: throw in strict mode; otherwise count it, keep the first
/// <see cref="OrderFileOptions.MaxReportedProblems"/> for an <see cref="OrderFile"/>, and pass every one to the
/// caller's <see cref="IProgress{T}"/>, if any.
/// </summary>
internal sealed class OrderFileProblems(OrderFileOptions options, IProgress<OrderFileProblem>? sink)
{
    private readonly List<OrderFileProblem> _kept = [];

    /// <summary>Data rows read (the header and blank lines not counted).</summary>
    public int DataRows { get; private set; }

    /// <summary>Data rows left out.</summary>
    public int InvalidRows { get; private set; }

    /// <summary>The first problems, as many as the options keep.</summary>
    public IReadOnlyList<OrderFileProblem> Kept => _kept;

    public void CountRow() => DataRows++;

    /// <summary>Records an invalid row; throws in strict mode.</summary>
    /// <exception cref="OrderFileFormatException">Strict mode.</exception>
    public void Reject(int line, int column, string field, string message)
    {
        var problem = new OrderFileProblem(line, column, field, message);
        if (options.Strict)
        {
            throw new OrderFileFormatException(problem);
        }

        InvalidRows++;
        if (_kept.Count < options.MaxReportedProblems)
        {
            _kept.Add(problem);
        }

        sink?.Report(problem);
    }

    /// <summary>Records a line longer than <see cref="OrderFileOptions.MaxLineLength"/> as an invalid row.</summary>
    public void RejectTooLong(int line)
    {
        CountRow();
        Reject(line, 0, string.Empty, TooLongMessage(line, options.MaxLineLength));
    }

    public static string TooLongMessage(int line, int limit)
        => FormattableString.Invariant($"line {line} is longer than the limit of {limit} characters (OrderFileOptions.MaxLineLength); it was skipped unread.");
}
