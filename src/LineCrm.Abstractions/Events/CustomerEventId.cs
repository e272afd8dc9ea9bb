namespace LineCrm.Events;

/// <summary>
/// The idempotency key of a customer event: the same event delivered twice (a LINE redelivery, an order feed read
/// again) carries the same id, and a log that keys on it records the event once. Ids are chosen by the source and
/// prefixed by it, for example <c>line:01FZ…</c> for a LINE <c>webhookEventId</c> or <c>pos:store-12:order-991</c>.
/// </summary>
public readonly record struct CustomerEventId
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>Makes an id.</summary>
    /// <param name="value">The id: 1 to <see cref="MaxLength"/> characters, none of them a control character.</param>
    /// <exception cref="ArgumentException">The id is empty, too long, or contains a control character.</exception>
    public CustomerEventId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Length > MaxLength)
        {
            throw new ArgumentException($"A customer event id is 1 to {MaxLength} characters long; got {value.Length}.", nameof(value));
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                throw new ArgumentException($"A customer event id must not contain control characters; found U+{(int)value[i]:X4} at index {i}.", nameof(value));
            }
        }

        Value = value;
    }

    /// <summary>The id's text; null only for <c>default(CustomerEventId)</c>.</summary>
    public string Value { get; }

    /// <summary>True for <c>default(CustomerEventId)</c>, which is no id.</summary>
    public bool IsDefault => Value is null;

    /// <summary>The id's text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
