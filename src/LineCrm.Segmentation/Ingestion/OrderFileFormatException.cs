namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// An order file could not be loaded: its header is wrong, or (with <see cref="OrderFileOptions.Strict"/>) a row is
/// invalid. The message and <see cref="Problem"/> say where.
/// </summary>
public sealed class OrderFileFormatException : FormatException
{
    /// <summary>Makes the exception for a problem.</summary>
    /// <param name="problem">What is wrong and where.</param>
    public OrderFileFormatException(OrderFileProblem problem)
        : base((problem ?? throw new ArgumentNullException(nameof(problem))).ToString()) => Problem = problem;

    /// <summary>Makes the exception with a message only.</summary>
    public OrderFileFormatException()
        : this(new OrderFileProblem(0, 0, string.Empty, "The order file is invalid."))
    {
    }

    /// <summary>Makes the exception with a message only.</summary>
    /// <param name="message">What is wrong.</param>
    public OrderFileFormatException(string message)
        : this(new OrderFileProblem(0, 0, string.Empty, message))
    {
    }

    /// <summary>Makes the exception with a message and an inner exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OrderFileFormatException(string message, Exception innerException)
        : base(message, innerException) => Problem = new OrderFileProblem(0, 0, string.Empty, message);

    /// <summary>What is wrong and where.</summary>
    public OrderFileProblem Problem { get; }
}
