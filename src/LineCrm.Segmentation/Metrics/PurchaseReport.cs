namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Purchase analytics over a set of orders, by calendar in one time zone. docs/metrics.md defines every figure.
/// </summary>
public sealed record PurchaseReport
{
    /// <summary>Customers: persons with at least one purchase day (an order with an amount of zero or more).</summary>
    public required int Customers { get; init; }

    /// <summary>Order rows, refunds included.</summary>
    public required int Orders { get; init; }

    /// <summary>Order rows with a negative amount.</summary>
    public required int Refunds { get; init; }

    /// <summary>The ISO 4217 code of every amount in the report, or null when the orders did not say.</summary>
    public string? Currency { get; init; }

    /// <summary>Net revenue: the sum of all amounts, refunds included.</summary>
    public required decimal Revenue { get; init; }

    /// <summary>Customers by the month of their first purchase day; every month from the first to the last such month, zeros included.</summary>
    public required IReadOnlyList<MonthlyCount> FirstPurchasesByMonth { get; init; }

    /// <summary>Customers with two or more purchase days.</summary>
    public required int RepeatCustomers { get; init; }

    /// <summary><see cref="RepeatCustomers"/> / <see cref="Customers"/>; null without customers.</summary>
    public double? RepurchaseRate => Rate.Of(RepeatCustomers, Customers);

    /// <summary>Days between consecutive purchase days, over all customers.</summary>
    public required IntervalSummary InterPurchaseDays { get; init; }

    /// <summary>Revenue per month, new versus repeat; every month from the first to the last order, zeros included.</summary>
    public required IReadOnlyList<MonthlyRevenue> RevenueByMonth { get; init; }

    /// <summary>The cohort grid, one row per first-purchase month that has customers.</summary>
    public required IReadOnlyList<CohortRow> Cohorts { get; init; }
}
