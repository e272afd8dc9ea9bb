namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Revenue by month, split into new revenue (orders in the customer's first purchase month, refunds included) and
/// repeat revenue: one pass over the order columns in the chunks the purchase rows were built from, on all cores,
/// each chunk with its own sums, added up in chunk order.
/// </summary>
/// <remarks>
/// Whether a purchase is in its customer's first month comes from <see cref="CustomerWalk.InFirstMonth"/>, read by
/// replaying the scatter that built the packed rows (each purchase advances its partition's cursor), which reads a
/// few hundred streams in order. Looking up the customer's first month per order instead reads a per-person array
/// at random and cost three times the rest of the pass at 10 million persons. Refunds are not packed and take
/// that lookup; they are a few in a hundred.
/// </remarks>
internal static class RevenueSplit
{
    /// <summary>Total and new revenue by month (relative to the first month).</summary>
    /// <param name="orders">The orders.</param>
    /// <param name="rows">The packed purchases, built from <paramref name="orders"/>.</param>
    /// <param name="monthOfOffset">The month of each day offset from the base day.</param>
    /// <param name="months">The number of months.</param>
    /// <param name="walk">The customers' first months.</param>
    public static (decimal[] Total, decimal[] New) Compute(OrderTable orders, PurchaseRows rows, int[] monthOfOffset, int months, CustomerWalk walk)
    {
        var chunks = rows.Chunks;
        var totals = new decimal[chunks.Count][];
        var news = new decimal[chunks.Count][];
        chunks.Run(c =>
        {
            var ticks = orders.UtcTickColumn;
            var persons = orders.PersonColumn;
            var amounts = orders.AmountColumn;
            var calendar = rows.Calendar;
            var baseDay = rows.BaseDay;
            var shift = rows.Shift;
            var inFirstMonth = walk.InFirstMonth;
            var firstMonthOf = walk.FirstMonthOf;
            var cursors = rows.CursorsOf(c);
            var total = new decimal[months];
            var fresh = new decimal[months];
            for (var i = chunks.From(c); i < chunks.To(c); i++)
            {
                var month = monthOfOffset[calendar.DayNumber(ticks[i]) - baseDay];
                var amount = amounts[i];
                total[month] += amount;
                var isNew = rows.IsRefundRow(i)
                    ? firstMonthOf[persons[i]] == month
                    : inFirstMonth[cursors[persons[i] >> shift]++];
                if (isNew)
                {
                    fresh[month] += amount;
                }
            }

            (totals[c], news[c]) = (total, fresh);
        });

        for (var c = 1; c < chunks.Count; c++)
        {
            for (var m = 0; m < months; m++)
            {
                totals[0][m] += totals[c][m];
                news[0][m] += news[c][m];
            }
        }

        return (totals[0], news[0]);
    }
}
