namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// One row of the cohort grid: the customers whose first purchase day is in <see cref="Month"/>, and how many of
/// them bought in each month since.
/// </summary>
/// <param name="Month">The cohort's first-purchase month.</param>
/// <param name="ActiveByMonthsSince">
/// Element k is the number of distinct customers of the cohort with a purchase day in month <see cref="Month"/> + k;
/// element 0 is the cohort's size. The row runs to the last month with any purchase day in the data.
/// </param>
public sealed record CohortRow(CalendarMonth Month, IReadOnlyList<int> ActiveByMonthsSince)
{
    /// <summary>The number of customers in the cohort.</summary>
    public int Customers => ActiveByMonthsSince.Count == 0 ? 0 : ActiveByMonthsSince[0];
}
