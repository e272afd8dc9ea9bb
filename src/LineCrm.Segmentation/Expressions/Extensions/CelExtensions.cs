namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The standard CEL extension libraries, as cel-go ships them (<c>ext/README.md</c>). None is on by default;
/// an environment enables each with <see cref="CelEnvironment.WithLibrary"/>, the same way a host adds its own.
/// </summary>
internal static class CelExtensions
{
    /// <summary><c>charAt</c>, <c>indexOf</c>, <c>lastIndexOf</c>, <c>join</c>, <c>lowerAscii</c>, <c>upperAscii</c>,
    /// <c>strings.quote</c>, <c>replace</c>, <c>split</c>, <c>substring</c>, <c>trim</c>, <c>reverse</c>, <c>format</c>.</summary>
    public static ICelLibrary Strings { get; } = new StringsLibrary();

    /// <summary><c>math.greatest</c>, <c>math.least</c>, rounding, <c>abs</c>, <c>sign</c>, the floating point
    /// tests, <c>sqrt</c> and the bit operations.</summary>
    public static ICelLibrary Math { get; } = new MathLibrary();

    /// <summary><c>cel.bind(name, init, body)</c>.</summary>
    public static ICelLibrary Bindings { get; } = new BindingsLibrary();

    /// <summary><c>base64.encode</c> and <c>base64.decode</c>.</summary>
    public static ICelLibrary Encoders { get; } = new EncodersLibrary();

    /// <summary>Optional values: <c>optional.of</c>, <c>optional.none</c>, <c>a.?b</c>, <c>a[?b]</c>,
    /// <c>[?x]</c>, <c>{?k: v}</c>, <c>orValue</c>, <c>or</c>, <c>hasValue</c>, <c>value</c>, <c>optMap</c>.</summary>
    public static ICelLibrary Optionals { get; } = new OptionalsLibrary();

    /// <summary>The two-variable comprehensions: <c>all</c>, <c>exists</c>, <c>existsOne</c> over (index or key,
    /// value), <c>transformList</c>, <c>transformMap</c>, <c>transformMapEntry</c>.</summary>
    public static ICelLibrary TwoVariableComprehensions { get; } = new TwoVariableComprehensionsLibrary();

    /// <summary><c>lists.range</c>, <c>slice</c>, <c>flatten</c>, <c>reverse</c>, <c>distinct</c>, <c>sort</c>.</summary>
    public static ICelLibrary Lists { get; } = new ListsLibrary();

    /// <summary><c>sets.contains</c>, <c>sets.equivalent</c>, <c>sets.intersects</c>.</summary>
    public static ICelLibrary Sets { get; } = new SetsLibrary();

    /// <summary>Every library above.</summary>
    public static IReadOnlyList<ICelLibrary> All { get; } = [Strings, Math, Bindings, Encoders, Optionals, TwoVariableComprehensions, Lists, Sets];
}
