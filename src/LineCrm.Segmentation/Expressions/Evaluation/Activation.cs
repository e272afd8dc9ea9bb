namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>The values of the declared variables for one evaluation.</summary>
internal interface IActivation
{
    /// <summary>The value of the variable <paramref name="name"/> (a CEL value), or false when it has none.</summary>
    bool TryResolve(string name, out object value);
}

/// <summary>An activation over a dictionary of CEL values.</summary>
internal sealed class Activation(IReadOnlyDictionary<string, object> values) : IActivation
{
    public static Activation Empty { get; } = new(new Dictionary<string, object>());

    /// <summary>An activation from plain .NET values, converted with <see cref="CelValueConverter.FromClr"/>.</summary>
    public static Activation FromClr(IEnumerable<KeyValuePair<string, object?>> values) =>
        new(values.ToDictionary(v => v.Key, v => CelValueConverter.FromClr(v.Value), StringComparer.Ordinal));

    public bool TryResolve(string name, out object value) => values.TryGetValue(name, out value!);
}
