using LineCrm.Messaging.Messages.Actions;

namespace LineCrm.Messaging.Messages;

/// <summary>Quick reply buttons shown at the bottom of the chat (LINE's <c>quickReply</c>).</summary>
/// <param name="Items">The buttons, 1 to 13.</param>
public sealed record QuickReply(IReadOnlyList<QuickReplyItem> Items)
{
    /// <summary>A quick reply of one button per action, without icons.</summary>
    /// <param name="actions">The actions, 1 to 13.</param>
    public static QuickReply Of(params IEnumerable<LineAction> actions) =>
        new([.. actions.Select(action => new QuickReplyItem(action))]);
}

/// <summary>One quick reply button.</summary>
/// <param name="Action">What tapping the button does.</param>
/// <param name="ImageUrl">An https URL of an icon shown at the start of the button, at most 2,000 characters.</param>
public sealed record QuickReplyItem(LineAction Action, string? ImageUrl = null)
{
    /// <summary>LINE's <c>type</c> of a quick reply item: always <c>action</c>.</summary>
    public string Type { get; } = "action";
}
