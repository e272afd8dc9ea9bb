using System.Globalization;
using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Expressions.Syntax;
using LineCrm.Segmentation.Members;
using Op = LineCrm.Segmentation.Expressions.Syntax.Operators;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// Turns a checked CEL expression over <see cref="MemberSchema"/> into a segment tree the compiler takes, or
/// says which construct it does not cover (lists built in the expression, <c>map</c>, <c>matches</c>, uint,
/// bytes, <c>has()</c> on purchase fields...). Those segments are evaluated by the reference interpreter
/// instead: slower, never wrong.
/// </summary>
internal sealed class SegmentLowering
{
    private readonly CheckedExpression _checked;
    private readonly FactSchema _schema;
    private readonly Dictionary<string, SegmentExpr> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<int, CustomList> _recordLists = [];
    private int _nextSlot;

    private SegmentLowering(CheckedExpression checkedExpression, FactSchema schema) => (_checked, _schema) = (checkedExpression, schema);

    /// <summary>The segment tree over the built-in facts, or null with the reason when the expression is outside what compiles.</summary>
    public static SegmentExpr? TryLower(CheckedExpression checkedExpression, out string? unsupported) =>
        TryLower(checkedExpression, FactSchema.Default, out unsupported);

    /// <summary>The segment tree over the facts of <paramref name="schema"/>, or null with the reason when the expression is outside what compiles.</summary>
    public static SegmentExpr? TryLower(CheckedExpression checkedExpression, FactSchema schema, out string? unsupported)
    {
        try
        {
            var lowered = new SegmentLowering(checkedExpression, schema).Lower(checkedExpression.Root);
            unsupported = lowered.Type == SegmentType.Bool ? null : $"the expression is a {lowered.Type}, not a bool";
            return unsupported is null ? lowered : null;
        }
        catch (NotSupportedException e)
        {
            unsupported = e.Message;
            return null;
        }
    }

    private static NotSupportedException Unsupported(string what) => new(what);

