namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// A runtime value of <c>optional_type(T)</c> (the optional values extension): a value, or none. Two optionals
/// are equal when both are none, or both hold equal values.
/// </summary>
internal sealed class CelOptional
{
    private readonly object? _value;

    private CelOptional(object? value) => _value = value;

    /// <summary>The optional without a value.</summary>
    public static CelOptional None { get; } = new(null);

    public bool HasValue => _value is not null;

    /// <summary>The value; only meaningful when <see cref="HasValue"/>.</summary>
    public object Value => _value ?? throw new InvalidOperationException("optional.none() has no value.");

    public static CelOptional Of(object value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    public override string ToString() => HasValue ? $"optional.of({CelValueFormatter.Format(_value)})" : "optional.none()";
}
