using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.RichMenus;

/// <summary>
/// The body of <c>richMenuBatch</c> and <c>validateRichMenuBatchRequest</c>: up to 1,000 operations on the menus
/// linked to users, run by LINE in the background (follow them with <c>getRichMenuBatchProgress</c>).
/// </summary>
/// <param name="Operations">1 to 1,000 operations.</param>
public sealed record RichMenuBatchRequest(IReadOnlyList<RichMenuBatchOperation> Operations)
{
    /// <summary>
    /// A key (1 to 100 of <c>A-Z a-z 0-9 _ -</c>) that lets a failed batch be resumed by sending the same request
    /// again with the same key: LINE skips the users it already handled.
    /// </summary>
    public string? ResumeRequestKey { get; init; }
}

/// <summary>One operation of a rich menu batch: <see cref="RichMenuBatchLinkOperation"/>, <see cref="RichMenuBatchUnlinkOperation"/> or <see cref="RichMenuBatchUnlinkAllOperation"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RichMenuBatchLinkOperation), "link")]
[JsonDerivedType(typeof(RichMenuBatchUnlinkOperation), "unlink")]
[JsonDerivedType(typeof(RichMenuBatchUnlinkAllOperation), "unlinkAll")]
public abstract record RichMenuBatchOperation
{
    private protected RichMenuBatchOperation()
    {
    }
}

/// <summary>Moves every user linked to <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The rich menu users are linked to now.</param>
/// <param name="To">The rich menu to link them to instead.</param>
public sealed record RichMenuBatchLinkOperation(string From, string To) : RichMenuBatchOperation;

/// <summary>Unlinks every user linked to <paramref name="From"/>.</summary>
/// <param name="From">The rich menu to unlink users from.</param>
public sealed record RichMenuBatchUnlinkOperation(string From) : RichMenuBatchOperation;

/// <summary>Unlinks every user from whatever rich menu they are linked to.</summary>
public sealed record RichMenuBatchUnlinkAllOperation : RichMenuBatchOperation;

/// <summary>Where a rich menu batch stands (<c>getRichMenuBatchProgress</c>).</summary>
/// <param name="Phase">ongoing, succeeded or failed.</param>
/// <param name="AcceptedTime">When LINE accepted the batch.</param>
public sealed record RichMenuBatchProgress(RichMenuBatchProgressPhase Phase, DateTimeOffset AcceptedTime)
{
    /// <summary>When the batch finished; set once <see cref="Phase"/> is succeeded or failed.</summary>
    public DateTimeOffset? CompletedTime { get; init; }
}

/// <summary>The phase of a rich menu batch. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<RichMenuBatchProgressPhase>))]
public readonly record struct RichMenuBatchProgressPhase(string Value) : ILineStringValue<RichMenuBatchProgressPhase>
{
    /// <summary><c>ongoing</c>: LINE is still working through the batch.</summary>
    public static readonly RichMenuBatchProgressPhase Ongoing = new("ongoing");

    /// <summary><c>succeeded</c>: every operation was done.</summary>
    public static readonly RichMenuBatchProgressPhase Succeeded = new("succeeded");

    /// <summary><c>failed</c>: the menus of one or more users could not be changed (others may have been).</summary>
    public static readonly RichMenuBatchProgressPhase Failed = new("failed");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static RichMenuBatchProgressPhase From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
