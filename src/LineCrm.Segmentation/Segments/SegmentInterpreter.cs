using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// Evaluates a segment expression for one person by walking the tree, with boxed values: simple enough to
/// trust. It is the reference the compiled code is tested against, the evaluator of member-independent parts
/// (once per evaluation), and the fallback where the runtime cannot generate code.
/// </summary>
internal static class SegmentInterpreter
{
    /// <summary>Evaluates <paramref name="expr"/> for <paramref name="row"/> (-1 for member-independent expressions).</summary>
    /// <param name="expr">The expression.</param>
    /// <param name="table">The members.</param>
    /// <param name="row">The person's row.</param>
    /// <param name="now">The value of <c>now</c>, in ticks.</param>
    /// <param name="limits">The limits (<see cref="CelLimits.MaxComprehensionIterations"/> for this person); the defaults when null.</param>
    /// <exception cref="CelRuntimeError">A CEL runtime error that nothing absorbed.</exception>
    /// <exception cref="CelLimitExceededException">Too many iterations, or a tree deeper than the stack.</exception>
    public static object Evaluate(SegmentExpr expr, MemberTable table, int row, long now, CelLimits? limits = null)
    {
        limits ??= CelLimits.Default;
        try
        {
            return new Walker(table, row, now, limits.MaxComprehensionIterations, limits.MaxAllocationBytes / Expressions.Evaluation.CelCostBudget.BytesPerChar).Eval(expr);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new CelLimitExceededException(nameof(CelLimits.MaxNestingDepth), limits.MaxNestingDepth, 0, 0);
        }
    }

    private sealed class Walker(MemberTable table, int row, long now, long maxIterations, long maxResultLength)
    {
        private readonly Dictionary<int, object> _variables = [];
        private long _iterations;

        public object Eval(SegmentExpr expr)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return Node(expr);
        }

        private void CountIteration()
        {
            if (++_iterations > maxIterations)
            {
                throw SegmentCodeHelpers.IterationLimit(maxIterations);
            }
        }

        private object Node(SegmentExpr expr) => expr switch
        {
            ConstantExpr c => c.Value,
            NowExpr => now,
            MemberFieldExpr f => Field(f.Field),
            VariableExpr v => _variables[v.Slot],
            ElementFieldExpr e => Element(e),
            CustomFactExpr f => CustomFact(f.Fact),
            RecordFieldExpr r => RecordField(r),
            AttributeExpr a => Attribute(a.Key) ?? throw SegmentRuntime.NoSuchKey(a.Key),
            HasAttributeExpr h => Attribute(h.Key) is not null,
            NotExpr n => !(bool)Eval(n.Operand),
            NegateExpr n => Negate(n),
            ArithmeticExpr a => Arithmetic(a),
            CompareExpr c => Compare(c),
            AndExpr a => Logical(a.Left, a.Right, decisive: false),
            OrExpr o => Logical(o.Left, o.Right, decisive: true),
            ConditionalExpr c => (bool)Eval(c.Condition) ? Eval(c.WhenTrue) : Eval(c.WhenFalse),
            QuantifierExpr q => Quantify(q),
            CountExpr c => Count(c),
            SizeExpr s => Size(s),
            InExpr i => In(i),
            StringTestExpr t => SegmentRuntime.Test(t.Test, (string)Eval(t.Target), (string)Eval(t.Argument)),
            DaysExpr d => CelTicks.Days((long)Eval(d.Days)),
            ConvertExpr c => c.Type == SegmentType.Double ? (object)(double)(long)Eval(c.Operand) : CelIntegers.FromDouble((double)Eval(c.Operand)),
            TimestampPartExpr p => SegmentRuntime.Part(p.Part, (long)Eval(p.Timestamp), p.TimeZone),
            FunctionCallExpr f => Call(f),
            LetExpr l => Let(l),
            LetVariableExpr v => _variables[v.Slot],
            _ => throw new InvalidOperationException($"Unknown segment node {expr.GetType().Name}."),
        };

        private object Call(FunctionCallExpr f)
        {
            // A function whose result can outgrow its arguments takes the result's limit last, as in compiled code.
            var arguments = new object[f.Args.Length + (f.Function.TakesResultLimit ? 1 : 0)];
            for (var i = 0; i < f.Args.Length; i++)
            {
                arguments[i] = Eval(f.Args[i]);
            }

            if (f.Function.TakesResultLimit)
            {
                arguments[^1] = maxResultLength;
            }

