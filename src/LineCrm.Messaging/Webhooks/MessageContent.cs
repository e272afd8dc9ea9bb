namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// The <c>message</c> of a <see cref="MessageEvent"/>: <see cref="TextMessageContent"/>, <see cref="ImageMessageContent"/>,
/// <see cref="VideoMessageContent"/>, <see cref="AudioMessageContent"/>, <see cref="FileMessageContent"/>,
/// <see cref="LocationMessageContent"/>, <see cref="StickerMessageContent"/>, or <see cref="UnknownMessageContent"/>.
/// </summary>
public abstract record MessageContent
{
    /// <summary>The content type as LINE writes it (<c>text</c>, <c>image</c>, ...).</summary>
    public abstract string Type { get; }

    private string _id = string.Empty;
    private string? _markAsReadToken;

    /// <summary>The message id; also the key to download an image, video, audio or file's content.</summary>
    public string Id { get => _id; init => _id = value ?? string.Empty; }

    /// <summary>The token to mark the message as read, when LINE sent one.</summary>
    public string? MarkAsReadToken { get => _markAsReadToken; init => _markAsReadToken = value; }

    /// <summary>Sets the fields every content type has, right after the parser made the record (before anyone sees it).</summary>
    internal void SetCommon(string id, string? markAsReadToken)
    {
        _id = id;
        _markAsReadToken = markAsReadToken;
    }
}
