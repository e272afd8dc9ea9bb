using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Syntax;
using static LineCrm.Segmentation.Expressions.Extensions.LibraryFunctions;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// Optional values (cel-go's <c>OptionalTypes</c>): <c>optional.of(x)</c>, <c>optional.ofNonZeroValue(x)</c>,
/// <c>optional.none()</c>, <c>o.hasValue()</c>, <c>o.value()</c>, <c>o.orValue(x)</c>, <c>o.or(p)</c>, the
/// selections <c>a.?b</c> and <c>a[?b]</c> (which the parser always reads, into calls declared only here),
/// indexing an optional list or map, and the macros <c>o.optMap(x, e)</c> and <c>o.optFlatMap(x, e)</c>.
/// Selecting a field of an optional (<c>o.f</c>) chains: none stays none.
/// </summary>
internal sealed class OptionalsLibrary : ICelLibrary
{
    // The name optMap binds the target to: '@' cannot start a name in an expression, so nothing shadows it.
    private const string Target = "@optional";

    private static readonly CelType A = CelType.Param("A");
    private static readonly CelType B = CelType.Param("B");
    private static readonly CelType OptA = CelType.Optional(A);
    private static readonly CelType OptB = CelType.Optional(B);

    public string Name => "cel.lib.optional";

    public CelEnvironment Configure(CelEnvironment environment) => environment
        .WithFunction("optional.of", Global("optional_of", [A], OptA, a => CelOptional.Of(a[0])))
        .WithFunction("optional.ofNonZeroValue", Global("optional_ofNonZeroValue", [A], OptA, a => IsZero(a[0]) ? CelOptional.None : CelOptional.Of(a[0])))
        .WithFunction("optional.none", Global("optional_none", [], OptA, _ => CelOptional.None))
        .WithFunction("hasValue", Receiver("optional_hasValue", [OptA], CelType.Bool, a => ((CelOptional)a[0]).HasValue))
        .WithFunction("value", Receiver("optional_value", [OptA], A, a => Value((CelOptional)a[0])))
        .WithFunction("orValue", Receiver("optional_orValue_value", [OptA, A], A, a => ((CelOptional)a[0]) is { HasValue: true } o ? o.Value : a[1]))
        .WithFunction("or", Receiver("optional_or_optional", [OptA, OptA], OptA, a => ((CelOptional)a[0]).HasValue ? a[0] : a[1]))
        .WithFunction(
            Operators.OptionalSelect,
            Global("select_optional_field", [CelType.Map(CelType.String, A), CelType.String], OptA, a => OptionalAccess.Select(a[0], (string)a[1])),
            Global("select_optional_optional_field", [CelType.Optional(CelType.Map(CelType.String, A)), CelType.String], OptA, a => OptionalAccess.Select(a[0], (string)a[1])))
        .WithFunction(
            Operators.OptionalIndex,
            Global("list_optindex_optional_int", [CelType.List(A), CelType.Int], OptA, a => OptionalAccess.Index(a[0], a[1])),
            Global("optional_list_optindex_optional_int", [CelType.Optional(CelType.List(A)), CelType.Int], OptA, a => OptionalAccess.Index(a[0], a[1])),
            Global("map_optindex_optional_value", [CelType.Map(A, B), A], OptB, a => OptionalAccess.Index(a[0], a[1])),
            Global("optional_map_optindex_optional_value", [CelType.Optional(CelType.Map(A, B)), A], OptB, a => OptionalAccess.Index(a[0], a[1])))
        .WithFunction(
            Operators.Index,
            Global("optional_list_index_int", [CelType.Optional(CelType.List(A)), CelType.Int], OptA, a => OptionalAccess.Index(a[0], a[1])),
            Global("optional_map_index_value", [CelType.Optional(CelType.Map(A, B)), A], OptB, a => OptionalAccess.Index(a[0], a[1])))
        .WithMacro(new CelMacro("optMap", 2, IsReceiver: true, (f, call) => Expand(f, call, "optMap", wrap: true)))
        .WithMacro(new CelMacro("optFlatMap", 2, IsReceiver: true, (f, call) => Expand(f, call, "optFlatMap", wrap: false)));

    /// <summary>
    /// <c>o.optMap(x, e)</c> is <c>cel.bind(@o, o, @o.hasValue() ? optional.of(cel.bind(x, @o.value(), e)) : optional.none())</c>;
    /// optFlatMap leaves out the <c>optional.of</c>, since e is an optional itself.
    /// </summary>
    private static Expr Expand(MacroFactory f, MacroCall call, string name, bool wrap)
    {
        var variable = f.VariableName(call.Args[0], name);
        var at = call.Offset;
        var mapped = f.Bind(at, variable, f.Call(at, f.Ident(at, Target), "value"), call.Args[1]);
        var present = wrap ? f.Call(at, null, "optional.of", mapped) : mapped;
        var choice = f.Call(at, null, Operators.Conditional, f.Call(at, f.Ident(at, Target), "hasValue"), present, f.Call(at, null, "optional.none"));
        return f.Bind(at, Target, call.Target!, choice);
    }

    private static object Value(CelOptional optional) =>
        optional.HasValue ? optional.Value : CelError.InvalidArgument("optional.none() has no value");

    /// <summary>The zero values optional.ofNonZeroValue() turns into none.</summary>
    private static bool IsZero(object value) => value switch
    {
        CelNull => true,
        bool b => !b,
        long l => l == 0,
        ulong u => u == 0,
        double d => d == 0,
        string s => s.Length == 0,
        CelBytes b => b.Length == 0,
        CelList l => l.Count == 0,
        CelMap m => m.Count == 0,
        CelTimestamp t => t.Seconds == 0 && t.Nanos == 0,
        CelDuration d => d.Nanoseconds == 0,
        CelOptional o => !o.HasValue,
        _ => false,
    };
}
