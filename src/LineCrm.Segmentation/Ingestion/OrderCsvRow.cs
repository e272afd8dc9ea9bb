using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// Checks one data row of an orders CSV and makes its event. Every value an event would refuse (an order id past
/// the id limit, a blank or over-long store or campaign, a time outside years 1 to 9999) is a problem of the row, so
/// making the event never throws.
/// </summary>
internal readonly ref struct OrderCsvRow(List<string> fields, OrderCsvHeader header, int line, OrderFileProblems problems)
{
    /// <summary>The longest store or campaign id (the limit of <see cref="Purchase"/>'s text fields).</summary>
    private const int MaxTextLength = 256;

    /// <summary>The currency of an event whose row names none: ISO 4217's code for "no currency".</summary>
    public const string NoCurrency = "XXX";

    public OrderRow? Read(TimeZoneInfo timeZone, Dictionary<string, int> orderIds, ref string? currency)
    {
        if (fields.Count != header.Count)
        {
            problems.Reject(line, 0, string.Empty, FormattableString.Invariant($"expected {header.Count} fields as in the header, found {fields.Count}."));
            return null;
        }

        var orderId = Field("order_id");
        if (orderId.Length == 0)
        {
            return Reject("order_id", "is empty.");
        }

        if (TextProblem(orderId, OrderEventIds.MaxOrderIdLength) is { } idProblem)
        {
            return Reject("order_id", idProblem);
        }

        if (orderIds.TryGetValue(orderId, out var firstLine))
        {
            return Reject("order_id", FormattableString.Invariant($"'{orderId}' appeared before, on line {firstLine}."));
        }

        if (!Identifier.TryParse(Field("customer"), CultureInfo.InvariantCulture, out var customer))
        {
            return Reject("customer", $"'{Shorten(Field("customer"))}' is not an identifier (type:value, for example web:M-1001 or store:CARD-1; a value is at most 256 characters).");
        }

        if (LocalTimes.Parse(Field("ordered_at"), timeZone, out var timeProblem) is not { } at)
        {
            return Reject("ordered_at", timeProblem!);
        }

        if (!decimal.TryParse(Field("amount"), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return Reject("amount", $"'{Shorten(Field("amount"))}' is not an amount (invariant decimal, for example 1200 or -350.50, within ±79,228,162,514,264,337,593,543,950,335).");
        }

        // The member table keeps amounts exactly (Members.MoneyUnits) and refuses one it cannot: refused here, the
        // row is reported and skipped instead of aborting a load into the table.
        if (Members.MoneyUnits.TryToUnits(amount, out _) is { } amountProblem)
        {
            return Reject("amount", $"'{Shorten(Field("amount"))}' {amountProblem}.");
        }

        var quantity = 0;
        if (Optional("quantity") is { } q && (!int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out quantity) || quantity < 1))
        {
            return Reject("quantity", $"'{Shorten(q)}' is not a quantity (a whole number, 1 or more; a refund is a negative amount).");
        }

        var code = NoCurrency;
        if (Optional("currency") is { } named)
        {
            if (named.Length != 3 || !named.All(char.IsAsciiLetter))
            {
                return Reject("currency", $"'{Shorten(named)}' is not a three-letter ISO 4217 code.");
            }

            code = named.ToUpperInvariant();
            currency ??= code;
            if (code != currency)
            {
                return Reject("currency", $"'{code}' differs from the file's currency {currency}; amounts in different currencies cannot be added up.");
            }
        }

        var channel = PurchaseChannel.Web;
        if (Optional("channel") is { } c)
        {
            try
            {
                channel = PurchaseChannel.FromName(c);
            }
            catch (ArgumentException e)
            {
                return Reject("channel", e.Message);
            }
        }

        var store = Optional("store_id");
        if (store is not null && TextProblem(store, MaxTextLength) is { } storeProblem)
        {
            return Reject("store_id", storeProblem);
        }

        var campaign = Optional("campaign_id");
        if (campaign is not null && TextProblem(campaign, MaxTextLength) is { } campaignProblem)
        {
            return Reject("campaign_id", campaignProblem);
        }

        orderIds.Add(orderId, line);
        var purchase = new Purchase(orderId, customer, at, amount, code, channel) { StoreId = store, CampaignId = campaign };
        return new OrderRow(new CustomerEventEnvelope(OrderEventIds.ForOrder(orderId), purchase), quantity, Optional("channel") is not null);
    }

    private static string? TextProblem(string value, int limit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is blank (only spaces).";
        }

        if (value.Length > limit)
        {
            return FormattableString.Invariant($"'{Shorten(value)}' is {value.Length} characters long; the limit is {limit}.");
        }

        var control = value.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        return control < 0 && !value.Contains('\u007f', StringComparison.Ordinal)
            ? null
            : $"'{Shorten(value)}' contains a control character.";
    }

    /// <summary>A value as quoted in a message: at most 40 characters.</summary>
    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");

    private string Field(string name) => fields[header.IndexOf(name)];

    private string? Optional(string name)
    {
        var i = header.IndexOf(name);
        return i < 0 || fields[i].Length == 0 ? null : fields[i];
    }

    private OrderRow? Reject(string name, string message)
    {
        problems.Reject(line, header.IndexOf(name) + 1, name, message);
        return null;
    }
}
