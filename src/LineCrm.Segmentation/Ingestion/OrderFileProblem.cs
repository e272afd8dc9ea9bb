namespace LineCrm.Segmentation.Ingestion;

/// <summary>One row of an order file that could not be loaded, and why.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="Column">The 1-based column (field) number of the bad field, or 0 when the row as a whole is bad.</param>
/// <param name="Field">The name of the bad field, or an empty string.</param>
/// <param name="Message">What is wrong, quoting the value.</param>
public sealed record OrderFileProblem(int Line, int Column, string Field, string Message)
{
    /// <summary>The problem as <c>line L, column C (field): message</c>.</summary>
    public override string ToString() => Column > 0
        ? FormattableString.Invariant($"line {Line}, column {Column} ({Field}): {Message}")
        : FormattableString.Invariant($"line {Line}: {Message}");
}
