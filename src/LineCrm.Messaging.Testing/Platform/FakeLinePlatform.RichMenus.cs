using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>Rich menus by id.</summary>
    public ConcurrentDictionary<string, FakeRichMenu> RichMenus { get; } = new(StringComparer.Ordinal);

    /// <summary>Rich menu aliases: alias id → rich menu id.</summary>
    public ConcurrentDictionary<string, string> RichMenuAliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-user rich menus: user id → rich menu id.</summary>
    public ConcurrentDictionary<string, string> UserRichMenus { get; } = new(StringComparer.Ordinal);

    /// <summary>The default rich menu, when one is set.</summary>
    public string? DefaultRichMenuId { get; set; }

    /// <summary>Rich menu batches by the request id of the <c>richMenuBatch</c> answer.</summary>
    public ConcurrentDictionary<string, FakeRichMenuBatch> RichMenuBatches { get; } = new(StringComparer.Ordinal);

    /// <summary>How many progress reads of a batch answer <c>ongoing</c> before it is <c>succeeded</c>.</summary>
    public int RichMenuBatchReadsBeforeDone { get; set; } = 1;
}

/// <summary>A rich menu in the fake.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Json">The menu as it was created (without its id).</param>
public sealed class FakeRichMenu(string Id, JsonObject Json)
{
    /// <summary>Its id.</summary>
    public string Id { get; } = Id;

    /// <summary>The menu as it was created (without its id).</summary>
    public JsonObject Json { get; } = Json;

    /// <summary>The uploaded image; null until one is uploaded (LINE takes one, once).</summary>
    public byte[]? Image { get; set; }

    /// <summary>The uploaded image's content type.</summary>
    public string? ImageContentType { get; set; }
}

/// <summary>A rich menu batch in the fake (its operations are applied at once; the phase turns after some reads).</summary>
/// <param name="AcceptedTime">When it was accepted.</param>
/// <param name="ReadsBeforeDone">Progress reads left that answer <c>ongoing</c>.</param>
public sealed class FakeRichMenuBatch(DateTimeOffset AcceptedTime, int ReadsBeforeDone)
{
    /// <summary>When it was accepted.</summary>
    public DateTimeOffset AcceptedTime { get; } = AcceptedTime;

    /// <summary>Progress reads left that answer <c>ongoing</c>.</summary>
    public int ReadsBeforeDone { get; set; } = ReadsBeforeDone;

    /// <summary>The phase once done: <c>succeeded</c>, or what a test sets (<c>failed</c>, or a value LINE may add later).</summary>
    public string FinalPhase { get; set; } = "succeeded";
}
