namespace LineCrm.Segmentation.Members.Files;

/// <summary>The sections of a member table file as read, before they are checked against each other.</summary>
internal sealed class LoadedFile
{
    public required List<string> IdentifierTypes { get; init; }

    public required List<string> Currencies { get; init; }

    public required List<string> Channels { get; init; }

    public required List<string> Stores { get; init; }

    public required List<string> Categories { get; init; }

    public required List<string> InteractionKinds { get; init; }

    public required List<string> Campaigns { get; init; }

    public required List<string> Targets { get; init; }

    public required List<string> TagNames { get; init; }

    public required List<string> AttributeKeys { get; init; }

    public required List<string> AttributeValues { get; init; }

    public required List<string> LineUserIds { get; init; }

    public required long[] PersonIds { get; init; }

    public required long[] FriendAddedAt { get; init; }

    public required long[] FriendStateAt { get; init; }

    public required long[] LastClickAt { get; init; }

    public required int[] LinkedTypes { get; init; }

    public required int[] LineUser { get; init; }

    public required double[] TotalSpend { get; init; }

    public required long[] FirstPurchaseAt { get; init; }

    public required long[] LastPurchaseAt { get; init; }

    public required ulong[] Blocked { get; init; }

    public required int[] PurchaseCounts { get; init; }

    public required long[] PurchaseAt { get; init; }

    /// <summary>Versions 1 and 2: the amounts as doubles, converted by the check; null in version 3.</summary>
    public required double[]? PurchaseAmount { get; init; }

    /// <summary>Version 3: the amounts in ten-thousandths; null until the check has converted an earlier version's doubles.</summary>
    public long[]? PurchaseAmountUnits { get; set; }

    /// <summary>Version 3: the purchases' campaign ids; earlier versions kept none, so the loader fills none.</summary>
    public int[] PurchaseCampaign { get; set; } = [];

    /// <summary>Version 3: when each person linked; earlier versions kept none, so the loader fills "never".</summary>
    public long[] LinkedAt { get; set; } = [];

    public required int[] PurchaseCurrency { get; init; }

    public required int[] PurchaseChannel { get; init; }

    public required int[] PurchaseStore { get; init; }

    public required int[] PurchaseCategoryCount { get; init; }

    public required int[] PurchaseCategoryIds { get; init; }

    public required int[] InteractionCounts { get; init; }

    public required long[] InteractionAt { get; init; }

    public required int[] InteractionKind { get; init; }

    public required int[] InteractionCampaign { get; init; }

    public required int[] InteractionTarget { get; init; }

    public required ulong[] TagBits { get; init; }

    public required int[] AttributeRows { get; init; }

    public required int[] AttributeKeyIds { get; init; }

    public required int[] AttributeValueIds { get; init; }
}
