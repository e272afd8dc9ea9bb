using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

// The typed tree a segment is compiled from: a CEL expression over the member table after checking, with every
// name resolved to a column, every operator to one typed operation, and macros to quantifiers and counts. Both
// evaluators read it: the plain interpreter (the reference, and the path without dynamic code) and the compiler.
// Values: Bool = bool, Int = long, Double = double, String = string, Timestamp and Duration = long 100 ns ticks
// (timestamps since 0001-01-01T00:00:00Z), Purchase, Interaction and Record = an index into the flat element columns.

/// <summary>The static type of a segment expression node.</summary>
internal enum SegmentType
{
    Bool,
    Int,
    Double,
    String,
    Timestamp,
    Duration,

    /// <summary>One purchase (a comprehension variable).</summary>
    Purchase,

    /// <summary>One interaction (a comprehension variable).</summary>
    Interaction,

    /// <summary>A list of purchases.</summary>
    PurchaseList,

    /// <summary>A list of interactions.</summary>
    InteractionList,

    /// <summary>A list of strings (tags, linked identifier types, a purchase's categories).</summary>
    StringList,

    /// <summary>One record of a custom list fact (a comprehension variable).</summary>
    Record,

    /// <summary>A custom list fact.</summary>
    RecordList,
}

/// <summary>A node of a segment expression.</summary>
internal abstract record SegmentExpr(SegmentType Type);

/// <summary>A constant: bool, long, double, string, or long ticks for timestamps and durations.</summary>
internal sealed record ConstantExpr(SegmentType Type, object Value) : SegmentExpr(Type);

/// <summary>The evaluation's <c>now</c>.</summary>
internal sealed record NowExpr() : SegmentExpr(SegmentType.Timestamp);

/// <summary>A one-value-per-person column.</summary>
internal sealed record MemberFieldExpr(MemberField Field) : SegmentExpr(MemberFields.TypeOf(Field));

/// <summary>
/// A list belonging to the person (purchases, interactions, tags, linked types, a custom list fact: then
/// <paramref name="List"/> says which) or to a purchase (categories).
/// </summary>
internal sealed record CollectionExpr(Collection Collection, VariableExpr? Owner, CustomList? List = null) : SegmentExpr(Collections.TypeOf(Collection));

/// <summary>A custom scalar fact of the person (<see cref="FactSchema.WithScalar"/>).</summary>
internal sealed record CustomFactExpr(CustomScalar Fact) : SegmentExpr(MemberFields.TypeOf(Fact.Declaration.Type));

/// <summary>A field of a record variable of a custom list fact.</summary>
internal sealed record RecordFieldExpr(VariableExpr Variable, CustomList List, CustomField Field) : SegmentExpr(MemberFields.TypeOf(Field.Field.Type));

/// <summary>A comprehension variable; <see cref="Slot"/> is unique within the expression.</summary>
internal sealed record VariableExpr(int Slot, SegmentType Type, string Name) : SegmentExpr(Type);

/// <summary>A field of a purchase or an interaction variable.</summary>
internal sealed record ElementFieldExpr(VariableExpr Variable, ElementField Field) : SegmentExpr(MemberFields.TypeOf(Field));

/// <summary><c>attributes[key]</c>: the value, or a <c>no_such_key</c> error when the person has none.</summary>
internal sealed record AttributeExpr(string Key) : SegmentExpr(SegmentType.String);

/// <summary><c>key in attributes</c>.</summary>
internal sealed record HasAttributeExpr(string Key) : SegmentExpr(SegmentType.Bool);

/// <summary><c>!operand</c>.</summary>
internal sealed record NotExpr(SegmentExpr Operand) : SegmentExpr(SegmentType.Bool);

/// <summary><c>-operand</c> for int, double and duration.</summary>
internal sealed record NegateExpr(SegmentExpr Operand) : SegmentExpr(Operand.Type);

/// <summary>Arithmetic on int, double, timestamp and duration operands, typed as CEL's overloads are.</summary>
internal sealed record ArithmeticExpr(ArithmeticOp Op, SegmentExpr Left, SegmentExpr Right, SegmentType Type) : SegmentExpr(Type);

/// <summary>A comparison of two values of one type, or of an int and a double.</summary>
internal sealed record CompareExpr(Comparison Op, SegmentExpr Left, SegmentExpr Right) : SegmentExpr(SegmentType.Bool);

/// <summary><c>left &amp;&amp; right</c>, commutative for errors.</summary>
internal sealed record AndExpr(SegmentExpr Left, SegmentExpr Right) : SegmentExpr(SegmentType.Bool);

/// <summary><c>left || right</c>, commutative for errors.</summary>
internal sealed record OrExpr(SegmentExpr Left, SegmentExpr Right) : SegmentExpr(SegmentType.Bool);

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record ConditionalExpr(SegmentExpr Condition, SegmentExpr WhenTrue, SegmentExpr WhenFalse) : SegmentExpr(WhenTrue.Type);

/// <summary><c>source.all(v, p)</c>, <c>exists</c> or <c>exists_one</c>.</summary>
internal sealed record QuantifierExpr(Quantifier Kind, CollectionExpr Source, VariableExpr Variable, SegmentExpr Predicate) : SegmentExpr(SegmentType.Bool);

