namespace LineCrm.Segmentation.Segments;

/// <summary>
/// The static cost estimate of a segment, as cel-go's checker makes one: the most comprehension iterations the
/// expression can run for one person, as a function of the longest lists a person has (purchases, interactions,
/// a purchase's categories, custom lists). <c>purchases.exists(p, interactions.exists(i, ...))</c> costs
/// <c>P * (1 + I)</c>; nested loops multiply, which is how four nested <c>exists</c> over 300 purchases reach
/// eight billion. Given a table's longest lists, the estimate says whether its worst member fits
/// <see cref="Expressions.CelLimits.MaxComprehensionIterations"/>: then compiled code runs without counting;
/// otherwise it runs with a per-person cap.
/// </summary>
internal static class SegmentCost
{
    /// <summary>Iterations of one person's evaluation when their lists are as long as <paramref name="sizes"/> say.</summary>
    public static double WorstCaseIterations(SegmentExpr expr, CollectionSizes sizes) => expr switch
    {
        QuantifierExpr q => Loop(q.Source, q.Predicate, sizes),
        CountExpr c => Loop(c.Source, c.Predicate, sizes),
        NotExpr n => WorstCaseIterations(n.Operand, sizes),
        NegateExpr n => WorstCaseIterations(n.Operand, sizes),
        ArithmeticExpr a => WorstCaseIterations(a.Left, sizes) + WorstCaseIterations(a.Right, sizes),
        CompareExpr c => WorstCaseIterations(c.Left, sizes) + WorstCaseIterations(c.Right, sizes),
        AndExpr a => WorstCaseIterations(a.Left, sizes) + WorstCaseIterations(a.Right, sizes),
        OrExpr o => WorstCaseIterations(o.Left, sizes) + WorstCaseIterations(o.Right, sizes),
        ConditionalExpr c => WorstCaseIterations(c.Condition, sizes)
            + Math.Max(WorstCaseIterations(c.WhenTrue, sizes), WorstCaseIterations(c.WhenFalse, sizes)),
        StringTestExpr t => WorstCaseIterations(t.Target, sizes) + WorstCaseIterations(t.Argument, sizes),
        SizeExpr s => WorstCaseIterations(s.Operand, sizes),
        InExpr i => WorstCaseIterations(i.Element, sizes),
        DaysExpr d => WorstCaseIterations(d.Days, sizes),
        ConvertExpr c => WorstCaseIterations(c.Operand, sizes),
        TimestampPartExpr p => WorstCaseIterations(p.Timestamp, sizes),
        _ => 0,
    };

    /// <summary>Whether the expression has a comprehension at all (else no table can make it expensive).</summary>
    public static bool HasLoops(SegmentExpr expr) => WorstCaseIterations(expr, new CollectionSizes(1, 1, 1, 1)) > 0;

    private static double Loop(CollectionExpr source, SegmentExpr predicate, CollectionSizes sizes)
    {
        double length = source.Collection switch
        {
            Collection.Purchases => sizes.Purchases,
            Collection.Interactions => sizes.Interactions,
            Collection.Records => sizes.Records,
            _ => sizes.Categories,
        };
        return length * (1 + WorstCaseIterations(predicate, sizes));
    }
}

/// <summary>The longest lists any person of a table has: the variables of <see cref="SegmentCost"/>'s estimate.</summary>
/// <param name="Purchases">The most purchases of one person.</param>
/// <param name="Interactions">The most interactions of one person.</param>
/// <param name="Categories">The most categories of one purchase.</param>
/// <param name="Records">The most records of one person in any custom list.</param>
internal readonly record struct CollectionSizes(long Purchases, long Interactions, long Categories, long Records = 0);
