namespace LineCrm.Segmentation.Segments;

/// <summary>Facts about segment expressions that the compiler and the planner use.</summary>
internal static class SegmentAnalysis
{
    /// <summary>Whether the value is the same for every person (constants, <c>now</c> and operations on them).</summary>
    public static bool IsMemberIndependent(SegmentExpr expr) => expr switch
    {
        ConstantExpr or NowExpr => true,
        NotExpr n => IsMemberIndependent(n.Operand),
        NegateExpr n => IsMemberIndependent(n.Operand),
        ArithmeticExpr a => IsMemberIndependent(a.Left) && IsMemberIndependent(a.Right),
        CompareExpr c => IsMemberIndependent(c.Left) && IsMemberIndependent(c.Right),
        AndExpr a => IsMemberIndependent(a.Left) && IsMemberIndependent(a.Right),
        OrExpr o => IsMemberIndependent(o.Left) && IsMemberIndependent(o.Right),
        ConditionalExpr c => IsMemberIndependent(c.Condition) && IsMemberIndependent(c.WhenTrue) && IsMemberIndependent(c.WhenFalse),
        StringTestExpr t => IsMemberIndependent(t.Target) && IsMemberIndependent(t.Argument),
        SizeExpr s => s.Operand is not CollectionExpr && IsMemberIndependent(s.Operand),
        DaysExpr d => IsMemberIndependent(d.Days),
        ConvertExpr c => IsMemberIndependent(c.Operand),
        TimestampPartExpr p => IsMemberIndependent(p.Timestamp),
        FunctionCallExpr f => f.Args.All(IsMemberIndependent),

        // A let variable may hold a member's value; a let is left to the code of its body.
        _ => false,
    };

    /// <summary>The conjuncts of a chain of <c>&amp;&amp;</c>, left to right.</summary>
    public static List<SegmentExpr> Conjuncts(SegmentExpr expr)
    {
        var result = new List<SegmentExpr>();
        Collect(expr, result);
        return result;

        static void Collect(SegmentExpr e, List<SegmentExpr> into)
        {
            if (e is AndExpr a)
            {
                Collect(a.Left, into);
                Collect(a.Right, into);
            }
            else
            {
                into.Add(e);
            }
        }
    }
}
