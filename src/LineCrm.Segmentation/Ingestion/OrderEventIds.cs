using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// The idempotent ids of the events the readers yield, derived from the row alone, so the same order read from two
/// files, or the same file read again, gets the same id:
/// <list type="bullet">
/// <item>an orders CSV row: <c>order:</c> and its <c>order_id</c> (<c>order:O-1001</c>);</item>
/// <item>a CDNOW row (which has no order id): <c>cdnow:</c>, the customer number, the date and the row's ordinal
/// among the rows of that customer on that date, from 1 (<c>cdnow:00001:19970101:1</c>).</item>
/// </list>
/// </summary>
internal static class OrderEventIds
{
    private const string OrderPrefix = "order:";

    /// <summary>The longest <c>order_id</c> that still makes an id (<see cref="CustomerEventId.MaxLength"/> less the prefix).</summary>
    public const int MaxOrderIdLength = CustomerEventId.MaxLength - 6;

    /// <summary>The longest CDNOW customer number that still makes an id with a date and an ordinal of up to 10 digits.</summary>
    public const int MaxCdnowCustomerLength = CustomerEventId.MaxLength - 26;

    public static CustomerEventId ForOrder(string orderId) => new(OrderPrefix + orderId);

    public static CustomerEventId ForCdnowRow(Identifier customer, DateOnly date, int ordinal)
        => new(string.Create(CultureInfo.InvariantCulture, $"cdnow:{customer.Value}:{date:yyyyMMdd}:{ordinal}"));
}
