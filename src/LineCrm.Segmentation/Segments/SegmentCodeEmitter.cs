using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Compilation;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using static LineCrm.Segmentation.Expressions.Compilation.CelLogicEmitter;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// Turns a segment expression into an expression tree over an <see cref="EvaluationFrame"/> and a row, typed all
/// the way down (long, double, bool, int ids; strings only where an operation needs text), so the compiled
/// delegate allocates and boxes nothing. String constants compared with interned columns become id
/// comparisons; member-independent parts become reads of values computed once per evaluation.
/// </summary>
internal sealed class SegmentCodeEmitter
{
    private readonly ParameterExpression _frame = Expression.Parameter(typeof(EvaluationFrame), "frame");
    private readonly ParameterExpression _row = Expression.Parameter(typeof(int), "row");
    private readonly Dictionary<int, ParameterExpression> _variables = [];
    private readonly Dictionary<int, ParameterExpression> _lets = [];
    private readonly Dictionary<string, (ParameterExpression Local, Expression Init)> _arrays = new(StringComparer.Ordinal);
    private readonly SegmentSlots _slots;
    private readonly long? _iterationCap;
    private readonly long _maxResultLength;
    private readonly ParameterExpression _iterations = Expression.Variable(typeof(long), "iterations");

    /// <summary>An emitter for <paramref name="slots"/>.</summary>
    /// <param name="slots">The slots the code reads.</param>
    /// <param name="iterationCap">
    /// When set, the code counts the comprehension iterations of each person and throws
    /// <see cref="CelLimitExceededException"/> past this many; when null, it counts nothing (the caller proved the
    /// table's worst person fits).
    /// </param>
    /// <param name="maxAllocationBytes">The most a function may build for one call (<see cref="CelLimits.MaxAllocationBytes"/>).</param>
    public SegmentCodeEmitter(SegmentSlots slots, long? iterationCap = null, long maxAllocationBytes = long.MaxValue)
    {
        _slots = slots;
        _iterationCap = iterationCap;
        _maxResultLength = maxAllocationBytes / Expressions.Evaluation.CelCostBudget.BytesPerChar;
    }

    /// <summary>Builds <c>(frame, row) =&gt; predicate</c>.</summary>
    /// <remarks>
    /// The frame's arrays are read into locals once at the start, so loops over purchases index a local array
    /// instead of reloading a field of the frame for every element.
    /// </remarks>
    public Expression<Func<EvaluationFrame, int, bool>> Lambda(SegmentExpr predicate)
    {
        var body = Emit(predicate).Code;
        var reads = _arrays.Values.Select(a => (Expression)Expression.Assign(a.Local, a.Init));
        var arrays = _arrays.Values.Select(a => a.Local);
        var locals = _iterationCap is null ? arrays : arrays.Append(_iterations);
        Expression[] start = _iterationCap is null ? [.. reads] : [.. reads, Expression.Assign(_iterations, Expression.Constant(0L))];
        return Expression.Lambda<Func<EvaluationFrame, int, bool>>(Expression.Block(typeof(bool), locals, [.. start, body]), _frame, _row);
    }

    // ++iterations > cap: throw. Null when the code does not count.
    private ConditionalExpression? CountIteration() =>
        _iterationCap is not { } cap
            ? null
            : Expression.IfThen(
                Expression.GreaterThan(Expression.PreIncrementAssign(_iterations), Expression.Constant(cap)),
                Expression.Throw(Call(nameof(SegmentCodeHelpers.IterationLimit), Expression.Constant(cap))));

    /// <summary>The code of a node and whether it can raise a CEL error.</summary>
    public Operand Emit(SegmentExpr expr)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (expr is not ConstantExpr && SegmentAnalysis.IsMemberIndependent(expr))
        {
            return new(Invariant(expr), false);
        }

