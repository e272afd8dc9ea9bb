namespace LineCrm.Events;

/// <summary>One line of a purchase: a product, how many, and at what price each.</summary>
public sealed record LineItem
{
    /// <summary>Makes a line item.</summary>
    /// <param name="sku">The product's stock-keeping unit.</param>
    /// <param name="category">The product's category, if known.</param>
    /// <param name="quantity">How many; at least 1 (a refund is a purchase with a negative amount).</param>
    /// <param name="unitPrice">The price of one, zero or more.</param>
    /// <exception cref="ArgumentException">A field is out of range; the message names it and the value.</exception>
    public LineItem(string sku, string? category, int quantity, decimal unitPrice)
    {
        Sku = sku;
        Category = category;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    /// <summary>The product's stock-keeping unit.</summary>
    public string Sku { get; init => field = Guard.NotBlank(value, nameof(Sku)); }

    /// <summary>The product's category, if known.</summary>
    public string? Category { get; init => field = Guard.OptionalNotBlank(value, nameof(Category)); }

    /// <summary>How many; at least 1.</summary>
    public int Quantity
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Quantity), value, $"{nameof(Quantity)} must be at least 1; got {value}.");
    }

    /// <summary>The price of one item, zero or more, in the purchase's currency.</summary>
    public decimal UnitPrice
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(UnitPrice), value, $"{nameof(UnitPrice)} must not be negative; got {value}.");
    }
}
