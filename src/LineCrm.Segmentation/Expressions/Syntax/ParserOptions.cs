using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>
/// What an environment tells the parser beyond the grammar: the macros its libraries added (by
/// <see cref="CelMacro.Key"/>), and which dotted names are functions, so that <c>math.abs(x)</c> is a call of the
/// function <c>math.abs</c> rather than of <c>abs</c> on a variable <c>math</c>.
/// </summary>
internal sealed record ParserOptions(ImmutableDictionary<string, CelMacro> Macros, Func<string, bool> IsFunction)
{
    /// <summary>No macros beyond the core ones, no dotted functions.</summary>
    public static ParserOptions Core { get; } = new(ImmutableDictionary<string, CelMacro>.Empty, _ => false);
}
