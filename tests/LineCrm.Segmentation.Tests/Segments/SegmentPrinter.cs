using System.Globalization;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>Writes a generated segment tree as CEL text, fully parenthesised, so it can go through the real front end.</summary>
internal static class SegmentPrinter
{
    public static string Print(SegmentExpr expr) => expr switch
    {
        ConstantExpr c => Constant(c),
        NowExpr => "now",
        MemberFieldExpr f => f.Field switch
        {
            MemberField.Blocked => "blocked",
            MemberField.FriendAddedAt => "friendAddedAt",
            MemberField.LastClickAt => "lastClickAt",
            MemberField.TotalSpend => "totalSpend",
            MemberField.FirstPurchaseAt => "firstPurchaseAt",
            MemberField.LinkedAt => "linkedAt",
            _ => "lastPurchaseAt",
        },
        CollectionExpr c => c.Collection switch
        {
            Collection.Purchases => "purchases",
            Collection.Interactions => "interactions",
            Collection.Tags => "tags",
            Collection.LinkedTypes => "linked",
            _ => $"{c.Owner!.Name}.categories",
        },
        VariableExpr v => v.Name,
        ElementFieldExpr e => $"{e.Variable.Name}.{Field(e.Field)}",
        AttributeExpr a => $"attributes[{Quote(a.Key)}]",
        HasAttributeExpr h => $"({Quote(h.Key)} in attributes)",
        NotExpr n => $"!({Print(n.Operand)})",
        NegateExpr n => $"-({Print(n.Operand)})",
        ArithmeticExpr a => $"({Print(a.Left)} {Arithmetic(a.Op)} {Print(a.Right)})",
        CompareExpr c => $"({Print(c.Left)} {c.Op.Symbol()} {Print(c.Right)})",
        AndExpr a => $"({Print(a.Left)} && {Print(a.Right)})",
        OrExpr o => $"({Print(o.Left)} || {Print(o.Right)})",
        ConditionalExpr c => $"({Print(c.Condition)} ? {Print(c.WhenTrue)} : {Print(c.WhenFalse)})",
        QuantifierExpr q => $"{Print(q.Source)}.{Quantifier(q.Kind)}({q.Variable.Name}, {Print(q.Predicate)})",
        CountExpr c => $"{Print(c.Source)}.filter({c.Variable.Name}, {Print(c.Predicate)}).size()",
        SizeExpr s => $"size({Print(s.Operand)})",
        InExpr i => $"({Print(i.Element)} in {Print(i.Source)})",
        StringTestExpr t => $"{Print(t.Target)}.{Test(t.Test)}({Print(t.Argument)})",
        DaysExpr d => $"days({Print(d.Days)})",
        ConvertExpr c => c.Type == SegmentType.Double ? $"double({Print(c.Operand)})" : $"int({Print(c.Operand)})",
        TimestampPartExpr p => $"{Print(p.Timestamp)}.{Part(p.Part)}({(p.TimeZone is null ? string.Empty : Quote(p.TimeZone.Id))})",
        FunctionCallExpr { Function.IsReceiver: true } f => $"({Print(f.Args[0])}).{f.Function.Name}({string.Join(", ", f.Args.Skip(1).Select(Print))})",
        FunctionCallExpr f => $"{f.Function.Name}({string.Join(", ", f.Args.Select(Print))})",
        LetExpr l => $"cel.bind({l.Variable.Name}, {Print(l.Value)}, {Print(l.Body)})",
        LetVariableExpr v => v.Name,
        _ => throw new ArgumentException(expr.GetType().Name),
    };

    private static string Constant(ConstantExpr c) => c.Type == SegmentType.Timestamp
        ? $"timestamp({Quote(new DateTime((long)c.Value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))})"
        : c.Value switch
        {
            bool b => b ? "true" : "false",
            long.MinValue => "(-9223372036854775807 - 1)",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d when double.IsNaN(d) => "(0.0 / 0.0)",
            double d when double.IsPositiveInfinity(d) => "(1.0 / 0.0)",
            double d when double.IsNegativeInfinity(d) => "(-1.0 / 0.0)",
            double d => d.ToString("0.0###############E+0", CultureInfo.InvariantCulture),
            string s => Quote(s),
            _ => throw new ArgumentException($"No CEL literal for {c}"),
        };

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Field(ElementField field) => field switch
    {
        ElementField.PurchaseAt or ElementField.InteractionAt => "at",
        ElementField.PurchaseAmount => "amount",
        ElementField.PurchaseCurrency => "currency",
        ElementField.PurchaseChannel => "channel",
        ElementField.PurchaseStore => "store",
        ElementField.PurchaseCampaign => "campaign",
        ElementField.InteractionKind => "kind",
        ElementField.InteractionCampaign => "campaign",
        _ => "target",
    };

    private static string Arithmetic(ArithmeticOp op) => op switch
    {
        ArithmeticOp.Add => "+",
        ArithmeticOp.Subtract => "-",
        ArithmeticOp.Multiply => "*",
        ArithmeticOp.Divide => "/",
        _ => "%",
    };

    private static string Quantifier(Quantifier q) => q switch
    {
        Segmentation.Segments.Quantifier.All => "all",
        Segmentation.Segments.Quantifier.Exists => "exists",
        _ => "exists_one",
    };

    private static string Test(StringTest t) => t switch
    {
        StringTest.Contains => "contains",
        StringTest.StartsWith => "startsWith",
        _ => "endsWith",
    };

    private static string Part(TimestampPart p) => p switch
    {
        TimestampPart.FullYear => "getFullYear",
        TimestampPart.Month => "getMonth",
        TimestampPart.Date => "getDate",
        TimestampPart.DayOfMonth => "getDayOfMonth",
        TimestampPart.DayOfWeek => "getDayOfWeek",
        TimestampPart.DayOfYear => "getDayOfYear",
        _ => "getHours",
    };
}