            // Without wrapping, so a CelRuntimeError reaches the logical operators as from compiled code.
            return f.Function.Method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, arguments, CultureInfo.InvariantCulture)!;
        }

        private object Let(LetExpr l)
        {
            _variables[l.Variable.Slot] = Eval(l.Value);
            return Eval(l.Body);
        }

        private object Field(MemberField field)
        {
            var c = table.Columns;
            return field switch
            {
                MemberField.Blocked => c.IsBlocked(row),
                MemberField.FriendAddedAt => c.FriendAddedAt[row],
                MemberField.LastClickAt => c.LastClickAt[row],
                MemberField.TotalSpend => c.TotalSpend[row],
                MemberField.FirstPurchaseAt => c.FirstPurchaseAt[row],
                MemberField.LinkedAt => c.LinkedAt[row],
                _ => c.LastPurchaseAt[row],
            };
        }

        private object Element(ElementFieldExpr e)
        {
            var i = (int)_variables[e.Variable.Slot];
            var p = table.Purchases;
            var n = table.Interactions;
            return e.Field switch
            {
                ElementField.PurchaseAt => p.At[i],
                ElementField.PurchaseAmount => MoneyUnits.ToDouble(p.AmountUnits[i]),
                ElementField.PurchaseCurrency => SegmentRuntime.Name(table.Currencies, p.Currency[i]),
                ElementField.PurchaseChannel => SegmentRuntime.Name(table.Channels, p.Channel[i]),
                ElementField.PurchaseStore => SegmentRuntime.Name(table.Stores, p.Store[i]),
                ElementField.PurchaseCampaign => SegmentRuntime.Name(table.Campaigns, p.Campaign[i]),
                ElementField.InteractionAt => n.At[i],
                ElementField.InteractionKind => SegmentRuntime.Name(table.InteractionKinds, n.Kind[i]),
                ElementField.InteractionCampaign => SegmentRuntime.Name(table.Campaigns, n.Campaign[i]),
                _ => SegmentRuntime.Name(table.Targets, n.Target[i]),
            };
        }

        private object CustomFact(CustomScalar fact)
        {
            var custom = table.Custom;
            return fact.Storage switch
            {
                FactStorage.Long => custom.Longs[fact.Slot][row],
                FactStorage.Double => custom.Doubles[fact.Slot][row],
                FactStorage.Bool => custom.Bools[fact.Slot][row],
                _ => custom.Text(custom.Strings[fact.Slot][row]),
            };
        }

        private object RecordField(RecordFieldExpr r)
        {
            var i = (int)_variables[r.Variable.Slot];
            var records = table.Custom.Lists[r.List.Index];
            return r.Field.Storage switch
            {
                FactStorage.Long => records.Longs[r.Field.Slot][i],
                FactStorage.Double => records.Doubles[r.Field.Slot][i],
                FactStorage.Bool => records.Bools[r.Field.Slot][i],
                _ => table.Custom.Text(records.Strings[r.Field.Slot][i]),
            };
        }

        private string? Attribute(string key)
        {
            var id = table.Attributes.Keys.Find(key);
            return id == StringPool.None ? null : table.Attributes.Get(row, id);
        }

        // Each arm is cast to object: otherwise C# types the switch as double and boxes ints as doubles.
        private object Negate(NegateExpr n) => n.Type switch
        {
            SegmentType.Int => (object)CelIntegers.Negate((long)Eval(n.Operand)),
            SegmentType.Double => -(double)Eval(n.Operand),
            _ => CelTicks.NegateDuration((long)Eval(n.Operand)),
        };

        private object Arithmetic(ArithmeticExpr a)
        {
            var left = Eval(a.Left);
            var right = Eval(a.Right);
            return (a.Left.Type, a.Right.Type, a.Op) switch
            {
                (SegmentType.Int, _, ArithmeticOp.Add) => (object)CelIntegers.Add((long)left, (long)right),
                (SegmentType.Int, _, ArithmeticOp.Subtract) => CelIntegers.Subtract((long)left, (long)right),
                (SegmentType.Int, _, ArithmeticOp.Multiply) => CelIntegers.Multiply((long)left, (long)right),
                (SegmentType.Int, _, ArithmeticOp.Divide) => CelIntegers.Divide((long)left, (long)right),
                (SegmentType.Int, _, ArithmeticOp.Modulo) => CelIntegers.Modulo((long)left, (long)right),
                (SegmentType.Double, _, ArithmeticOp.Add) => (double)left + (double)right,
                (SegmentType.Double, _, ArithmeticOp.Subtract) => (double)left - (double)right,
                (SegmentType.Double, _, ArithmeticOp.Multiply) => (double)left * (double)right,
                (SegmentType.Double, _, ArithmeticOp.Divide) => (double)left / (double)right,
                (SegmentType.Timestamp, SegmentType.Duration, ArithmeticOp.Add) => CelTicks.AddDuration((long)left, (long)right),
                (SegmentType.Duration, SegmentType.Timestamp, ArithmeticOp.Add) => CelTicks.AddDuration((long)right, (long)left),
                (SegmentType.Timestamp, SegmentType.Duration, ArithmeticOp.Subtract) => CelTicks.SubtractDuration((long)left, (long)right),
                (SegmentType.Timestamp, SegmentType.Timestamp, ArithmeticOp.Subtract) => CelTicks.Between((long)left, (long)right),
                (SegmentType.Duration, SegmentType.Duration, ArithmeticOp.Add) => CelTicks.AddDurations((long)left, (long)right),
                (SegmentType.Duration, SegmentType.Duration, ArithmeticOp.Subtract) => CelTicks.SubtractDurations((long)left, (long)right),
                _ => throw new InvalidOperationException($"No arithmetic {a.Op} for {a.Left.Type} and {a.Right.Type}."),
            };
        }

        private bool Compare(CompareExpr c)
        {
            var left = Eval(c.Left);
            var right = Eval(c.Right);
            return (left, right) switch
            {
                (long l, double r) => CelNumericComparison.IntDouble(l, c.Op, r),
                (double l, long r) => CelNumericComparison.DoubleInt(l, c.Op, r),
                (double l, double r) => CompareDoubles(l, c.Op, r),
                (long l, long r) => c.Op.Holds(l.CompareTo(r)),
                (string l, string r) => c.Op.Holds(SegmentRuntime.CompareStrings(l, r)),
                (bool l, bool r) => c.Op.Holds(l.CompareTo(r)),
                _ => throw new InvalidOperationException($"No comparison of {left.GetType().Name} and {right.GetType().Name}."),
            };
        }

        private static bool CompareDoubles(double l, Comparison op, double r) => op switch
        {
            Comparison.Equal => l == r,
            Comparison.NotEqual => l != r,
            Comparison.Less => l < r,
            Comparison.LessOrEqual => l <= r,
            Comparison.Greater => l > r,
            _ => l >= r,
        };

        private bool Logical(SegmentExpr left, SegmentExpr right, bool decisive)
        {
            CelRuntimeError? leftError = null;
            try
            {
                if ((bool)Eval(left) == decisive)
                {
                    return decisive;
                }
            }
            catch (CelRuntimeError error)
            {
                leftError = error;
            }

            if ((bool)Eval(right) == decisive)
            {
                return decisive;
            }

            return leftError is null ? !decisive : throw leftError;
        }

        private bool Quantify(QuantifierExpr q)
        {
            if (q.Kind == Quantifier.ExistsOne)
            {
                return Count(new CountExpr(q.Source, q.Variable, q.Predicate)) == 1;
            }

            var decisive = q.Kind == Quantifier.Exists;
            CelRuntimeError? firstError = null;
            foreach (var element in Elements(q.Source))
            {
                CountIteration();
                _variables[q.Variable.Slot] = element;
                try
                {
                    if ((bool)Eval(q.Predicate) == decisive)
                    {
                        return decisive;
                    }
                }
                catch (CelRuntimeError error)
                {
                    firstError ??= error;
                }
            }

            return firstError is null ? !decisive : throw firstError;
        }

        private long Count(CountExpr c)
        {
            long count = 0;
            foreach (var element in Elements(c.Source))
            {
                CountIteration();
                _variables[c.Variable.Slot] = element;
                if ((bool)Eval(c.Predicate))
                {
                    count++;
                }
            }

            return count;
        }

        private object Size(SizeExpr s) => s.Operand is CollectionExpr c
            ? (long)Elements(c).Count()
            : SegmentRuntime.CodePoints((string)Eval(s.Operand));

        private bool In(InExpr i)
        {
            var element = (string)Eval(i.Element);
            return Elements(i.Source).Any(e => (string)e == element);
        }

        private IEnumerable<object> Elements(CollectionExpr c)
        {
            switch (c.Collection)
            {
                case Collection.Purchases:
                    return Range(table.Purchases.Starts[row], table.Purchases.Counts[row]);
                case Collection.Interactions:
                    return Range(table.Interactions.Starts[row], table.Interactions.Counts[row]);
                case Collection.Tags:
                    return table.Tags.Of(row);
                case Collection.Records:
                    var records = table.Custom.Lists[c.List!.Index];
                    return Range(records.Starts[row], records.Counts[row]);
                case Collection.LinkedTypes:
                    return table.IdentifierTypes
                        .Where((_, bit) => (table.Columns.LinkedTypes[row] & (1 << bit)) != 0)
                        .Select(t => (object)t.Name);
                default:
                    var purchase = (int)_variables[c.Owner!.Slot];
                    var p = table.Purchases;
                    return Enumerable.Range(p.CategoryStart[purchase], p.CategoryCount[purchase])
                        .Select(k => (object)table.Categories[p.CategoryIds[k]]);
            }
        }

        private static IEnumerable<object> Range(int start, int count) => Enumerable.Range(start, count).Select(i => (object)i);
    }
}
