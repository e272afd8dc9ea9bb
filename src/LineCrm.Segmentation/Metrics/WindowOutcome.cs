namespace LineCrm.Segmentation.Metrics;

/// <summary>What one person did within their <see cref="PersonWindow"/>.</summary>
/// <param name="Converted">Whether a goal event happened in the window.</param>
/// <param name="Revenue">The sum of the person's purchases in the window that count (<see cref="WindowRevenue"/>), in the currency measured (refunds count negative).</param>
/// <param name="Purchases">How many purchases make the revenue.</param>
public readonly record struct WindowOutcome(bool Converted, decimal Revenue, int Purchases);