        return expr switch
        {
            ConstantExpr c => new(Expression.Constant(c.Value, ClrType(c.Type)), false),
            NowExpr => new(Field(nameof(EvaluationFrame.Now)), false),
            MemberFieldExpr f => new(MemberField(f.Field), false),
            VariableExpr v => new(StringOf(v), false),
            ElementFieldExpr e => new(ElementValue(e), false),
            CustomFactExpr f => new(CustomFact(f), false),
            RecordFieldExpr r => new(RecordField(r), false),
            AttributeExpr a => new(Call(nameof(SegmentCodeHelpers.Attribute), Slot(nameof(EvaluationFrame.Attributes), _slots.AttributeKey(a.Key)), _row, Table(nameof(MemberTable.Attributes)), Expression.Constant(a.Key)), true),
            HasAttributeExpr h => new(Expression.NotEqual(Call(nameof(SegmentRuntime.At), typeof(SegmentRuntime), Slot(nameof(EvaluationFrame.Attributes), _slots.AttributeKey(h.Key)), _row), Expression.Constant(0)), false),
            NotExpr n => Map(Emit(n.Operand), Expression.Not),
            NegateExpr n => Negate(n),
            ArithmeticExpr a => Arithmetic(a),
            CompareExpr c => Compare(c),
            AndExpr a => And(Emit(a.Left), Emit(a.Right)),
            OrExpr o => Or(Emit(o.Left), Emit(o.Right)),
            ConditionalExpr c => Conditional(c),
            QuantifierExpr q => Quantify(q),
            CountExpr c => Count(c),
            SizeExpr s => Size(s),
            InExpr i => In(i),
            StringTestExpr t => Both(Emit(t.Target), Emit(t.Argument), (a, b) => Call(nameof(SegmentRuntime.Test), typeof(SegmentRuntime), Expression.Constant(t.Test), a, b)),
            DaysExpr d => new(Call(nameof(CelTicks.Days), typeof(CelTicks), Emit(d.Days).Code), true),
            ConvertExpr c => Convert(c),
            TimestampPartExpr p => new(Call(nameof(SegmentRuntime.Part), typeof(SegmentRuntime), Expression.Constant(p.Part), Emit(p.Timestamp).Code, Expression.Constant(p.TimeZone, typeof(TimeZoneInfo))), true),
            FunctionCallExpr f => FunctionCall(f),
            LetExpr l => Let(l),
            LetVariableExpr v => new(_lets[v.Slot], false),
            _ => throw new NotSupportedException($"Segment node {expr.GetType().Name} cannot be compiled."),
        };
    }

    private static Type ClrType(SegmentType type) => type switch
    {
        SegmentType.Bool => typeof(bool),
        SegmentType.Double => typeof(double),
        SegmentType.String => typeof(string),
        _ => typeof(long),
    };

    private BinaryExpression Invariant(SegmentExpr expr)
    {
        var slot = _slots.Invariant(expr);
        var array = expr.Type switch
        {
            SegmentType.Bool => nameof(EvaluationFrame.Bools),
            SegmentType.Double => nameof(EvaluationFrame.Doubles),
            SegmentType.String => nameof(EvaluationFrame.Strings),
            _ => nameof(EvaluationFrame.Longs),
        };
        return Slot(array, slot);
    }

    /// <summary>A field of the frame; an array field as the local that holds it (see <see cref="Lambda"/>).</summary>
    private Expression Field(string name)
    {
        var field = FrameField(name);
        if (!field.Type.IsArray)
        {
            return field;
        }

        return Hoisted(name, field);
    }

    /// <summary>An array the code reads, as a local assigned once at the start (<paramref name="init"/> reads it from the frame).</summary>
    private ParameterExpression Hoisted(string key, Expression init)
    {
        if (!_arrays.TryGetValue(key, out var hoisted))
        {
            hoisted = (Expression.Variable(init.Type, key), init);
            _arrays.Add(key, hoisted);
        }

        return hoisted.Local;
    }

    /// <summary>Element <paramref name="index"/> of an array-of-arrays field of the frame (a custom column), hoisted.</summary>
    private ParameterExpression Column(string field, int index) =>
        Hoisted($"{field}[{index}]", Expression.ArrayIndex(FrameField(field), Expression.Constant(index)));

    /// <summary>Column <paramref name="index"/> of list <paramref name="list"/> in a per-list field of the frame, hoisted.</summary>
    private ParameterExpression Column(string field, int list, int index) =>
        Hoisted($"{field}[{list}][{index}]", Expression.ArrayIndex(Expression.ArrayIndex(FrameField(field), Expression.Constant(list)), Expression.Constant(index)));

    private Expression CustomFact(CustomFactExpr f) => f.Fact.Storage switch
    {
        FactStorage.Long => Expression.ArrayIndex(Column(nameof(EvaluationFrame.CustomLongs), f.Fact.Slot), _row),
        FactStorage.Double => Expression.ArrayIndex(Column(nameof(EvaluationFrame.CustomDoubles), f.Fact.Slot), _row),
        FactStorage.Bool => Expression.ArrayIndex(Column(nameof(EvaluationFrame.CustomBools), f.Fact.Slot), _row),
        _ => Text(f),
    };

    private Expression RecordField(RecordFieldExpr r)
    {
        var index = _variables[r.Variable.Slot];
        return r.Field.Storage switch
        {
            FactStorage.Long => Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordLongs), r.List.Index, r.Field.Slot), index),
            FactStorage.Double => Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordDoubles), r.List.Index, r.Field.Slot), index),
            FactStorage.Bool => Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordBools), r.List.Index, r.Field.Slot), index),
            _ => Text(r),
        };
    }

    // Members are looked up on the statically known types, so trimming keeps them.
    private MemberExpression FrameField(string name) =>
        Expression.Field(_frame, typeof(EvaluationFrame).GetField(name) ?? throw new MissingFieldException(nameof(EvaluationFrame), name));

    private BinaryExpression Slot(string array, int slot) => Expression.ArrayIndex(Field(array), Expression.Constant(slot));

    private MemberExpression Table(string pool) =>
        Expression.Property(
            Field(nameof(EvaluationFrame.Table)),
            typeof(MemberTable).GetProperty(pool, BindingFlags.NonPublic | BindingFlags.Instance) ?? throw new MissingMemberException(nameof(MemberTable), pool));

    private static MethodCallExpression Call(string method, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type, params Expression[] arguments) =>
        Expression.Call(type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, [.. arguments.Select(a => a.Type)])
            ?? throw new MissingMethodException(type.Name, method), arguments);

    private static MethodCallExpression Call(string method, params Expression[] arguments) => Call(method, typeof(SegmentCodeHelpers), arguments);

    private static Operand Map(Operand operand, Func<Expression, Expression> map) => new(map(operand.Code), operand.MayFail);

    private static Operand Both(Operand a, Operand b, Func<Expression, Expression, Expression> combine, bool mayFail = false) =>
        new(combine(a.Code, b.Code), mayFail || a.MayFail || b.MayFail);

    private Expression MemberField(MemberField field) => field switch
    {
        Segments.MemberField.Blocked => Call(nameof(SegmentRuntime.Bit), typeof(SegmentRuntime), Field(nameof(EvaluationFrame.Blocked)), _row),
        Segments.MemberField.FriendAddedAt => Expression.ArrayIndex(Field(nameof(EvaluationFrame.FriendAddedAt)), _row),
        Segments.MemberField.LastClickAt => Expression.ArrayIndex(Field(nameof(EvaluationFrame.LastClickAt)), _row),
        Segments.MemberField.TotalSpend => Expression.ArrayIndex(Field(nameof(EvaluationFrame.TotalSpend)), _row),
        Segments.MemberField.FirstPurchaseAt => Expression.ArrayIndex(Field(nameof(EvaluationFrame.FirstPurchaseAt)), _row),
        Segments.MemberField.LinkedAt => Expression.ArrayIndex(Field(nameof(EvaluationFrame.LinkedAt)), _row),
        _ => Expression.ArrayIndex(Field(nameof(EvaluationFrame.LastPurchaseAt)), _row),
    };

    /// <summary>The interned id of a string-valued node, when it reads an interned column.</summary>
    private (Expression Id, InternedColumn Column)? InternedId(SegmentExpr expr)
    {
        switch (expr)
        {
            case ElementFieldExpr e when MemberFields.TypeOf(e.Field) == SegmentType.String:
                var index = _variables[e.Variable.Slot];
                var (array, column) = e.Field switch
                {
                    ElementField.PurchaseCurrency => (nameof(EvaluationFrame.PurchaseCurrency), InternedColumn.Currency),
                    ElementField.PurchaseChannel => (nameof(EvaluationFrame.PurchaseChannel), InternedColumn.Channel),
                    ElementField.PurchaseStore => (nameof(EvaluationFrame.PurchaseStore), InternedColumn.Store),
                    ElementField.PurchaseCampaign => (nameof(EvaluationFrame.PurchaseCampaign), InternedColumn.Campaign),
                    ElementField.InteractionKind => (nameof(EvaluationFrame.InteractionKind), InternedColumn.InteractionKind),
                    ElementField.InteractionCampaign => (nameof(EvaluationFrame.InteractionCampaign), InternedColumn.Campaign),
                    _ => (nameof(EvaluationFrame.InteractionTarget), InternedColumn.Target),
                };
                return (Expression.ArrayIndex(Field(array), index), column);
            case VariableExpr v when v.Type == SegmentType.String:
                return (Expression.ArrayIndex(Field(nameof(EvaluationFrame.CategoryIds)), _variables[v.Slot]), InternedColumn.Category);
            case CustomFactExpr { Fact.Storage: FactStorage.String } f:
                return (Expression.ArrayIndex(Column(nameof(EvaluationFrame.CustomStrings), f.Fact.Slot), _row), InternedColumn.CustomValue);
            case RecordFieldExpr { Field.Storage: FactStorage.String } r:
                var element = _variables[r.Variable.Slot];
                return (Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordStrings), r.List.Index, r.Field.Slot), element), InternedColumn.CustomValue);
            default:
                return null;
        }
    }

    private Expression ElementValue(ElementFieldExpr e)
    {
        var index = _variables[e.Variable.Slot];
        return e.Field switch
        {
            ElementField.PurchaseAt => Expression.ArrayIndex(Field(nameof(EvaluationFrame.PurchaseAt)), index),
            // units / 10,000 as MoneyUnits.ToDouble computes it, inline: a division by a constant in the loop.
            ElementField.PurchaseAmount => Expression.Divide(
                Expression.Convert(Expression.ArrayIndex(Field(nameof(EvaluationFrame.PurchaseAmountUnits)), index), typeof(double)),
                Expression.Constant((double)MoneyUnits.PerCurrencyUnit)),
            ElementField.InteractionAt => Expression.ArrayIndex(Field(nameof(EvaluationFrame.InteractionAt)), index),
            _ => Text(e),
        };
    }

    private MethodCallExpression StringOf(VariableExpr v) =>
        v.Type == SegmentType.String ? Text(v) : throw new NotSupportedException($"Variable {v.Name} of type {v.Type} is only usable through its fields.");

    // The text of an interned string node: the pool's string for the id ("" for an unset optional field).
    private MethodCallExpression Text(SegmentExpr expr)
    {
        var (id, column) = InternedId(expr)!.Value;
        if (column == InternedColumn.CustomValue)
        {
            return Call(nameof(SegmentRuntime.Name), typeof(SegmentRuntime), Table(nameof(MemberTable.Custom)), id);
        }

        var pool = column switch
        {
            InternedColumn.Currency => nameof(MemberTable.Currencies),
            InternedColumn.Channel => nameof(MemberTable.Channels),
            InternedColumn.Store => nameof(MemberTable.Stores),
            InternedColumn.InteractionKind => nameof(MemberTable.InteractionKinds),
            InternedColumn.Campaign => nameof(MemberTable.Campaigns),
            InternedColumn.Target => nameof(MemberTable.Targets),
            _ => nameof(MemberTable.Categories),
        };
        return Call(nameof(SegmentRuntime.Name), typeof(SegmentRuntime), Table(pool), id);
    }

    private Operand Negate(NegateExpr n)
    {
        var operand = Emit(n.Operand);
        return n.Type switch
        {
            SegmentType.Int => new(Call(nameof(CelIntegers.Negate), typeof(CelIntegers), operand.Code), true),
            SegmentType.Double => Map(operand, Expression.Negate),
            _ => new(Call(nameof(CelTicks.NegateDuration), typeof(CelTicks), operand.Code), true),
        };
    }

    private Operand Arithmetic(ArithmeticExpr a)
    {
        var left = Emit(a.Left);
        var right = Emit(a.Right);
        if (a.Left.Type == SegmentType.Double)
        {
            Func<Expression, Expression, BinaryExpression> op = a.Op switch
            {
                ArithmeticOp.Add => Expression.Add,
                ArithmeticOp.Subtract => Expression.Subtract,
                ArithmeticOp.Multiply => Expression.Multiply,
                _ => Expression.Divide,
            };
            return Both(left, right, op);
        }

        var (call, l, r) = (a.Left.Type, a.Right.Type, a.Op) switch
        {
            (SegmentType.Int, _, ArithmeticOp.Add) => (Integers(nameof(CelIntegers.Add)), left, right),
            (SegmentType.Int, _, ArithmeticOp.Subtract) => (Integers(nameof(CelIntegers.Subtract)), left, right),
            (SegmentType.Int, _, ArithmeticOp.Multiply) => (Integers(nameof(CelIntegers.Multiply)), left, right),
            (SegmentType.Int, _, ArithmeticOp.Divide) => (Integers(nameof(CelIntegers.Divide)), left, right),
            (SegmentType.Int, _, ArithmeticOp.Modulo) => (Integers(nameof(CelIntegers.Modulo)), left, right),
            (SegmentType.Timestamp, SegmentType.Duration, ArithmeticOp.Add) => (Ticks(nameof(CelTicks.AddDuration)), left, right),
            (SegmentType.Duration, SegmentType.Timestamp, ArithmeticOp.Add) => (Ticks(nameof(CelTicks.AddDuration)), right, left),
            (SegmentType.Timestamp, SegmentType.Duration, ArithmeticOp.Subtract) => (Ticks(nameof(CelTicks.SubtractDuration)), left, right),
            (SegmentType.Timestamp, SegmentType.Timestamp, ArithmeticOp.Subtract) => (Ticks(nameof(CelTicks.Between)), left, right),
            (SegmentType.Duration, SegmentType.Duration, ArithmeticOp.Add) => (Ticks(nameof(CelTicks.AddDurations)), left, right),
            (SegmentType.Duration, SegmentType.Duration, ArithmeticOp.Subtract) => (Ticks(nameof(CelTicks.SubtractDurations)), left, right),
            _ => throw new NotSupportedException($"No arithmetic {a.Op} for {a.Left.Type} and {a.Right.Type}."),
        };
        return Both(l, r, call, mayFail: true);

        // The helper's type is a typeof constant at each call, not a value carried through a tuple: the trimmer sees
        // which public methods are reached and keeps them (a Type in a tuple loses its DynamicallyAccessedMembers
        // annotation, which is what IL2077 reported here).
        static Func<Expression, Expression, Expression> Integers(string method) => (x, y) => Call(method, typeof(CelIntegers), x, y);

        static Func<Expression, Expression, Expression> Ticks(string method) => (x, y) => Call(method, typeof(CelTicks), x, y);
    }

    private Operand Compare(CompareExpr c)
    {
        if (c.Op is Comparison.Equal or Comparison.NotEqual && InternedComparison(c) is { } interned)
        {
            return interned;
        }

        var left = Emit(c.Left);
        var right = Emit(c.Right);
        var op = Expression.Constant(c.Op);
        switch (c.Left.Type, c.Right.Type)
        {
            case (SegmentType.Int, SegmentType.Double):
                return Both(left, right, (l, r) => Call(nameof(CelNumericComparison.IntDouble), typeof(CelNumericComparison), l, op, r));
            case (SegmentType.Double, SegmentType.Int):
                return Both(left, right, (l, r) => Call(nameof(CelNumericComparison.DoubleInt), typeof(CelNumericComparison), l, op, r));
            case (SegmentType.String, _):
                return Both(left, right, (l, r) => Relational(c.Op, Call(nameof(SegmentRuntime.CompareStrings), typeof(SegmentRuntime), l, r), Expression.Constant(0)));
            case (SegmentType.Bool, _):
                return Both(left, right, (l, r) => Relational(c.Op, Expression.Convert(l, typeof(int)), Expression.Convert(r, typeof(int))));
            default:
                return Both(left, right, (l, r) => Relational(c.Op, l, r));
        }
    }

    // `p.channel == "store"` as `channelId == idOf("store")`: one integer comparison, no string touched.
    private Operand? InternedComparison(CompareExpr c)
    {
        var (column, constant) = c.Right is ConstantExpr { Value: string } ? (c.Left, (ConstantExpr)c.Right)
            : c.Left is ConstantExpr { Value: string } ? (c.Right, (ConstantExpr)c.Left)
            : (null, null);
        if (column is null || constant is null)
        {
            return null;
        }

        var text = (string)constant.Value;
        if (column is AttributeExpr attribute)
        {
            var value = Call(
                nameof(SegmentCodeHelpers.AttributeId),
                Slot(nameof(EvaluationFrame.Attributes), _slots.AttributeKey(attribute.Key)),
                _row,
                Expression.Constant(attribute.Key));
            var expected = Slot(nameof(EvaluationFrame.StringIds), _slots.String(text, InternedColumn.AttributeValue));
            return new(Relational(c.Op, value, expected), true);
        }

        if (InternedId(column) is not { } interned)
        {
            return null;
        }

        var id = Slot(nameof(EvaluationFrame.StringIds), _slots.String(text, interned.Column));
        return new(Relational(c.Op, interned.Id, id), false);
    }

    private static BinaryExpression Relational(Comparison op, Expression left, Expression right) => op switch
    {
        Comparison.Equal => Expression.Equal(left, right),
        Comparison.NotEqual => Expression.NotEqual(left, right),
        Comparison.Less => Expression.LessThan(left, right),
        Comparison.LessOrEqual => Expression.LessThanOrEqual(left, right),
        Comparison.Greater => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };

    private Operand Conditional(ConditionalExpr c)
    {
        var condition = Emit(c.Condition);
        var whenTrue = Emit(c.WhenTrue);
        var whenFalse = Emit(c.WhenFalse);
        return new(
            Expression.Condition(condition.Code, whenTrue.Code, whenFalse.Code),
            condition.MayFail || whenTrue.MayFail || whenFalse.MayFail);
    }

    private (Expression Start, Expression End, ParameterExpression Index) Range(CollectionExpr source, VariableExpr variable)
    {
        var index = Expression.Variable(typeof(int), variable.Name);
        _variables[variable.Slot] = index;
        switch (source.Collection)
        {
            case Collection.Purchases:
                var p = Expression.ArrayIndex(Field(nameof(EvaluationFrame.PurchaseStarts)), _row);
                return (p, Expression.Add(p, Expression.ArrayIndex(Field(nameof(EvaluationFrame.PurchaseCounts)), _row)), index);
            case Collection.Interactions:
                var i = Expression.ArrayIndex(Field(nameof(EvaluationFrame.InteractionStarts)), _row);
                return (i, Expression.Add(i, Expression.ArrayIndex(Field(nameof(EvaluationFrame.InteractionCounts)), _row)), index);
            case Collection.Records:
                var r = Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordStarts), source.List!.Index), _row);
                return (r, Expression.Add(r, Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordCounts), source.List.Index), _row)), index);
            case Collection.Categories:
                var owner = _variables[source.Owner!.Slot];
                var c = Expression.ArrayIndex(Field(nameof(EvaluationFrame.CategoryStart)), owner);
                return (c, Expression.Add(c, Expression.ArrayIndex(Field(nameof(EvaluationFrame.CategoryCount)), owner)), index);
            default:
                throw new NotSupportedException($"Comprehensions over {source.Collection} are interpreted, not compiled.");
        }
    }

    private Operand Quantify(QuantifierExpr q)
    {
        var (start, end, index) = Range(q.Source, q.Variable);
        var predicate = Emit(q.Predicate);
        return q.Kind switch
        {
            Quantifier.Exists => new(Quantifier(start, end, index, predicate, absorbing: true, CountIteration()), predicate.MayFail),
            Quantifier.All => new(Quantifier(start, end, index, predicate, absorbing: false, CountIteration()), predicate.MayFail),
            _ => new(Expression.Equal(CelLogicEmitter.Count(start, end, index, predicate.Code, CountIteration()), Expression.Constant(1L)), predicate.MayFail),
        };
    }

    private Operand Count(CountExpr c)
    {
        var (start, end, index) = Range(c.Source, c.Variable);
        var predicate = Emit(c.Predicate);
        return new(CelLogicEmitter.Count(start, end, index, predicate.Code, CountIteration()), predicate.MayFail);
    }

    private Operand Size(SizeExpr s)
    {
        if (s.Operand is not CollectionExpr c)
        {
            return Map(Emit(s.Operand), code => Call(nameof(SegmentRuntime.CodePoints), typeof(SegmentRuntime), code));
        }

        Expression count = c.Collection switch
        {
            Collection.Purchases => Expression.ArrayIndex(Field(nameof(EvaluationFrame.PurchaseCounts)), _row),
            Collection.Interactions => Expression.ArrayIndex(Field(nameof(EvaluationFrame.InteractionCounts)), _row),
            Collection.Categories => Expression.ArrayIndex(Field(nameof(EvaluationFrame.CategoryCount)), _variables[c.Owner!.Slot]),
            Collection.Records => Expression.ArrayIndex(Column(nameof(EvaluationFrame.RecordCounts), c.List!.Index), _row),
            Collection.LinkedTypes => Call(nameof(BitOperations.PopCount), typeof(BitOperations), Expression.Convert(Expression.ArrayIndex(Field(nameof(EvaluationFrame.LinkedTypes)), _row), typeof(uint))),
            _ => Call(nameof(SegmentCodeHelpers.TagCount), Field(nameof(EvaluationFrame.Table)), _row),
        };
        return new(Expression.Convert(count, typeof(long)), false);
    }

    private Operand In(InExpr i)
    {
        var text = (i.Element as ConstantExpr)?.Value as string;
        switch (i.Source.Collection)
        {
            case Collection.Tags when text is not null:
                return new(Call(nameof(SegmentRuntime.Bit), typeof(SegmentRuntime), Slot(nameof(EvaluationFrame.Tags), _slots.Tag(text)), _row), false);
            case Collection.LinkedTypes when text is not null:
                var mask = Slot(nameof(EvaluationFrame.TypeMasks), _slots.IdentifierType(text));
                var linked = Expression.ArrayIndex(Field(nameof(EvaluationFrame.LinkedTypes)), _row);
                return new(Expression.NotEqual(Expression.And(linked, mask), Expression.Constant(0)), false);
            case Collection.Categories when text is not null:
                var owner = _variables[i.Source.Owner!.Slot];
                return new(
                    Call(
                        nameof(SegmentCodeHelpers.ContainsId),
                        Field(nameof(EvaluationFrame.CategoryIds)),
                        Expression.ArrayIndex(Field(nameof(EvaluationFrame.CategoryStart)), owner),
                        Expression.ArrayIndex(Field(nameof(EvaluationFrame.CategoryCount)), owner),
                        Slot(nameof(EvaluationFrame.StringIds), _slots.String(text, InternedColumn.Category))),
                    false);
            default:
                // A computed element: compare text (rare in segments; correctness over speed).
                var element = Emit(i.Element);
                var categoryOwner = i.Source.Owner is null ? Expression.Constant(-1) : (Expression)_variables[i.Source.Owner.Slot];
                return new(
                    Call(nameof(SegmentCodeHelpers.InCollection), Field(nameof(EvaluationFrame.Table)), _row, Expression.Constant(i.Source.Collection), categoryOwner, element.Code),
                    element.MayFail);
        }
    }

    private Operand FunctionCall(FunctionCallExpr f)
    {
        var arguments = f.Args.Select(Emit).ToArray();
        var code = arguments.Select(a => a.Code);
        if (f.Function.TakesResultLimit)
        {
            code = code.Append(Expression.Constant(_maxResultLength));
        }

        return new(Expression.Call(f.Function.Method, code), f.Function.MayFail || arguments.Any(a => a.MayFail));
    }

    private Operand Let(LetExpr l)
    {
        var value = Emit(l.Value);
        var variable = Expression.Variable(ClrType(l.Variable.Type), l.Variable.Name);
        // A subtree may be emitted more than once (into different code paths); each emission binds its own local.
        _lets.TryGetValue(l.Variable.Slot, out var outer);
        _lets[l.Variable.Slot] = variable;
        var body = Emit(l.Body);
        if (outer is not null)
        {
            _lets[l.Variable.Slot] = outer;
        }

        return new(Expression.Block(body.Code.Type, [variable], Expression.Assign(variable, value.Code), body.Code), value.MayFail || body.MayFail);
    }

    private Operand Convert(ConvertExpr c)
    {
        var operand = Emit(c.Operand);
        return c.Type == SegmentType.Double
            ? Map(operand, code => Expression.Convert(code, typeof(double)))
            : new(Call(nameof(CelIntegers.FromDouble), typeof(CelIntegers), operand.Code), true);
    }
}
