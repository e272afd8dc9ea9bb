using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>
/// Expands a matching call into a syntax tree when the parser meets it. Returns null to leave the call as an
/// ordinary function call; throws through <see cref="MacroFactory.Error"/> when the call is malformed.
/// </summary>
/// <param name="factory">Makes the nodes of the expansion (ids and depths are the parser's).</param>
/// <param name="call">Where the call is written: its offset, target (null for a global call) and arguments.</param>
internal delegate Expr? MacroExpander(MacroFactory factory, MacroCall call);

/// <summary>A call a macro is asked to expand.</summary>
/// <param name="Offset">Where the call starts (its opening parenthesis).</param>
/// <param name="Target">The receiver, or null for a global call.</param>
/// <param name="Args">The arguments as parsed.</param>
internal sealed record MacroCall(int Offset, Expr? Target, ImmutableArray<Expr> Args);

/// <summary>
/// A macro, as cel-go's <c>Macro</c>: a function name, whether it is a receiver call (<c>x.f(...)</c>) or a
/// global one (<c>f(...)</c>, dotted names such as <c>cel.bind</c> included), how many arguments it takes
/// (<see cref="AnyArgumentCount"/> for any), and the expansion. Libraries add macros to an environment the same
/// way they add functions.
/// </summary>
/// <param name="Name">The function name the macro matches.</param>
/// <param name="ArgumentCount">The argument count it matches, not counting the receiver.</param>
/// <param name="IsReceiver">True for <c>x.f(...)</c>, false for <c>f(...)</c>.</param>
/// <param name="Expand">The expansion.</param>
internal sealed record CelMacro(string Name, int ArgumentCount, bool IsReceiver, MacroExpander Expand)
{
    /// <summary>The argument count of a macro that takes any number of arguments.</summary>
    public const int AnyArgumentCount = -1;

    /// <summary>A key for looking the macro up: receiver-ness, name and argument count.</summary>
    public string Key => MacroKey(IsReceiver, Name, ArgumentCount);

    public static string MacroKey(bool receiver, string name, int count) =>
        (receiver ? "." : string.Empty) + name + "/" + (count == AnyArgumentCount ? "*" : count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The node factory a <see cref="MacroExpander"/> builds its expansion with.</summary>
internal abstract class MacroFactory
{
    public abstract Expr Ident(int offset, string name);

    public abstract Expr Literal(int offset, LiteralKind kind, object? value);

    public abstract Expr Call(int offset, Expr? target, string function, params Expr[] args);

    public abstract Expr List(int offset, params Expr[] elements);

    public abstract Expr Bind(int offset, string variable, Expr init, Expr body);

    public abstract Expr Comprehension(int offset, ComprehensionKind kind, Expr range, string variable, string? variable2, Expr? predicate, Expr? transform);

    /// <summary>A syntax error at <paramref name="offset"/>, to throw.</summary>
    public abstract CelSyntaxException Error(int offset, string reason);

    /// <summary>The name a macro argument must be (<c>x</c> in <c>cel.bind(x, ...)</c>), or a syntax error.</summary>
    public string VariableName(Expr argument, string macro) =>
        argument is IdentExpr { Name: var name } && !name.StartsWith('.') && !name.Contains('.', StringComparison.Ordinal)
            ? name
            : throw Error(argument.Offset, $"the variable of {macro}() must be a simple name");
}
