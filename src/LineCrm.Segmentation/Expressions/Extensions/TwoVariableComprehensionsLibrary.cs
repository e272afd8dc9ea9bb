using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The two-variable comprehensions (cel-go <c>ext.TwoVarComprehensions</c>): over a list the variables are the
/// index and the element, over a map the key and the value. <c>all(i, v, p)</c>, <c>exists(i, v, p)</c>,
/// <c>existsOne(i, v, p)</c>, and <c>transformList</c>, <c>transformMap</c>, <c>transformMapEntry</c> with
/// <c>(i, v, t)</c> or <c>(i, v, filter, t)</c>.
/// </summary>
internal sealed class TwoVariableComprehensionsLibrary : ICelLibrary
{
    public string Name => "cel.lib.ext.comprev2";

    public CelEnvironment Configure(CelEnvironment environment)
    {
        (string Name, ComprehensionKind Kind, int Count)[] forms =
        [
            ("all", ComprehensionKind.All, 3),
            ("exists", ComprehensionKind.Exists, 3),
            ("existsOne", ComprehensionKind.ExistsOne, 3),
            ("transformList", ComprehensionKind.TransformList, 3),
            ("transformList", ComprehensionKind.TransformList, 4),
            ("transformMap", ComprehensionKind.TransformMap, 3),
            ("transformMap", ComprehensionKind.TransformMap, 4),
            ("transformMapEntry", ComprehensionKind.TransformMapEntry, 3),
            ("transformMapEntry", ComprehensionKind.TransformMapEntry, 4),
        ];
        foreach (var (name, kind, count) in forms)
        {
            environment = environment.WithMacro(new CelMacro(name, count, IsReceiver: true, (f, call) => Expand(f, call, name, kind)));
        }

        return environment;
    }

    private static Expr Expand(MacroFactory factory, MacroCall call, string name, ComprehensionKind kind)
    {
        var first = factory.VariableName(call.Args[0], name);
        var second = factory.VariableName(call.Args[1], name);
        if (first == second)
        {
            throw factory.Error(call.Args[1].Offset, $"the two variables of {name}() must have different names");
        }

        var quantifier = kind is ComprehensionKind.All or ComprehensionKind.Exists or ComprehensionKind.ExistsOne;
        var (predicate, transform) = (quantifier, call.Args.Length) switch
        {
            (true, _) => (call.Args[2], (Expr?)null),
            (false, 3) => ((Expr?)null, call.Args[2]),
            _ => (call.Args[2], call.Args[3]),
        };
        return factory.Comprehension(call.Offset, kind, call.Target!, first, second, predicate, transform);
    }
}
