using System.Collections.Immutable;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// A parsed expression that type-checked: the syntax tree, the inferred type of every node, and what each name
/// and call refers to. This is what the interpreter runs and what a compiler walks.
/// </summary>
internal sealed class CheckedExpression(
    ParsedExpression parsed,
    Declarations declarations,
    ImmutableDictionary<int, CelType> types,
    ImmutableDictionary<int, Reference> references)
{
    public ParsedExpression Parsed { get; } = parsed;

    public Expr Root => Parsed.Root;

    /// <summary>The declarations it was checked against (and whose implementations run it).</summary>
    public Declarations Declarations { get; } = declarations;

    /// <summary>The type of the whole expression.</summary>
    public CelType ResultType => TypeOf(Root);

    /// <summary>The inferred type of every node of the tree, by node id.</summary>
    public ImmutableDictionary<int, CelType> Types { get; } = types;

    /// <summary>
    /// What names and calls refer to, by node id: an <see cref="IdentExpr"/> or a <see cref="SelectExpr"/> that
    /// names a declared variable (maybe a dotted one, <c>a.b</c>) or a type; a <see cref="CallExpr"/>'s
    /// matching overloads.
    /// </summary>
    public ImmutableDictionary<int, Reference> References { get; } = references;

    /// <summary>
    /// The regular expressions this expression's <c>matches</c> calls compiled: its own, so that one expression
    /// with many patterns cannot fill a cache that others rely on.
    /// </summary>
    public Evaluation.Library.RegexCache Regexes { get; } = new();

    public CelType TypeOf(Expr node) => Types.TryGetValue(node.Id, out var type) ? type : CelType.Dyn;
}

/// <summary>What a name or a call in a checked expression refers to.</summary>
internal abstract record Reference;

/// <summary>A declared variable (by its full, possibly dotted, name).</summary>
internal sealed record VariableReference(string Name, CelType Type) : Reference;

/// <summary>A name that denotes a type, such as <c>int</c> or a declared object type.</summary>
internal sealed record TypeReference(CelType Type) : Reference;

/// <summary>A comprehension variable.</summary>
internal sealed record LocalReference(string Name, CelType Type) : Reference;

/// <summary>The overloads a call may resolve to: one when argument types decide, several when some are dyn.</summary>
internal sealed record CallReference(FunctionDeclaration Function, ImmutableArray<FunctionOverload> Overloads) : Reference;
