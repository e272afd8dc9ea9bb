namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// The member table's file: the magic bytes, the version and its sections, in the order they are written. Each
/// section is one column of the live persons (rows renumbered densely, in table order) or one string pool.
/// </summary>
/// <remarks>
/// A new version gets a new number and a reader for it; versions already written keep loading.
/// </remarks>
internal static class MemberTableFormat
{
    /// <summary>
    /// The version written: 2 adds the custom facts (<see cref="FactSchema"/>) after the attributes; 3 keeps
    /// purchase amounts exactly (<see cref="Section.PurchaseAmountUnits"/> in place of the doubles of
    /// <see cref="Section.PurchaseAmount"/>) and adds each purchase's campaign and each person's link time, after
    /// the custom facts.
    /// </summary>
    public const int FormatVersion = 3;

    /// <summary>The first version with exact amounts, purchase campaigns and link times.</summary>
    public const int ExactAmountsVersion = 3;

    /// <summary>The oldest version read: version 1 files load as tables of the built-in facts.</summary>
    public const int OldestVersion = 1;

    public const string What = "member table file";

    public static ReadOnlySpan<byte> Magic => "LCMEMBER"u8;

    /// <summary>The kinds of sections, numbered in the order they appear.</summary>
    public enum Section
    {
        IdentifierTypes = 1,
        Currencies,
        Channels,
        Stores,
        Categories,
        InteractionKinds,
        Campaigns,
        Targets,
        TagNames,
        AttributeKeys,
        AttributeValues,
        LineUserIds,
        PersonIds,
        FriendAddedAt,
        FriendStateAt,
        LastClickAt,
        LinkedTypes,
        LineUser,
        TotalSpend,
        FirstPurchaseAt,
        LastPurchaseAt,
        Blocked,
        PurchaseCounts,
        PurchaseAt,

        /// <summary>Versions 1 and 2 only: amounts as doubles. Version 3 writes <see cref="PurchaseAmountUnits"/> instead.</summary>
        PurchaseAmount,
        PurchaseCurrency,
        PurchaseChannel,
        PurchaseStore,
        PurchaseCategoryCount,
        PurchaseCategoryIds,
        InteractionCounts,
        InteractionAt,
        InteractionKind,
        InteractionCampaign,
        InteractionTarget,
        TagBits,
        AttributeRows,
        AttributeKeyIds,
        AttributeValueIds,

        /// <summary>Version 2: the custom declarations, as <see cref="CustomFactsFile"/> spells them.</summary>
        CustomSchema,
        CustomValues,
        CustomLongs,
        CustomDoubles,
        CustomBools,
        CustomStrings,
        CustomIsSet,
        RecordCounts,
        RecordLongs,
        RecordDoubles,
        RecordBools,
        RecordStrings,

        /// <summary>Version 3: each purchase's amount in ten-thousandths of its currency unit (<see cref="MoneyUnits"/>).</summary>
        PurchaseAmountUnits,

        /// <summary>Version 3: each purchase's campaign, an id in <see cref="Campaigns"/> or none.</summary>
        PurchaseCampaign,

        /// <summary>Version 3: when each person first linked a LINE user id to another identifier type.</summary>
        LinkedAt,
    }
}
