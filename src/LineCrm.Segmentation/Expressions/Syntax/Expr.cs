using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Syntax;

// The syntax tree of a CEL expression. Every node has an Id (unique in its tree, from 1 up, so later layers can
// keep facts about a node in a side table) and the Offset of its token in the source text (SourceText turns it
// into line:column). Operators are calls to functions with the names in Operators, as in cel-go; the
// comprehension macros keep their own node so later layers (checker, interpreter, compiler) see the intent.
// These types are the contract between the layers: keep them stable.

/// <summary>A node of the syntax tree.</summary>
/// <param name="Id">Unique in its tree, counting from 1.</param>
/// <param name="Offset">UTF-16 offset of the node's token in the source text.</param>
internal abstract record Expr(int Id, int Offset);

/// <summary>A literal: <c>42</c>, <c>7u</c>, <c>1.5</c>, <c>'text'</c>, <c>b'bytes'</c>, <c>true</c>, <c>null</c>.</summary>
/// <param name="Id">Unique in its tree.</param>
/// <param name="Offset">Where the literal starts.</param>
/// <param name="Kind">Which literal.</param>
/// <param name="Value">long, ulong, double, string, ImmutableArray&lt;byte&gt;, bool, or null for <c>null</c>.</param>
internal sealed record LiteralExpr(int Id, int Offset, LiteralKind Kind, object? Value) : Expr(Id, Offset);

/// <summary>A simple name: a variable, a comprehension variable or a type. A leading dot (<c>.x</c>) is kept in
/// <paramref name="Name"/> and means "the root scope", skipping comprehension variables.</summary>
internal sealed record IdentExpr(int Id, int Offset, string Name) : Expr(Id, Offset);

/// <summary><c>operand.field</c>; with <paramref name="TestOnly"/> it is the <c>has(operand.field)</c> macro.</summary>
internal sealed record SelectExpr(int Id, int Offset, Expr Operand, string Field, bool TestOnly) : Expr(Id, Offset);

/// <summary>A function call <c>f(args)</c>, a receiver call <c>target.f(args)</c>, or an operator (see Operators).</summary>
internal sealed record CallExpr(int Id, int Offset, Expr? Target, string Function, ImmutableArray<Expr> Args)
    : Expr(Id, Offset);

/// <summary>A list literal <c>[a, b]</c>; elements written <c>[?x]</c> (optional values, added only when they
/// have a value) are listed by position in <paramref name="OptionalIndices"/>.</summary>
internal sealed record ListExpr(int Id, int Offset, ImmutableArray<Expr> Elements, ImmutableArray<int> OptionalIndices = default)
    : Expr(Id, Offset)
{
    /// <summary>Whether the element at <paramref name="index"/> was written <c>?x</c>.</summary>
    public bool IsOptional(int index) => !OptionalIndices.IsDefault && OptionalIndices.Contains(index);
}

/// <summary>A map literal <c>{k: v, ...}</c>.</summary>
internal sealed record MapExpr(int Id, int Offset, ImmutableArray<MapEntryExpr> Entries) : Expr(Id, Offset);

/// <summary>One <c>key: value</c> of a map literal; the offset is the colon's. <paramref name="Optional"/> is
/// <c>{?key: value}</c>: the value is an optional, and the entry is there only when it has a value.</summary>
internal sealed record MapEntryExpr(int Id, int Offset, Expr Key, Expr Value, bool Optional = false);

/// <summary>An object creation <c>TypeName{field: value, ...}</c>.</summary>
internal sealed record StructExpr(int Id, int Offset, string TypeName, ImmutableArray<FieldInitExpr> Fields)
    : Expr(Id, Offset);

/// <summary>One <c>field: value</c> of an object creation.</summary>
internal sealed record FieldInitExpr(int Id, int Offset, string Field, Expr Value);

/// <summary>
/// A comprehension macro over a list (its elements) or a map (its keys): <c>range.all(v, predicate)</c>,
/// <c>exists</c>, <c>exists_one</c>, <c>filter(v, predicate)</c>, <c>map(v, transform)</c> and
/// <c>map(v, predicate, transform)</c>.
/// </summary>
/// <param name="Id">Unique in its tree.</param>
/// <param name="Offset">Where the macro call starts.</param>
/// <param name="Kind">Which macro.</param>
/// <param name="Range">The list or map iterated.</param>
/// <param name="Variable">The iteration variable's name.</param>
/// <param name="Predicate">The condition (all, exists, exists_one, filter, three-argument map), else null.</param>
/// <param name="Transform">The mapped value (map and the transform macros), else null.</param>
/// <param name="Variable2">The second variable of the two-variable forms (<c>m.all(k, v, p)</c>): the value, while
/// <paramref name="Variable"/> is the list index or the map key; null for the one-variable forms.</param>
internal sealed record ComprehensionExpr(
    int Id,
    int Offset,
    ComprehensionKind Kind,
    Expr Range,
    string Variable,
    Expr? Predicate,
    Expr? Transform,
    string? Variable2 = null) : Expr(Id, Offset);

/// <summary>
/// <c>cel.bind(name, init, body)</c>: <paramref name="Body"/> evaluated with <paramref name="Variable"/> bound to
/// the value of <paramref name="Init"/>, computed once. Also what the optional library's <c>optMap</c> expands to.
/// </summary>
internal sealed record BindExpr(int Id, int Offset, string Variable, Expr Init, Expr Body) : Expr(Id, Offset);

/// <summary>The kinds of literal.</summary>
internal enum LiteralKind
{
    /// <summary>A signed 64-bit integer (long).</summary>
    Int,

    /// <summary>An unsigned 64-bit integer (ulong).</summary>
    Uint,

    /// <summary>A 64-bit floating point number (double).</summary>
    Double,

    /// <summary>A string.</summary>
    String,

    /// <summary>A byte sequence (ImmutableArray&lt;byte&gt;).</summary>
    Bytes,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>null.</summary>
    Null,
}

/// <summary>The comprehension macros.</summary>
internal enum ComprehensionKind
{
    /// <summary><c>e.all(x, p)</c>: p holds for every element.</summary>
    All,

    /// <summary><c>e.exists(x, p)</c>: p holds for some element.</summary>
    Exists,

    /// <summary><c>e.exists_one(x, p)</c>: p holds for exactly one element.</summary>
    ExistsOne,

    /// <summary><c>e.map(x, t)</c> or <c>e.map(x, p, t)</c>: the list of t, for elements where p holds.</summary>
    Map,

    /// <summary><c>e.filter(x, p)</c>: the elements where p holds.</summary>
    Filter,

    /// <summary><c>e.transformList(i, v, [p,] t)</c>: the list of t, for entries where p holds.</summary>
    TransformList,

    /// <summary><c>e.transformMap(k, v, [p,] t)</c>: the map of each kept key to t.</summary>
    TransformMap,

    /// <summary><c>e.transformMapEntry(k, v, [p,] t)</c>: the union of the one-entry maps t.</summary>
    TransformMapEntry,
}
