namespace LineCrm.Segmentation.Ingestion;

/// <summary>How an order file is read.</summary>
/// <param name="TimeZone">
/// The time zone of dates and times written without an offset. A date-only value is taken as 12:00 local time,
/// so that it stays on its date in this zone even on a day when daylight saving skips or repeats midnight.
/// </param>
public sealed record OrderFileOptions(TimeZoneInfo TimeZone)
{
    /// <summary>The time zone of dates and times written without an offset.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZone ?? throw new ArgumentNullException(nameof(TimeZone));

    /// <summary>
    /// When true, the first invalid row throws <see cref="OrderFileFormatException"/>. When false (the default),
    /// invalid rows are left out, counted in <see cref="OrderFile.InvalidRows"/> and described in
    /// <see cref="OrderFile.Problems"/>.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>How many problems <see cref="OrderFile.Problems"/> describes in full (the count is always exact); 100 by default.</summary>
    public int MaxReportedProblems
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxReportedProblems), value, "Must be zero or more.");
    } = 100;

    /// <summary>
    /// The longest line read, in characters; 1 MiB (1,048,576) by default. A longer line is an invalid row
    /// ("line N is longer than the limit of M characters") and is skipped without being held in memory: the reader
    /// reads on in chunks to its end. Must be more than zero.
    /// </summary>
    public int MaxLineLength
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxLineLength), value, "Must be more than zero.");
    } = 1024 * 1024;
}
