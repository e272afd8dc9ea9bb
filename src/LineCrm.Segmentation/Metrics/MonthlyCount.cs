namespace LineCrm.Segmentation.Metrics;

/// <summary>A count for one calendar month.</summary>
/// <param name="Month">The month.</param>
/// <param name="Count">The count.</param>
public readonly record struct MonthlyCount(CalendarMonth Month, int Count);
