using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>
/// Random well-typed segment expressions: every node kind the compiler handles, with constants chosen to hit
/// the error cases too (int overflow, division by zero, timestamps out of range, missing attributes), and the
/// strings and math extension functions and <c>cel.bind</c> that segments compile.
/// </summary>
internal static class RandomSegments
{
    private static readonly string[] Words = ["store", "web", "shibuya", "spring", "", "coffee", "vip", "gold", "x", " Gold\t", "渋谷 Café", "😀o"];
    private static readonly long[] Ints = [0, 1, 2, -1, 3, 365, long.MaxValue, long.MinValue];
    private static readonly double[] Doubles = [0.0, 1.5, -2.0, 10000.0, double.NaN, double.PositiveInfinity, 1e300];
    private static readonly long[] DayCounts = [0, 1, 30, 365, -7, 200_000];
    private static readonly TimeZoneInfo?[] Zones = [null, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")];

    private sealed record Scope(int NextSlot, VariableExpr? Purchase, VariableExpr? Interaction, VariableExpr? Category, ImmutableList<LetVariableExpr>? Lets = null)
    {
        public Scope With(LetVariableExpr v) => this with { NextSlot = NextSlot + 1, Lets = (Lets ?? []).Add(v) };

        /// <summary>The let variables of <paramref name="type"/> in scope, as leaves.</summary>
        public IEnumerable<Gen<SegmentExpr>> LetsOf(SegmentType type) =>
            (Lets ?? []).Where(l => l.Type == type).Select(l => Gen.Constant<SegmentExpr>(l));

        public Scope With(VariableExpr v) => v.Type switch
        {
            SegmentType.Purchase => this with { NextSlot = NextSlot + 1, Purchase = v },
            SegmentType.Interaction => this with { NextSlot = NextSlot + 1, Interaction = v },
            _ => this with { NextSlot = NextSlot + 1, Category = v },
        };
    }

    /// <summary>Any predicate, or (as often) a conjunction whose conjuncts have the shapes that run as column tests.</summary>
    public static Gen<SegmentExpr> Predicates() => Gen.Sized(size =>
    {
        var scope = new Scope(0, null, null, null);
        var any = Bool(Math.Min(size, 6), scope);
        var conjunction = Gen.ListOf(Gen.Frequency((3, ColumnShaped()), (1, Bool(Math.Min(size, 3), scope))), 4)
            .Where(list => list.Count > 0)
            .Select(list => list.Aggregate((l, r) => new AndExpr(l, r)));
        return Gen.OneOf(any, conjunction);
    });

    private static Gen<SegmentExpr> ColumnShaped()
    {
        var now = new NowExpr();
        var daysAgo = Gen.Choose(-1, 20).Select(n => n * 20).Select(n => (SegmentExpr)new ArithmeticExpr(
            ArithmeticOp.Subtract, now, new DaysExpr(new ConstantExpr(SegmentType.Int, (long)n)), SegmentType.Timestamp));
        var fieldTest =
            from op in Gen.Elements(Enum.GetValues<Comparison>())
            from field in Gen.Elements(MemberField.FriendAddedAt, MemberField.LastClickAt, MemberField.FirstPurchaseAt, MemberField.LastPurchaseAt, MemberField.LinkedAt)
            from value in Gen.OneOf(daysAgo, Gen.Constant<SegmentExpr>(now), Gen.Constant<SegmentExpr>(new ConstantExpr(SegmentType.Timestamp, System.DateTime.UnixEpoch.Ticks)))
            from flip in Gen.Elements(true, false)
            select (SegmentExpr)Flip(new CompareExpr(op, new MemberFieldExpr(field), value), flip);
        var spendTest =
            from value in Gen.OneOf(
                Gen.Choose(-1, 60).Select(v => (SegmentExpr)new ConstantExpr(SegmentType.Int, v * 500L)),
                Gen.Elements(0.0, 1000.5, double.NaN, 20000.0, 1500.0).Select(v => (SegmentExpr)new ConstantExpr(SegmentType.Double, v)))
            from op in Gen.Elements(value.Type == SegmentType.Double ? Enum.GetValues<Comparison>() : Relations)
            from flip in Gen.Elements(true, false)
            select (SegmentExpr)Flip(new CompareExpr(op, new MemberFieldExpr(MemberField.TotalSpend), value), flip);
        var countTest =
            from op in Gen.Elements(Enum.GetValues<Comparison>())
            from collection in Gen.Elements(Collection.Purchases, Collection.Interactions)
            from value in Gen.Elements(0L, 1L, 2L, 4L, long.MaxValue, long.MinValue)
            from flip in Gen.Elements(true, false)
            select (SegmentExpr)Flip(new CompareExpr(op, new SizeExpr(new CollectionExpr(collection, null)), new ConstantExpr(SegmentType.Int, value)), flip);
        var bits = Gen.OneOf(
            Gen.Constant<SegmentExpr>(new MemberFieldExpr(MemberField.Blocked)),
            Gen.Elements(RandomMembers.Tags).Select(t => (SegmentExpr)new InExpr(new ConstantExpr(SegmentType.String, t), new CollectionExpr(Collection.Tags, null))),
            Gen.Elements("line", "web", "store").Select(t => (SegmentExpr)new InExpr(new ConstantExpr(SegmentType.String, t), new CollectionExpr(Collection.LinkedTypes, null))),
            Gen.Elements("plan", "city").Select(k => (SegmentExpr)new HasAttributeExpr(k)));
        var maybeNegated = from b in bits from not in Gen.Elements(true, false) select not ? new NotExpr(b) : b;
        return Gen.OneOf(fieldTest, spendTest, countTest, maybeNegated);
    }

    private static CompareExpr Flip(CompareExpr c, bool flip) => flip ? new CompareExpr(c.Op.Swapped(), c.Right, c.Left) : c;

    private static Gen<SegmentExpr> Bool(int depth, Scope s)
    {
        var leaves = new List<Gen<SegmentExpr>>
        {
            Gen.Constant<SegmentExpr>(new MemberFieldExpr(MemberField.Blocked)),
            Gen.Elements(true, false).Select(b => (SegmentExpr)new ConstantExpr(SegmentType.Bool, b)),
            Gen.Elements(Words).Select(w => (SegmentExpr)new InExpr(new ConstantExpr(SegmentType.String, w), new CollectionExpr(Collection.Tags, null))),
            Gen.Elements("line", "web", "store", "email_sha256").Select(w => (SegmentExpr)new InExpr(new ConstantExpr(SegmentType.String, w), new CollectionExpr(Collection.LinkedTypes, null))),
            Gen.Elements("plan", "city").Select(k => (SegmentExpr)new HasAttributeExpr(k)),
        };
        if (depth <= 0)
        {
            return Gen.OneOf(leaves);
        }

        var d = depth - 1;
        var nodes = new List<Gen<SegmentExpr>>(leaves)
        {
            Bool(d, s).Select(x => (SegmentExpr)new NotExpr(x)),
            Bool(d, s).SelectMany(l => Bool(d, s), (l, r) => (SegmentExpr)new AndExpr(l, r)),
            Bool(d, s).SelectMany(l => Bool(d, s), (l, r) => (SegmentExpr)new OrExpr(l, r)),
            Bool(d, s).SelectMany(c => Bool(d, s), (c, t) => (c, t)).SelectMany(ct => Bool(d, s), (ct, f) => (SegmentExpr)new ConditionalExpr(ct.c, ct.t, f)),
            Compare(SegmentType.Int, SegmentType.Int, d, s),
            Compare(SegmentType.Double, SegmentType.Double, d, s),
            Compare(SegmentType.Int, SegmentType.Double, d, s),
            Compare(SegmentType.Double, SegmentType.Int, d, s),
            Compare(SegmentType.Timestamp, SegmentType.Timestamp, d, s),
            Compare(SegmentType.Duration, SegmentType.Duration, d, s),
            Compare(SegmentType.String, SegmentType.String, d, s),
            Compare(SegmentType.Bool, SegmentType.Bool, d, s),
            from test in Gen.Elements(StringTest.Contains, StringTest.StartsWith, StringTest.EndsWith)
            from target in String(d, s)
            from argument in String(d, s)
            select (SegmentExpr)new StringTestExpr(test, target, argument),
            from kind in Gen.Elements(Quantifier.All, Quantifier.Exists, Quantifier.ExistsOne)
            from c in Comprehension(d, s, Bool)
            select (SegmentExpr)new QuantifierExpr(kind, c.Source, c.Variable, c.Body),
            Lazy(() =>
                from name in Gen.Elements("math.isNaN", "math.isInf", "math.isFinite")
                from x in Double(d, s)
                select (SegmentExpr)Function(name, false, x)),
            Lazy(() => Let(d, s)),
        };
        if (s.Purchase is not null)
        {
            nodes.Add(Gen.Elements(Words).Select(w => (SegmentExpr)new InExpr(new ConstantExpr(SegmentType.String, w), new CollectionExpr(Collection.Categories, s.Purchase))));
        }

        return Gen.OneOf(nodes);
    }

    /// <summary><c>cel.bind(l, value, body)</c> with a value of a column type and a body that may use l.</summary>
    private static Gen<SegmentExpr> Let(int depth, Scope s) =>
        from type in Gen.Elements(SegmentType.Int, SegmentType.Double, SegmentType.String, SegmentType.Bool)
        from value in Of(type, depth, s)
        let variable = new LetVariableExpr(s.NextSlot, type, $"l{s.NextSlot}")
        from body in Bool(depth, s.With(variable))
        select (SegmentExpr)new LetExpr(variable, value, body);

    /// <summary>Builds the generator only when drawn from, so the recursion does not build every branch up front.</summary>
    private static Gen<SegmentExpr> Lazy(Func<Gen<SegmentExpr>> make) => Gen.Constant(0).SelectMany(_ => make());

    private static FunctionCallExpr Function(string name, bool receiver, params SegmentExpr[] args) =>
        new FunctionCallExpr(SegmentFunctions.Find(name, receiver, [.. args.Select(a => a.Type)]) ?? throw new ArgumentException($"No compiled {name}"), [.. args]);

    private static SegmentExpr Fold(string name, SegmentExpr[] values) =>
        values.Aggregate((l, r) => new FunctionCallExpr(SegmentFunctions.Extremum(name == "math.greatest", l.Type)!, [l, r]));

    // CEL's checker allows == and != only between values of one type; int and double meet in <, <=, >, >=.
    private static readonly Comparison[] Relations = [Comparison.Less, Comparison.LessOrEqual, Comparison.Greater, Comparison.GreaterOrEqual];

    private static Gen<SegmentExpr> Compare(SegmentType left, SegmentType right, int depth, Scope s) =>
        from op in Gen.Elements(left == right ? Enum.GetValues<Comparison>() : Relations)
        from l in Of(left, depth, s)
        from r in Of(right, depth, s)
        select (SegmentExpr)new CompareExpr(op, l, r);

    private static Gen<(CollectionExpr Source, VariableExpr Variable, SegmentExpr Body)> Comprehension(int depth, Scope s, Func<int, Scope, Gen<SegmentExpr>> body)
    {
        var sources = new List<Gen<CollectionExpr>>
        {
            Gen.Constant(new CollectionExpr(Collection.Purchases, null)),
            Gen.Constant(new CollectionExpr(Collection.Interactions, null)),
        };
        if (s.Purchase is not null)
        {
            sources.Add(Gen.Constant(new CollectionExpr(Collection.Categories, s.Purchase)));
        }

        return Gen.OneOf(sources).SelectMany(source =>
        {
            var variable = new VariableExpr(s.NextSlot, Collections.ElementOf(source.Collection), $"v{s.NextSlot}");
            return body(depth, s.With(variable)).Select(b => (source, variable, b));
        });
    }

    private static Gen<SegmentExpr> Of(SegmentType type, int depth, Scope s) => type switch
    {
        SegmentType.Bool => Gen.OneOf([Bool(depth, s), .. s.LetsOf(SegmentType.Bool)]),
        SegmentType.Int => Int(depth, s),
        SegmentType.Double => Double(depth, s),
        SegmentType.Timestamp => Timestamp(depth, s),
        SegmentType.Duration => Duration(depth, s),
        _ => String(depth, s),
    };

    private static Gen<SegmentExpr> Int(int depth, Scope s)
    {
        var leaves = new List<Gen<SegmentExpr>>
        {
            Gen.Elements(Ints).Select(i => (SegmentExpr)new ConstantExpr(SegmentType.Int, i)),
            Gen.Elements(Collection.Purchases, Collection.Interactions, Collection.Tags, Collection.LinkedTypes)
                .Select(c => (SegmentExpr)new SizeExpr(new CollectionExpr(c, null))),
        };
        if (s.Purchase is not null)
        {
            leaves.Add(Gen.Constant<SegmentExpr>(new SizeExpr(new CollectionExpr(Collection.Categories, s.Purchase))));
        }

        if (depth <= 0)
        {
            return Gen.OneOf(leaves);
        }

        var d = depth - 1;
        return Gen.OneOf(
        [
            .. leaves,
            from op in Gen.Elements(Enum.GetValues<ArithmeticOp>())
            from l in Int(d, s)
            from r in Int(d, s)
            select (SegmentExpr)new ArithmeticExpr(op, l, r, SegmentType.Int),
            Int(d, s).Select(x => (SegmentExpr)new NegateExpr(x)),
            Comprehension(d, s, Bool).Select(c => (SegmentExpr)new CountExpr(c.Source, c.Variable, c.Body)),
            from part in Gen.Elements(Enum.GetValues<TimestampPart>())
            from ts in Timestamp(d, s)
            from zone in Gen.Elements(Zones)
            select (SegmentExpr)new TimestampPartExpr(part, ts, zone),
            Double(d, s).Select(x => (SegmentExpr)new ConvertExpr(x, SegmentType.Int)),
            String(d, s).Select(x => (SegmentExpr)new SizeExpr(x)),
            .. s.LetsOf(SegmentType.Int),
            Lazy(() => Gen.OneOf(
            from name in Gen.Elements("indexOf", "lastIndexOf")
            from text in String(d, s)
            from part in String(d, s)
            from offset in Gen.OneOf(Gen.Constant<SegmentExpr?>(null), Gen.Elements(0L, 1L, 3L, -1L, 40L).Select(o => (SegmentExpr?)new ConstantExpr(SegmentType.Int, o)))
            select offset is null ? (SegmentExpr)Function(name, true, text, part) : Function(name, true, text, part, offset),
            from name in Gen.Elements("math.abs", "math.sign", "math.bitNot")
            from x in Int(d, s)
            select (SegmentExpr)Function(name, false, x),
            from name in Gen.Elements("math.bitAnd", "math.bitOr", "math.bitXor", "math.bitShiftLeft", "math.bitShiftRight")
            from l in Int(d, s)
            from r in Gen.OneOf(Int(d, s), Gen.Elements(0L, 1L, 3L, 63L, 64L, -1L).Select(n => (SegmentExpr)new ConstantExpr(SegmentType.Int, n)))
            select (SegmentExpr)Function(name, false, l, r),
            from name in Gen.Elements("math.greatest", "math.least")
            from count in Gen.Choose(2, 4)
            from values in Gen.ArrayOf(Int(d, s), count)
            select Fold(name, values))),
        ]);
    }

    private static Gen<SegmentExpr> Double(int depth, Scope s)
    {
        var leaves = new List<Gen<SegmentExpr>>
        {
            Gen.Elements(Doubles).Select(x => (SegmentExpr)new ConstantExpr(SegmentType.Double, x)),
            Gen.Constant<SegmentExpr>(new MemberFieldExpr(MemberField.TotalSpend)),
        };
        if (s.Purchase is not null)
        {
            leaves.Add(Gen.Constant<SegmentExpr>(new ElementFieldExpr(s.Purchase, ElementField.PurchaseAmount)));
        }

        if (depth <= 0)
        {
            return Gen.OneOf(leaves);
        }

        var d = depth - 1;
        return Gen.OneOf(
        [
            .. leaves,
            from op in Gen.Elements(ArithmeticOp.Add, ArithmeticOp.Subtract, ArithmeticOp.Multiply, ArithmeticOp.Divide)
            from l in Double(d, s)
            from r in Double(d, s)
            select (SegmentExpr)new ArithmeticExpr(op, l, r, SegmentType.Double),
            Double(d, s).Select(x => (SegmentExpr)new NegateExpr(x)),
            Int(d, s).Select(x => (SegmentExpr)new ConvertExpr(x, SegmentType.Double)),
            .. s.LetsOf(SegmentType.Double),
            Lazy(() => Gen.OneOf(
            from name in Gen.Elements("math.ceil", "math.floor", "math.round", "math.trunc", "math.abs", "math.sign", "math.sqrt")
            from x in Double(d, s)
            select (SegmentExpr)Function(name, false, x),
            Int(d, s).Select(x => (SegmentExpr)Function("math.sqrt", false, x)),
            from name in Gen.Elements("math.greatest", "math.least")
            from count in Gen.Choose(2, 4)
            from values in Gen.ArrayOf(Double(d, s), count)
            select Fold(name, values))),
        ]);
    }

    private static Gen<SegmentExpr> Timestamp(int depth, Scope s)
    {
        var leaves = new List<Gen<SegmentExpr>>
        {
            Gen.Constant<SegmentExpr>(new NowExpr()),
            Gen.Elements(MemberField.FriendAddedAt, MemberField.LastClickAt, MemberField.FirstPurchaseAt, MemberField.LastPurchaseAt, MemberField.LinkedAt)
                .Select(f => (SegmentExpr)new MemberFieldExpr(f)),
            Gen.Elements(0L, RandomMembers.Epoch.UtcTicks, CelTicks.MaxTimestamp).Select(t => (SegmentExpr)new ConstantExpr(SegmentType.Timestamp, t)),
        };
        if (s.Purchase is not null)
        {
            leaves.Add(Gen.Constant<SegmentExpr>(new ElementFieldExpr(s.Purchase, ElementField.PurchaseAt)));
        }

        if (s.Interaction is not null)
        {
            leaves.Add(Gen.Constant<SegmentExpr>(new ElementFieldExpr(s.Interaction, ElementField.InteractionAt)));
        }

        if (depth <= 0)
        {
            return Gen.OneOf(leaves);
        }

        var d = depth - 1;
        return Gen.OneOf(
        [
            .. leaves,
            from op in Gen.Elements(ArithmeticOp.Add, ArithmeticOp.Subtract)
            from l in Timestamp(d, s)
            from r in Duration(d, s)
            select (SegmentExpr)new ArithmeticExpr(op, l, r, SegmentType.Timestamp),
        ]);
    }

    private static Gen<SegmentExpr> Duration(int depth, Scope s)
    {
        var days = Gen.Elements(DayCounts).Select(n => (SegmentExpr)new DaysExpr(new ConstantExpr(SegmentType.Int, n)));
        if (depth <= 0)
        {
            return days;
        }

        var d = depth - 1;
        return Gen.OneOf(
            days,
            Int(d, s).Select(n => (SegmentExpr)new DaysExpr(n)),
            Timestamp(d, s).SelectMany(l => Timestamp(d, s), (l, r) => (SegmentExpr)new ArithmeticExpr(ArithmeticOp.Subtract, l, r, SegmentType.Duration)),
            from op in Gen.Elements(ArithmeticOp.Add, ArithmeticOp.Subtract)
            from l in Duration(d, s)
            from r in Duration(d, s)
            select (SegmentExpr)new ArithmeticExpr(op, l, r, SegmentType.Duration));
    }

    private static Gen<SegmentExpr> String(int depth, Scope s)
    {
        var leaves = new List<Gen<SegmentExpr>>
        {
            Gen.Elements(Words).Select(w => (SegmentExpr)new ConstantExpr(SegmentType.String, w)),
            Gen.Elements("plan", "city").Select(k => (SegmentExpr)new AttributeExpr(k)),
        };
        if (s.Purchase is not null)
        {
            leaves.Add(Gen.Elements(ElementField.PurchaseChannel, ElementField.PurchaseStore, ElementField.PurchaseCurrency, ElementField.PurchaseCampaign)
                .Select(f => (SegmentExpr)new ElementFieldExpr(s.Purchase, f)));
        }

        if (s.Interaction is not null)
        {
            leaves.Add(Gen.Elements(ElementField.InteractionKind, ElementField.InteractionCampaign, ElementField.InteractionTarget)
                .Select(f => (SegmentExpr)new ElementFieldExpr(s.Interaction, f)));
        }

        if (s.Category is not null)
        {
            leaves.Add(Gen.Constant<SegmentExpr>(s.Category));
        }

        if (depth <= 0)
        {
            return Gen.OneOf(leaves);
        }

        return Gen.OneOf(
        [
            .. leaves,
            Bool(depth - 1, s).SelectMany(c => String(depth - 1, s), (c, t) => (c, t))
                .SelectMany(ct => String(depth - 1, s), (ct, f) => (SegmentExpr)new ConditionalExpr(ct.c, ct.t, f)),
            .. s.LetsOf(SegmentType.String),
            Lazy(() => Gen.OneOf(
            from name in Gen.Elements("lowerAscii", "upperAscii", "trim", "reverse")
            from x in String(depth - 1, s)
            select (SegmentExpr)Function(name, true, x),
            String(depth - 1, s).Select(x => (SegmentExpr)Function("strings.quote", false, x)),
            from x in String(depth - 1, s)
            from old in String(depth - 1, s)
            from replacement in String(depth - 1, s)
            from count in Gen.OneOf(Gen.Constant<long?>(null), Gen.Elements<long?>(-1, 0, 1, 2))
            select count is { } n ? (SegmentExpr)Function("replace", true, x, old, replacement, new ConstantExpr(SegmentType.Int, n)) : Function("replace", true, x, old, replacement),
            from name in Gen.Elements("charAt", "substring")
            from x in String(depth - 1, s)
            from i in Gen.OneOf(Int(depth - 1, s), Gen.Elements(0L, 1L, 2L, 5L).Select(n => (SegmentExpr)new ConstantExpr(SegmentType.Int, n)))
            select (SegmentExpr)Function(name, true, x, i),
            from x in String(depth - 1, s)
            from start in Gen.Elements(0L, 1L, 3L)
            from end in Gen.Elements(0L, 2L, 4L, 9L)
            select (SegmentExpr)Function("substring", true, x, new ConstantExpr(SegmentType.Int, start), new ConstantExpr(SegmentType.Int, end)))),
        ]);
    }
}
