using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>The outcome of evaluating a segment over a table: who is in, and who could not be evaluated.</summary>
internal sealed class SegmentEvaluation(MemberTable table, int rows, ulong[] included, ulong[] errors)
{
    public MemberTable Table { get; } = table;

    /// <summary>How many rows the table had when evaluated.</summary>
    public int Rows { get; } = rows;

    /// <summary>One bit per row: in the segment.</summary>
    public ulong[] Included { get; } = included;

    /// <summary>One bit per row: the expression raised an error for this person (who is therefore not included).</summary>
    public ulong[] Errors { get; } = errors;
}
