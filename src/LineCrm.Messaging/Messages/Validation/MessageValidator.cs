using LineCrm.Messaging.Messages.Actions;

namespace LineCrm.Messaging.Messages.Validation;

/// <summary>
/// Checks LINE's documented limits on messages before anything is sent, so a bad message fails at once with the
/// field, the limit and the value, and no request is made.
/// </summary>
internal static partial class MessageValidator
{
    /// <summary>The most messages one request may carry.</summary>
    public const int MaxMessagesPerRequest = 5;

    /// <summary>Checks 1 to 5 messages and each message's own limits.</summary>
    public static void ValidateMessages(IReadOnlyList<Message>? messages, string path = "messages")
    {
        LineLimits.Count(messages, path, 1, MaxMessagesPerRequest);
        for (var i = 0; i < messages!.Count; i++)
        {
            ValidateMessage(messages[i], $"{path}[{i}]");
        }
    }

    /// <summary>Checks one message.</summary>
    public static void ValidateMessage(Message? message, string path)
    {
        LineLimits.Required(message, path);
        switch (message)
        {
            case TextMessage text:
                LineLimits.Length(text.Text, $"{path}.text", 1, 5000);
                LineLimits.MaxCount(text.Emojis, $"{path}.emojis", 20);
                break;
            default:
                ValidateOther(message!, path);
                break;
        }

        ValidateCommon(message!, path);
    }

    private static void ValidateCommon(Message message, string path)
    {
        if (message.QuickReply is { } quickReply)
        {
            var itemsPath = $"{path}.quickReply.items";
            LineLimits.Count(quickReply.Items, itemsPath, 1, 13);
            for (var i = 0; i < quickReply.Items.Count; i++)
            {
                var item = quickReply.Items[i];
                LineLimits.Required(item, $"{itemsPath}[{i}]");
                LineLimits.MaxLength(item.ImageUrl, $"{itemsPath}[{i}].imageUrl", 2000);
                ValidateAction(item.Action, $"{itemsPath}[{i}].action", labelMax: 20);
            }
        }

        if (message.Sender is { } sender)
        {
            LineLimits.MaxLength(sender.Name, $"{path}.sender.name", 20);
            LineLimits.MaxLength(sender.IconUrl, $"{path}.sender.iconUrl", 2000);
        }
    }

    /// <summary>Checks one action's documented limits.</summary>
    public static void ValidateAction(LineAction? action, string path, int labelMax = 20)
    {
        LineLimits.Required(action, path);
        LineLimits.MaxLength(action!.Label, $"{path}.label", labelMax);
        switch (action)
        {
            case PostbackAction postback:
                LineLimits.MaxLength(postback.Data, $"{path}.data", 300);
                LineLimits.MaxLength(postback.DisplayText, $"{path}.displayText", 300);
                LineLimits.MaxLength(postback.FillInText, $"{path}.fillInText", 300);
                break;
            case MessageAction messageAction:
                LineLimits.Length(messageAction.Text, $"{path}.text", 1, 300);
                break;
            case UriAction uri:
                LineLimits.Length(uri.Uri, $"{path}.uri", 1, 1000);
                LineLimits.MaxLength(uri.AltUri?.Desktop, $"{path}.altUri.desktop", 1000);
                break;
            case DatetimePickerAction picker:
                LineLimits.MaxLength(picker.Data, $"{path}.data", 300);
                break;
            case RichMenuSwitchAction menuSwitch:
                LineLimits.MaxLength(menuSwitch.Data, $"{path}.data", 300);
                LineLimits.MaxLength(menuSwitch.RichMenuAliasId, $"{path}.richMenuAliasId", 32);
                break;
            case ClipboardAction clipboard:
                LineLimits.Length(clipboard.ClipboardText, $"{path}.clipboardText", 1, 1000);
                break;
        }
    }
}
