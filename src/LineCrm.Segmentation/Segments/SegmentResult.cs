namespace LineCrm.Segmentation.Segments;

/// <summary>The outcome of evaluating a segment over a member table.</summary>
/// <param name="Members">The persons in the segment.</param>
/// <param name="Failed">The persons for whom the expression raised a CEL error (a missing attribute, an overflow); they are not in <paramref name="Members"/>.</param>
public sealed record SegmentResult(MemberSet Members, MemberSet Failed);
