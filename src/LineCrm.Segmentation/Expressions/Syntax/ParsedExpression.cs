namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>The result of parsing: the syntax tree, the source (for positions) and the tree's size.</summary>
/// <param name="Root">The tree's root.</param>
/// <param name="Source">The text it came from.</param>
/// <param name="NodeCount">How many ids the parser gave out: every node's id is between 1 and this number
/// (map entries, object fields and macro variable names take ids too, so a side table of this size fits).</param>
internal sealed record ParsedExpression(Expr Root, SourceText Source, int NodeCount)
{
    /// <summary>The one-based line:column of a node, for messages.</summary>
    public (int Line, int Column) Locate(Expr node) => Source.Locate(node.Offset);
}
