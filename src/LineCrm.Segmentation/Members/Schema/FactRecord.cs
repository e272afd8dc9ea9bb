using System.Collections.Immutable;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// One record of a declared list fact, such as a page view: field values by name, built with the <c>With</c>
/// methods. A field left out reads as its type's zero. Immutable.
/// </summary>
/// <example><c>new FactRecord().With("at", viewedAt).With("productId", "sku-1")</c></example>
public sealed class FactRecord
{
    private readonly ImmutableDictionary<string, object> _values;

    /// <summary>A record with no field set.</summary>
    public FactRecord()
        : this(ImmutableDictionary<string, object>.Empty.WithComparers(StringComparer.Ordinal))
    {
    }

    private FactRecord(ImmutableDictionary<string, object> values) => _values = values;

    /// <summary>The fields set, by name: <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or <see cref="DateTimeOffset"/> (UTC).</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>This record with an int field set.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new record.</returns>
    public FactRecord With(string field, long value) => Set(field, value);

    /// <summary>This record with a double field set.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new record.</returns>
    public FactRecord With(string field, double value) => Set(field, value);

    /// <summary>This record with a bool field set.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new record.</returns>
    public FactRecord With(string field, bool value) => Set(field, value);

    /// <summary>This record with a string field set.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value, at most 256 characters.</param>
    /// <returns>The new record.</returns>
    public FactRecord With(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(field, value);
    }

    /// <summary>This record with a timestamp field set.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The time; kept in UTC to 100 ns.</param>
    /// <returns>The new record.</returns>
    public FactRecord With(string field, DateTimeOffset value) => Set(field, value.ToUniversalTime());

    /// <summary>The record's fields as <c>name=value</c> pairs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(", ", _values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));

    private FactRecord Set(string field, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return new FactRecord(_values.SetItem(field, value));
    }
}
