using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments.Runtime;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// A conjunct of a segment that is one test of one column against a value that is the same for everybody
/// (<c>!blocked</c>, <c>lastClickAt &gt; now - days(365)</c>, <c>"vip" in tags</c>, <c>purchases.size() &gt;= 2</c>, and
/// the same over declared facts: <c>loyaltyPoints &gt;= 500</c>, <c>size(pageViews) &gt; 3</c>):
/// evaluated for 64 persons at a time by the SIMD column kernels instead of person by person. Such tests never
/// raise errors, which is what lets them run first: <c>false &amp;&amp; error</c> is false in CEL, in either order.
/// </summary>
internal abstract class ColumnTest
{
    /// <summary>Narrows <paramref name="candidates"/> in words <c>[from, to)</c> to the persons passing the test.</summary>
    public abstract void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to);

    /// <summary>The column test for a conjunct, or null when it needs the person-by-person code.</summary>
    public static ColumnTest? For(SegmentExpr conjunct, SegmentSlots slots)
    {
        switch (conjunct)
        {
            case MemberFieldExpr { Field: MemberField.Blocked }:
                return new BitTest(f => f.Blocked, negate: false);
            case NotExpr { Operand: MemberFieldExpr { Field: MemberField.Blocked } }:
                return new BitTest(f => f.Blocked, negate: true);
            case InExpr { Element: ConstantExpr { Value: string tag }, Source.Collection: Collection.Tags }:
                var tagSlot = slots.Tag(tag);
                return new BitTest(f => f.Tags[tagSlot], negate: false);
            case NotExpr { Operand: InExpr { Element: ConstantExpr { Value: string tag }, Source.Collection: Collection.Tags } }:
                var notTagSlot = slots.Tag(tag);
                return new BitTest(f => f.Tags[notTagSlot], negate: true);
            case InExpr { Element: ConstantExpr { Value: string type }, Source.Collection: Collection.LinkedTypes }:
                var typeSlot = slots.IdentifierType(type);
                return new LinkedTypeTest(typeSlot);
            case HasAttributeExpr has:
                var keySlot = slots.AttributeKey(has.Key);
                return new IntTest(f => f.Attributes[keySlot], Comparison.NotEqual, _ => 0);
            case NotExpr { Operand: HasAttributeExpr hasNot }:
                var notKeySlot = slots.AttributeKey(hasNot.Key);
                return new IntTest(f => f.Attributes[notKeySlot], Comparison.Equal, _ => 0);
            case CompareExpr compare:
                return ForComparison(compare, slots);
            default:
                return null;
        }
    }

    private static ColumnTest? ForComparison(CompareExpr compare, SegmentSlots slots)
    {
        var (column, value, op) = SegmentAnalysis.IsMemberIndependent(compare.Right) ? (compare.Left, compare.Right, compare.Op)
            : SegmentAnalysis.IsMemberIndependent(compare.Left) ? (compare.Right, compare.Left, compare.Op.Swapped())
            : (null, null, compare.Op);
        if (column is null || value is null)
        {
            return null;
        }

        switch (column)
        {
            case MemberFieldExpr { Type: SegmentType.Timestamp } time when value.Type == SegmentType.Timestamp:
                var timeSlot = slots.Invariant(value);
                Func<EvaluationFrame, long[]> times = time.Field switch
                {
                    MemberField.FriendAddedAt => f => f.FriendAddedAt,
                    MemberField.LastClickAt => f => f.LastClickAt,
                    MemberField.FirstPurchaseAt => f => f.FirstPurchaseAt,
                    MemberField.LinkedAt => f => f.LinkedAt,
                    _ => f => f.LastPurchaseAt,
                };
                return new LongTest(times, op, f => f.Longs[timeSlot]);
            case MemberFieldExpr { Field: MemberField.TotalSpend } when value.Type == SegmentType.Double:
                var spendSlot = slots.Invariant(value);
                return new DoubleTest(f => f.TotalSpend, op, f => f.Doubles[spendSlot]);
            case MemberFieldExpr { Field: MemberField.TotalSpend } when value is ConstantExpr { Value: long whole }:
                // CEL orders an int against a double as doubles (CelNumericComparison).
                return new DoubleTest(f => f.TotalSpend, op, _ => whole);
            case CustomFactExpr { Fact.Storage: FactStorage.Long } fact when value.Type == fact.Type:
                var longSlot = (Column: fact.Fact.Slot, Value: slots.Invariant(value));
                return new LongTest(f => f.CustomLongs[longSlot.Column], op, f => f.Longs[longSlot.Value]);
            case CustomFactExpr { Fact.Storage: FactStorage.Double } fact when value.Type == SegmentType.Double:
                var doubleSlot = (Column: fact.Fact.Slot, Value: slots.Invariant(value));
                return new DoubleTest(f => f.CustomDoubles[doubleSlot.Column], op, f => f.Doubles[doubleSlot.Value]);
            case CustomFactExpr { Fact.Storage: FactStorage.Double } fact when value is ConstantExpr { Value: long whole }:
                var doubleColumn = fact.Fact.Slot;
                return new DoubleTest(f => f.CustomDoubles[doubleColumn], op, _ => whole);
            case SizeExpr { Operand: CollectionExpr { Collection: Collection.Records } records } when value.Type == SegmentType.Int:
                var recordSlot = (List: records.List!.Index, Value: slots.Invariant(value));
                return new CountTest(f => f.RecordCounts[recordSlot.List], op, f => f.Longs[recordSlot.Value]);
            case SizeExpr { Operand: CollectionExpr { Collection: Collection.Purchases or Collection.Interactions } size } when value.Type == SegmentType.Int:
                var countSlot = slots.Invariant(value);
                Func<EvaluationFrame, int[]> counts = size.Collection == Collection.Purchases ? f => f.PurchaseCounts : f => f.InteractionCounts;
                return new CountTest(counts, op, f => f.Longs[countSlot]);
            default:
                return null;
        }
    }

    private sealed class BitTest(Func<EvaluationFrame, ulong[]> column, bool negate) : ColumnTest
    {
        public override void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to) =>
            ColumnKernels.AndBits(candidates, from, to, column(frame), negate);
    }

    private sealed class LinkedTypeTest(int slot) : ColumnTest
    {
        public override void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to) =>
            ColumnKernels.AndAnyBit(candidates, from, to, frame.LinkedTypes, frame.TypeMasks[slot]);
    }

    private sealed class LongTest(Func<EvaluationFrame, long[]> column, Comparison op, Func<EvaluationFrame, long> value) : ColumnTest
    {
        public override void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to) =>
            ColumnKernels.And(candidates, from, to, column(frame), op, value(frame));
    }

    private sealed class DoubleTest(Func<EvaluationFrame, double[]> column, Comparison op, Func<EvaluationFrame, double> value) : ColumnTest
    {
        public override void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to) =>
            ColumnKernels.And(candidates, from, to, column(frame), op, value(frame));
    }

    private sealed class IntTest(Func<EvaluationFrame, int[]> column, Comparison op, Func<EvaluationFrame, int> value) : ColumnTest
    {
        public override void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to) =>
            ColumnKernels.And(candidates, from, to, column(frame), op, value(frame));
    }

    // Counts are ints and the value an int64: a value beyond int decides the comparison for everybody.
    private sealed class CountTest(Func<EvaluationFrame, int[]> column, Comparison op, Func<EvaluationFrame, long> value) : ColumnTest
    {
        public override void Apply(EvaluationFrame frame, ulong[] candidates, int from, int to)
        {
            var v = value(frame);
            if (v is >= int.MinValue and <= int.MaxValue)
            {
                ColumnKernels.And(candidates, from, to, column(frame), op, (int)v);
                return;
            }

            // Every count is below a value above int.MaxValue (and above one below int.MinValue).
            if (!op.Holds(v > 0 ? -1 : 1))
            {
                Array.Clear(candidates, from, to - from);
            }
        }
    }
}
