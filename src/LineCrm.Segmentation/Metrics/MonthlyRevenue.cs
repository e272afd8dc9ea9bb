namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// One month's revenue, split into new revenue (orders of customers whose first purchase day is in this month)
/// and repeat revenue (all other orders). Refunds count in the month they happen, so <see cref="Total"/> is net.
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="Total">All orders' amounts in the month, refunds included; always <see cref="New"/> + <see cref="Repeat"/>.</param>
/// <param name="New">Amounts of orders by customers whose first purchase day is in this month.</param>
/// <param name="Repeat">Amounts of all other orders in the month.</param>
public sealed record MonthlyRevenue(CalendarMonth Month, decimal Total, decimal New, decimal Repeat)
{
    /// <summary>
    /// <see cref="New"/> / <see cref="Total"/>; null when the month's total is zero or negative (refunds exceed
    /// sales), where a share means nothing. Between 0 and 1 whenever the month has no refunds.
    /// </summary>
    public double? NewShare => Total > 0 ? (double)(New / Total) : null;
}
