using System.Collections.Immutable;

namespace LineCrm.Segmentation.Members;

/// <summary>The facts every table has, as declarations: the names segments can read and the docs' table.</summary>
internal static class BuiltInFacts
{
    public static ImmutableArray<FactDeclaration> All { get; } =
    [
        new BuiltInFactDeclaration("blocked", "bool", "the person currently blocks the LINE account"),
        new BuiltInFactDeclaration("friendAddedAt", "timestamp", "when the person first added the account as a friend"),
        new BuiltInFactDeclaration("lastClickAt", "timestamp", "the last click on a message"),
        new BuiltInFactDeclaration("firstPurchaseAt", "timestamp", "the first purchase"),
        new BuiltInFactDeclaration("lastPurchaseAt", "timestamp", "the last purchase"),
        new BuiltInFactDeclaration("linkedAt", "timestamp", "when the person first linked: the earliest identity link of a LINE user id to another identifier type"),
        new BuiltInFactDeclaration("totalSpend", "double", "the sum of purchase amounts (refunds are negative purchases)"),
        new BuiltInFactDeclaration("purchases", "list(Purchase)", "every purchase, in the order appended"),
        new BuiltInFactDeclaration("interactions", "list(Interaction)", "every interaction, in the order appended"),
        new BuiltInFactDeclaration("tags", "list(string)", "the person's tags"),
        new BuiltInFactDeclaration("linked", "list(string)", "the identifier types seen for the person: `line`, `web`, `store`, `email_sha256`..."),
        new BuiltInFactDeclaration("attributes", "map(string, string)", "custom attributes; a missing key is a `no_such_key` error (test with `\"plan\" in attributes`)"),
    ];
}
