namespace LineCrm.Segmentation;

/// <summary>
/// Marks the LineCrm.Segmentation assembly, so tools and tests can find it with <c>typeof(SegmentationAssembly).Assembly</c>
/// before any other public type is in reach.
/// </summary>
public static class SegmentationAssembly
{
    /// <summary>The package's name, used for its <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string Name = "LineCrm.Segmentation";
}