/// <summary><c>source.filter(v, p).size()</c>: how many elements satisfy the predicate.</summary>
internal sealed record CountExpr(CollectionExpr Source, VariableExpr Variable, SegmentExpr Predicate) : SegmentExpr(SegmentType.Int);

/// <summary><c>size(x)</c> of a collection or a string (in code points).</summary>
internal sealed record SizeExpr(SegmentExpr Operand) : SegmentExpr(SegmentType.Int);

/// <summary><c>element in source</c> for a string element and a string list.</summary>
internal sealed record InExpr(SegmentExpr Element, CollectionExpr Source) : SegmentExpr(SegmentType.Bool);

/// <summary><c>target.contains(argument)</c>, <c>startsWith</c>, <c>endsWith</c>.</summary>
internal sealed record StringTestExpr(StringTest Test, SegmentExpr Target, SegmentExpr Argument) : SegmentExpr(SegmentType.Bool);

/// <summary><c>days(n)</c>: a duration of n days.</summary>
internal sealed record DaysExpr(SegmentExpr Days) : SegmentExpr(SegmentType.Duration);

/// <summary><c>double(int)</c> and <c>int(double)</c>.</summary>
internal sealed record ConvertExpr(SegmentExpr Operand, SegmentType Type) : SegmentExpr(Type);

/// <summary><c>timestamp.getFullYear(tz)</c> and friends, in UTC or an IANA time zone.</summary>
internal sealed record TimestampPartExpr(TimestampPart Part, SegmentExpr Timestamp, TimeZoneInfo? TimeZone) : SegmentExpr(SegmentType.Int);

/// <summary>A call of an extension library function (<see cref="SegmentFunctions"/>).</summary>
internal sealed record FunctionCallExpr(SegmentFunction Function, System.Collections.Immutable.ImmutableArray<SegmentExpr> Args) : SegmentExpr(Function.Result);

/// <summary><c>cel.bind(name, value, body)</c>: <paramref name="Body"/> with <paramref name="Variable"/> bound to the value, computed once.</summary>
internal sealed record LetExpr(LetVariableExpr Variable, SegmentExpr Value, SegmentExpr Body) : SegmentExpr(Body.Type);

/// <summary>A name bound by <see cref="LetExpr"/>; <see cref="Slot"/> is unique within the expression.</summary>
internal sealed record LetVariableExpr(int Slot, SegmentType Type, string Name) : SegmentExpr(Type);

/// <summary>The per-person columns a segment can read.</summary>
internal enum MemberField
{
    Blocked,
    FriendAddedAt,
    LastClickAt,
    TotalSpend,
    FirstPurchaseAt,
    LastPurchaseAt,
    LinkedAt,
}

/// <summary>The fields of purchase and interaction elements.</summary>
internal enum ElementField
{
    PurchaseAt,
    PurchaseAmount,
    PurchaseCurrency,
    PurchaseChannel,
    PurchaseStore,
    PurchaseCampaign,
    InteractionAt,
    InteractionKind,
    InteractionCampaign,
    InteractionTarget,
}

/// <summary>The lists a segment can iterate or test membership in.</summary>
internal enum Collection
{
    Purchases,
    Interactions,
    Tags,
    LinkedTypes,
    Categories,

    /// <summary>A custom list fact (<see cref="CollectionExpr.List"/>).</summary>
    Records,
}

internal enum ArithmeticOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal enum Quantifier
{
    All,
    Exists,
    ExistsOne,
}

internal enum StringTest
{
    Contains,
    StartsWith,
    EndsWith,
}

internal enum TimestampPart
{
    FullYear,
    Month,
    Date,
    DayOfMonth,
    DayOfWeek,
    DayOfYear,
    Hours,
}

/// <summary>The static types of fields.</summary>
internal static class MemberFields
{
    public static SegmentType TypeOf(MemberField field) => field switch
    {
        MemberField.Blocked => SegmentType.Bool,
        MemberField.TotalSpend => SegmentType.Double,
        _ => SegmentType.Timestamp,
    };

    public static SegmentType TypeOf(ElementField field) => field switch
    {
        ElementField.PurchaseAt or ElementField.InteractionAt => SegmentType.Timestamp,
        ElementField.PurchaseAmount => SegmentType.Double,
        _ => SegmentType.String,
    };

    public static SegmentType TypeOf(FactType type) => type switch
    {
        FactType.Bool => SegmentType.Bool,
        FactType.Int => SegmentType.Int,
        FactType.Double => SegmentType.Double,
        FactType.String => SegmentType.String,
        _ => SegmentType.Timestamp,
    };
}

/// <summary>The static types of collections.</summary>
internal static class Collections
{
    public static SegmentType TypeOf(Collection collection) => collection switch
    {
        Collection.Purchases => SegmentType.PurchaseList,
        Collection.Interactions => SegmentType.InteractionList,
        Collection.Records => SegmentType.RecordList,
        _ => SegmentType.StringList,
    };

    /// <summary>The type of the elements of a collection.</summary>
    public static SegmentType ElementOf(Collection collection) => collection switch
    {
        Collection.Purchases => SegmentType.Purchase,
        Collection.Interactions => SegmentType.Interaction,
        Collection.Records => SegmentType.Record,
        _ => SegmentType.String,
    };
}
