using System.Globalization;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Tests.Expressions;

/// <summary>Writes a syntax tree as a compact prefix form, so parser tests can state the expected tree by hand.</summary>
internal static class AstPrinter
{
    public static string Print(Expr expr) => expr switch
    {
        LiteralExpr { Kind: LiteralKind.String } s => "'" + s.Value + "'",
        LiteralExpr { Kind: LiteralKind.Uint } u => ((ulong)u.Value!).ToString(CultureInfo.InvariantCulture) + "u",
        LiteralExpr { Kind: LiteralKind.Double } d => ((double)d.Value!).ToString("R", CultureInfo.InvariantCulture) + "d",
        LiteralExpr { Kind: LiteralKind.Null } => "null",
        LiteralExpr { Kind: LiteralKind.Bool } b => (bool)b.Value! ? "true" : "false",
        LiteralExpr { Kind: LiteralKind.Bytes } => "b'...'",
        LiteralExpr l => Convert.ToString(l.Value, CultureInfo.InvariantCulture)!,
        IdentExpr i => i.Name,
        SelectExpr { TestOnly: true } s => $"has({Print(s.Operand)}.{s.Field})",
        SelectExpr s => $"{Print(s.Operand)}.{s.Field}",
        CallExpr { Target: { } target } c => $"{Print(target)}.{c.Function}({string.Join(", ", c.Args.Select(Print))})",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Args.Select(Print))})",
        ListExpr l => $"[{string.Join(", ", l.Elements.Select(Print))}]",
        MapExpr m => "{" + string.Join(", ", m.Entries.Select(e => Print(e.Key) + ": " + Print(e.Value))) + "}",
        StructExpr s => s.TypeName + "{" + string.Join(", ", s.Fields.Select(f => f.Field + ": " + Print(f.Value))) + "}",
        ComprehensionExpr c => $"{c.Kind}({Print(c.Range)}, {c.Variable}"
            + (c.Predicate is null ? string.Empty : ", " + Print(c.Predicate))
            + (c.Transform is null ? string.Empty : ", " + Print(c.Transform)) + ")",
        _ => "?",
    };
}
