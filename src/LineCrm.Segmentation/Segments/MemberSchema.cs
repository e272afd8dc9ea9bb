using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// What a segment expression can see: the member table's columns as CEL variables, purchases and interactions
/// as declared object types, <c>now</c> (bound per evaluation) and the helper <c>days(n)</c>. This is the only
/// place CRM words meet the CEL engine; the engine itself knows none of them.
/// </summary>
internal static class MemberSchema
{
    public const string Now = "now";
    public const string Blocked = "blocked";
    public const string FriendAddedAt = "friendAddedAt";
    public const string LastClickAt = "lastClickAt";
    public const string TotalSpend = "totalSpend";
    public const string FirstPurchaseAt = "firstPurchaseAt";
    public const string LastPurchaseAt = "lastPurchaseAt";
    public const string LinkedAt = "linkedAt";
    public const string Purchases = "purchases";
    public const string Interactions = "interactions";
    public const string Tags = "tags";
    public const string Linked = "linked";
    public const string Attributes = "attributes";
    public const string Days = "days";

    /// <summary>The fields of a purchase, by CEL name.</summary>
    public static readonly IReadOnlyDictionary<string, ElementField> PurchaseFields = new Dictionary<string, ElementField>(StringComparer.Ordinal)
    {
        ["at"] = ElementField.PurchaseAt,
        ["amount"] = ElementField.PurchaseAmount,
        ["currency"] = ElementField.PurchaseCurrency,
        ["channel"] = ElementField.PurchaseChannel,
        ["store"] = ElementField.PurchaseStore,
        ["campaign"] = ElementField.PurchaseCampaign,
    };

    /// <summary>The fields of an interaction, by CEL name.</summary>
    public static readonly IReadOnlyDictionary<string, ElementField> InteractionFields = new Dictionary<string, ElementField>(StringComparer.Ordinal)
    {
        ["at"] = ElementField.InteractionAt,
        ["kind"] = ElementField.InteractionKind,
        ["campaign"] = ElementField.InteractionCampaign,
        ["target"] = ElementField.InteractionTarget,
    };

    /// <summary>The per-person scalar columns, by CEL name.</summary>
    public static readonly IReadOnlyDictionary<string, MemberField> Fields = new Dictionary<string, MemberField>(StringComparer.Ordinal)
    {
        [Blocked] = MemberField.Blocked,
        [FriendAddedAt] = MemberField.FriendAddedAt,
        [LastClickAt] = MemberField.LastClickAt,
        [TotalSpend] = MemberField.TotalSpend,
        [FirstPurchaseAt] = MemberField.FirstPurchaseAt,
        [LastPurchaseAt] = MemberField.LastPurchaseAt,
        [LinkedAt] = MemberField.LinkedAt,
    };

    public static CelObjectType PurchaseType { get; } = new("Purchase",
    [
        new("at", CelType.Timestamp),
        new("amount", CelType.Double),
        new("currency", CelType.String),
        new("channel", CelType.String),
        new("store", CelType.String),
        new("campaign", CelType.String),
        new("categories", CelType.List(CelType.String)),
    ]);

    public static CelObjectType InteractionType { get; } = new("Interaction",
    [
        new("at", CelType.Timestamp),
        new("kind", CelType.String),
        new("campaign", CelType.String),
        new("target", CelType.String),
    ]);

    /// <summary>The extension libraries segments have on: strings, math, bindings and optional values.</summary>
    // Declared before Environment, which is built from it when the class initialises.
    public static IReadOnlyList<ICelLibrary> Libraries { get; } =
        [CelExtensions.Strings, CelExtensions.Math, CelExtensions.Bindings, CelExtensions.Optionals];

    /// <summary>The environment segments are checked against, with the default limits.</summary>
    public static CelEnvironment Environment { get; } = Create(CelLimits.Default);

    /// <summary>An environment with the declarations of <paramref name="schema"/>, the segment libraries and the given limits.</summary>
    public static CelEnvironment Create(CelLimits limits, FactSchema schema)
    {
        var environment = Create(limits);
        foreach (var scalar in schema.Scalars)
        {
            environment = environment.WithVariable(scalar.Declaration.Name, CelTypeOf(scalar.Declaration.Type));
        }

        foreach (var list in schema.Lists)
        {
            var record = RecordType(list.Declaration);
            environment = environment
                .WithObjectType(record)
                .WithVariable(list.Declaration.Name, CelType.List(record.AsType()));
        }

        return environment;
    }

    /// <summary>The CEL object type of a custom list's records.</summary>
    public static CelObjectType RecordType(ListFactDeclaration list) =>
        new(list.RecordType, list.Fields.Select(f => KeyValuePair.Create(f.Name, CelTypeOf(f.Type))));

    private static CelType CelTypeOf(FactType type) => type switch
    {
        FactType.Bool => CelType.Bool,
        FactType.Int => CelType.Int,
        FactType.Double => CelType.Double,
        FactType.String => CelType.String,
        _ => CelType.Timestamp,
    };

    /// <summary>An environment with the member declarations, the segment libraries and the given limits.</summary>
    public static CelEnvironment Create(CelLimits limits) =>
        CelEnvironment.Create(limits)
            .WithLibraries(Libraries)
            .WithObjectType(PurchaseType)
            .WithObjectType(InteractionType)
            .WithVariable(Now, CelType.Timestamp)
            .WithVariable(Blocked, CelType.Bool)
            .WithVariable(FriendAddedAt, CelType.Timestamp)
            .WithVariable(LastClickAt, CelType.Timestamp)
            .WithVariable(TotalSpend, CelType.Double)
            .WithVariable(FirstPurchaseAt, CelType.Timestamp)
            .WithVariable(LastPurchaseAt, CelType.Timestamp)
            .WithVariable(LinkedAt, CelType.Timestamp)
            .WithVariable(Purchases, CelType.List(PurchaseType.AsType()))
            .WithVariable(Interactions, CelType.List(InteractionType.AsType()))
            .WithVariable(Tags, CelType.List(CelType.String))
            .WithVariable(Linked, CelType.List(CelType.String))
            .WithVariable(Attributes, CelType.Map(CelType.String, CelType.String))
            .WithFunction(Days, FunctionOverload.Global("days_int64", [CelType.Int], CelType.Duration, DaysImplementation));

    // days(n) for the interpreter: the same rule as compiled code (CelTicks.Days), in the engine's nanoseconds.
    private static object DaysImplementation(ReadOnlySpan<object> arguments)
    {
        try
        {
            return new CelDuration(CelTicks.Days((long)arguments[0]) * 100);
        }
        catch (CelRuntimeError error)
        {
            return new CelError(error.Kind, error.Message);
        }
    }
}