    private SegmentExpr Lower(Expr expr)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return expr switch
        {
            LiteralExpr literal => Literal(literal),
            IdentExpr ident => Name(ident.Name, ident),
            SelectExpr select => Select(select),
            CallExpr call => Call(call),
            ComprehensionExpr comprehension => Comprehension(comprehension),
            BindExpr bind => Bind(bind),
            _ => throw Unsupported($"{expr.GetType().Name} nodes"),
        };
    }

    private static ConstantExpr Literal(LiteralExpr literal) => literal.Kind switch
    {
        LiteralKind.Int => new ConstantExpr(SegmentType.Int, (long)literal.Value!),
        LiteralKind.Double => new ConstantExpr(SegmentType.Double, (double)literal.Value!),
        LiteralKind.String => new ConstantExpr(SegmentType.String, (string)literal.Value!),
        LiteralKind.Bool => new ConstantExpr(SegmentType.Bool, (bool)literal.Value!),
        _ => throw Unsupported($"{literal.Kind} literals"),
    };

    private SegmentExpr Name(string name, Expr node)
    {
        if (_checked.References.TryGetValue(node.Id, out var reference) && reference is LocalReference local && _locals.TryGetValue(local.Name, out var variable))
        {
            return variable;
        }

        if (_locals.TryGetValue(name, out var shadowing))
        {
            return shadowing;
        }

        return name switch
        {
            MemberSchema.Now => new NowExpr(),
            MemberSchema.Purchases => new CollectionExpr(Collection.Purchases, null),
            MemberSchema.Interactions => new CollectionExpr(Collection.Interactions, null),
            MemberSchema.Tags => new CollectionExpr(Collection.Tags, null),
            MemberSchema.Linked => new CollectionExpr(Collection.LinkedTypes, null),
            _ when MemberSchema.Fields.TryGetValue(name, out var field) => new MemberFieldExpr(field),
            _ when _schema.FindScalar(name) is { } scalar => new CustomFactExpr(scalar),
            _ when _schema.FindList(name) is { } list => new CollectionExpr(Collection.Records, null, list),
            _ => throw Unsupported($"the name '{name}' outside a field access"),
        };
    }

    private SegmentExpr Select(SelectExpr select)
    {
        if (select.Operand is IdentExpr { Name: MemberSchema.Attributes } && !_locals.ContainsKey(MemberSchema.Attributes))
        {
            return select.TestOnly ? new HasAttributeExpr(select.Field) : new AttributeExpr(select.Field);
        }

        if (select.TestOnly)
        {
            throw Unsupported("has() on purchase and interaction fields");
        }

        var operand = Lower(select.Operand);
        if (operand is not VariableExpr variable)
        {
            throw Unsupported($"selecting '{select.Field}' from a {operand.Type}");
        }

        if (variable.Type == SegmentType.Record)
        {
            var list = _recordLists[variable.Slot];
            return list.Field(select.Field) is { } custom
                ? new RecordFieldExpr(variable, list, custom)
                : throw Unsupported($"the field '{select.Field}'");
        }

        if (variable.Type == SegmentType.Purchase && select.Field == "categories")
        {
            return new CollectionExpr(Collection.Categories, variable);
        }

        var fields = variable.Type == SegmentType.Purchase ? MemberSchema.PurchaseFields : MemberSchema.InteractionFields;
        return fields.TryGetValue(select.Field, out var field)
            ? new ElementFieldExpr(variable, field)
            : throw Unsupported($"the field '{select.Field}'");
    }

    private SegmentExpr Call(CallExpr call)
    {
        var args = call.Args;
        switch (call.Function)
        {
            case Op.LogicalAnd:
                return new AndExpr(Bool(args[0]), Bool(args[1]));
            case Op.LogicalOr:
                return new OrExpr(Bool(args[0]), Bool(args[1]));
            case Op.LogicalNot:
                return new NotExpr(Bool(args[0]));
            case Op.Conditional:
                var whenTrue = Lower(args[1]);
                var whenFalse = Lower(args[2]);
                return whenTrue.Type == whenFalse.Type && IsValue(whenTrue.Type)
                    ? new ConditionalExpr(Bool(args[0]), whenTrue, whenFalse)
                    : throw Unsupported("?: over values of different types");
            case Op.Equal:
                return Comparison(Expressions.Runtime.Comparison.Equal, args);
            case Op.NotEquals:
                return Comparison(Expressions.Runtime.Comparison.NotEqual, args);
            case Op.Less:
                return Comparison(Expressions.Runtime.Comparison.Less, args);
            case Op.LessEquals:
                return Comparison(Expressions.Runtime.Comparison.LessOrEqual, args);
            case Op.Greater:
                return Comparison(Expressions.Runtime.Comparison.Greater, args);
            case Op.GreaterEquals:
                return Comparison(Expressions.Runtime.Comparison.GreaterOrEqual, args);
            case Op.Add:
                return Arithmetic(ArithmeticOp.Add, args);
            case Op.Subtract:
                return Arithmetic(ArithmeticOp.Subtract, args);
            case Op.Multiply:
                return Arithmetic(ArithmeticOp.Multiply, args);
            case Op.Divide:
                return Arithmetic(ArithmeticOp.Divide, args);
            case Op.Modulo:
                return Arithmetic(ArithmeticOp.Modulo, args);
            case Op.Negate:
                var negated = Lower(args[0]);
                return negated.Type is SegmentType.Int or SegmentType.Double or SegmentType.Duration
                    ? new NegateExpr(negated)
                    : throw Unsupported($"negating a {negated.Type}");
            case Op.In:
                return In(args[0], args[1]);
            case Op.Index:
                return args[0] is IdentExpr { Name: MemberSchema.Attributes } && !_locals.ContainsKey(MemberSchema.Attributes) && args[1] is LiteralExpr { Value: string key }
                    ? new AttributeExpr(key)
                    : throw Unsupported("indexing other than attributes[\"key\"]");
            case "size" when (call.Target ?? args[0]) is ComprehensionExpr { Kind: ComprehensionKind.Filter } filter:
                // purchases.filter(p, ...).size(): count, without building the filtered list.
                var (source, variable, predicate) = Loop(filter);
                return new CountExpr(source, variable, predicate);
            case "size":
                return new SizeExpr(Sized(call.Target ?? args[0]));
            case "contains":
                return StringTestOf(Segments.StringTest.Contains, call);
            case "startsWith":
                return StringTestOf(Segments.StringTest.StartsWith, call);
            case "endsWith":
                return StringTestOf(Segments.StringTest.EndsWith, call);
            case MemberSchema.Days:
                return new DaysExpr(Typed(args[0], SegmentType.Int));
            case "double":
                return new ConvertExpr(Typed(args[0], SegmentType.Int), SegmentType.Double);
            case "int":
                return new ConvertExpr(Typed(args[0], SegmentType.Double), SegmentType.Int);
            case "timestamp" when args.Length == 1 && args[0] is LiteralExpr { Value: string text }:
                return new ConstantExpr(SegmentType.Timestamp, ParseTimestamp(text));
            default:
                if (call.Target is not null && TimestampParts.TryGetValue(call.Function, out var part))
                {
                    return TimestampPartOf(part, call);
                }

                if (call.Function is MathLibrary.Max or MathLibrary.Min && call.Target is null && call.Args.Length == 1)
                {
                    return Extremum(call.Function == MathLibrary.Max, call.Args[0]);
                }

                if (ExtensionCall(call) is { } extension)
                {
                    return extension;
                }

                throw Unsupported($"the function '{call.Function}'");
        }
    }

    private static readonly Dictionary<string, TimestampPart> TimestampParts = new(StringComparer.Ordinal)
    {
        ["getFullYear"] = TimestampPart.FullYear,
        ["getMonth"] = TimestampPart.Month,
        ["getDate"] = TimestampPart.Date,
        ["getDayOfMonth"] = TimestampPart.DayOfMonth,
        ["getDayOfWeek"] = TimestampPart.DayOfWeek,
        ["getDayOfYear"] = TimestampPart.DayOfYear,
        ["getHours"] = TimestampPart.Hours,
    };

    /// <summary>A strings or math extension call over column types, as the same .NET method the interpreter calls.</summary>
    private FunctionCallExpr? ExtensionCall(CallExpr call)
    {
        var operands = call.Target is null ? call.Args : call.Args.Insert(0, call.Target);
        var lowered = operands.Select(Lower).ToArray();
        var function = SegmentFunctions.Find(call.Function, call.Target is not null, [.. lowered.Select(a => a.Type)]);
        return function is null ? null : new FunctionCallExpr(function, [.. lowered]);
    }

    /// <summary><c>math.greatest(a, b, c)</c> (a list after the macro) as a fold over values of one type.</summary>
    private SegmentExpr Extremum(bool greatest, Expr operand)
    {
        if (operand is not ListExpr { OptionalIndices.IsDefault: true } list)
        {
            var single = Lower(operand);
            return single.Type is SegmentType.Int or SegmentType.Double
                ? single
                : throw Unsupported($"math.{(greatest ? "greatest" : "least")}() of a {single.Type}");
        }

        var values = list.Elements.Select(Lower).ToArray();
        var type = values[0].Type;
        if (values.Any(v => v.Type != type) || SegmentFunctions.Extremum(greatest, type) is not { } function)
        {
            throw Unsupported($"math.{(greatest ? "greatest" : "least")}() over values of different kinds");
        }

        return values.Aggregate((left, right) => new FunctionCallExpr(function, [left, right]));
    }

    private LetExpr Bind(BindExpr bind)
    {
        var value = Lower(bind.Init);
        if (!IsValue(value.Type))
        {
            throw Unsupported($"cel.bind of a {value.Type}");
        }

        var variable = new LetVariableExpr(_nextSlot++, value.Type, bind.Variable);
        _locals.TryGetValue(bind.Variable, out var outer);
        _locals[bind.Variable] = variable;
        try
        {
            return new LetExpr(variable, value, Lower(bind.Body));
        }
        finally
        {
            if (outer is null)
            {
                _locals.Remove(bind.Variable);
            }
            else
            {
                _locals[bind.Variable] = outer;
            }
        }
    }

    private static bool IsValue(SegmentType type) => type is SegmentType.Bool or SegmentType.Int or SegmentType.Double
        or SegmentType.String or SegmentType.Timestamp or SegmentType.Duration;

    private SegmentExpr Bool(Expr expr) => Typed(expr, SegmentType.Bool);

    private SegmentExpr Typed(Expr expr, SegmentType type)
    {
        var lowered = Lower(expr);
        return lowered.Type == type ? lowered : throw Unsupported($"a {lowered.Type} where a {type} is expected (dyn values)");
    }

    private CompareExpr Comparison(Comparison op, System.Collections.Immutable.ImmutableArray<Expr> args)
    {
        var left = Lower(args[0]);
        var right = Lower(args[1]);
        var comparable = (left.Type, right.Type) switch
        {
            (SegmentType.Int, SegmentType.Double) or (SegmentType.Double, SegmentType.Int) => true,
            var (l, r) when l == r => IsValue(l),
            _ => false,
        };
        return comparable ? new CompareExpr(op, left, right) : throw Unsupported($"comparing a {left.Type} with a {right.Type}");
    }

    private ArithmeticExpr Arithmetic(ArithmeticOp op, System.Collections.Immutable.ImmutableArray<Expr> args)
    {
        var left = Lower(args[0]);
        var right = Lower(args[1]);
        SegmentType? result = (left.Type, right.Type, op) switch
        {
            (SegmentType.Int, SegmentType.Int, _) => SegmentType.Int,
            (SegmentType.Double, SegmentType.Double, not ArithmeticOp.Modulo) => SegmentType.Double,
            (SegmentType.Timestamp, SegmentType.Duration, ArithmeticOp.Add or ArithmeticOp.Subtract) => SegmentType.Timestamp,
            (SegmentType.Duration, SegmentType.Timestamp, ArithmeticOp.Add) => SegmentType.Timestamp,
            (SegmentType.Timestamp, SegmentType.Timestamp, ArithmeticOp.Subtract) => SegmentType.Duration,
            (SegmentType.Duration, SegmentType.Duration, ArithmeticOp.Add or ArithmeticOp.Subtract) => SegmentType.Duration,
            _ => null,
        };
        return result is { } type ? new ArithmeticExpr(op, left, right, type) : throw Unsupported($"{op} of a {left.Type} and a {right.Type}");
    }

    private SegmentExpr In(Expr element, Expr container)
    {
        if (container is IdentExpr { Name: MemberSchema.Attributes } && !_locals.ContainsKey(MemberSchema.Attributes))
        {
            return element is LiteralExpr { Value: string key } ? new HasAttributeExpr(key) : throw Unsupported("'in attributes' with a computed key");
        }

        var item = Typed(element, SegmentType.String);
        if (container is ListExpr list)
        {
            // x in ["a", "b"]: the same as x == "a" || x == "b", errors included.
            if (list.Elements.Length == 0 || list.Elements.Any(e => e is not LiteralExpr { Value: string }))
            {
                throw Unsupported("'in' a list that is not of string constants");
            }

            return list.Elements
                .Select(e => (SegmentExpr)new CompareExpr(Expressions.Runtime.Comparison.Equal, item, Literal((LiteralExpr)e)))
                .Aggregate((l, r) => new OrExpr(l, r));
        }

        return Lower(container) is CollectionExpr { Type: SegmentType.StringList } strings
            ? new InExpr(item, strings)
            : throw Unsupported("'in' other than a string list");
    }

    private SegmentExpr Sized(Expr operand)
    {
        var lowered = Lower(operand);
        return lowered is CollectionExpr || lowered.Type == SegmentType.String
            ? lowered
            : throw Unsupported($"size() of a {lowered.Type}");
    }

    private StringTestExpr StringTestOf(StringTest test, CallExpr call) =>
        call.Target is not null && call.Args.Length == 1
            ? new StringTestExpr(test, Typed(call.Target, SegmentType.String), Typed(call.Args[0], SegmentType.String))
            : throw Unsupported($"{call.Function} without a receiver");

    private TimestampPartExpr TimestampPartOf(TimestampPart part, CallExpr call)
    {
        var timestamp = Typed(call.Target!, SegmentType.Timestamp);
        if (call.Args.Length == 0)
        {
            return new TimestampPartExpr(part, timestamp, null);
        }

        if (call.Args is not [LiteralExpr { Value: string zoneName }])
        {
            throw Unsupported("time zones that are not string constants");
        }

        // Fixed offsets and names that are not zones are left to the interpreter, which judges (and reports) them.
        return TimeZoneLookup.TryFind(zoneName, out var zone)
            ? new TimestampPartExpr(part, timestamp, zone)
            : throw Unsupported($"the time zone '{zoneName}' (fixed offsets are interpreted)");
    }

    private QuantifierExpr Comprehension(ComprehensionExpr comprehension)
    {
        if (comprehension.Kind is ComprehensionKind.Map or ComprehensionKind.Filter)
        {
            throw Unsupported($"{comprehension.Kind.ToString().ToLowerInvariant()}() other than filter(...).size()");
        }

        var (source, variable, predicate) = Loop(comprehension);
        var kind = comprehension.Kind switch
        {
            ComprehensionKind.All => Quantifier.All,
            ComprehensionKind.Exists => Quantifier.Exists,
            _ => Quantifier.ExistsOne,
        };
        return new QuantifierExpr(kind, source, variable, predicate);
    }

    private (CollectionExpr Source, VariableExpr Variable, SegmentExpr Predicate) Loop(ComprehensionExpr comprehension)
    {
        if (Lower(comprehension.Range) is not CollectionExpr { Collection: Collection.Purchases or Collection.Interactions or Collection.Categories or Collection.Records } source)
        {
            throw Unsupported("comprehensions other than over purchases, interactions, a purchase's categories and custom lists");
        }

        var variable = new VariableExpr(_nextSlot++, Collections.ElementOf(source.Collection), comprehension.Variable);
        if (source.List is { } records)
        {
            _recordLists[variable.Slot] = records;
        }

        _locals.TryGetValue(comprehension.Variable, out var outer);
        _locals[comprehension.Variable] = variable;
        try
        {
            return (source, variable, Bool(comprehension.Predicate!));
        }
        finally
        {
            if (outer is null)
            {
                _locals.Remove(comprehension.Variable);
            }
            else
            {
                _locals[comprehension.Variable] = outer;
            }
        }
    }

    private static long ParseTimestamp(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) || !text.EndsWith('Z') && !text.Contains('+', StringComparison.Ordinal))
        {
            throw Unsupported($"the timestamp '{text}' (left to the interpreter to judge)");
        }

        return value.UtcTicks;
    }
}
