namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>Generic walks over the syntax tree.</summary>
internal static class SyntaxTree
{
    /// <summary>The dotted name an identifier or a chain of selections spells (<c>a.b.c</c>), or null.</summary>
    public static string? QualifiedName(Expr expr) => expr switch
    {
        IdentExpr ident => ident.Name,
        SelectExpr { TestOnly: false } select when QualifiedName(select.Operand) is { } prefix => prefix + "." + select.Field,
        _ => null,
    };

    /// <summary>The direct children of <paramref name="node"/>, in source order.</summary>
    public static IEnumerable<Expr> Children(Expr node)
    {
        switch (node)
        {
            case SelectExpr select:
                yield return select.Operand;
                break;
            case CallExpr call:
                if (call.Target is not null)
                {
                    yield return call.Target;
                }

                foreach (var argument in call.Args)
                {
                    yield return argument;
                }

                break;
            case ListExpr list:
                foreach (var element in list.Elements)
                {
                    yield return element;
                }

                break;
            case MapExpr map:
                foreach (var entry in map.Entries)
                {
                    yield return entry.Key;
                    yield return entry.Value;
                }

                break;
            case StructExpr create:
                foreach (var field in create.Fields)
                {
                    yield return field.Value;
                }

                break;
            case ComprehensionExpr comprehension:
                yield return comprehension.Range;
                if (comprehension.Predicate is not null)
                {
                    yield return comprehension.Predicate;
                }

                if (comprehension.Transform is not null)
                {
                    yield return comprehension.Transform;
                }

                break;
            case BindExpr bind:
                yield return bind.Init;
                yield return bind.Body;
                break;
        }
    }
}
