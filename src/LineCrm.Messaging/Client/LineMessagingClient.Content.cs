using LineCrm.Messaging.Content;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>
    /// Downloads the image, video, audio or file a user sent (data host), streamed: the body is read from the network
    /// as the caller reads <see cref="LineContentDownload.Stream"/>, so a video is never held whole in memory. Dispose
    /// the result to release the connection. For video and audio, check
    /// <see cref="GetMessageContentTranscodingByMessageIdAsync"/> first: LINE answers 202 or an error until it is ready.
    /// </summary>
    /// <param name="messageId">The message id from the webhook event.</param>
    /// <param name="cancellationToken">Cancels the call (not the reading of the body; pass a token to the stream's reads for that).</param>
    /// <exception cref="LineApiException">404 when there is no such message or its content has expired.</exception>
    [LineOperation("getMessageContent")]
    public virtual Task<LineContentDownload> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return DownloadAsync(ContentOperations.GetContent, $"v2/bot/message/{Escape(messageId)}/content", cancellationToken);
    }

    /// <summary>Downloads the preview image of an image or video a user sent (data host), streamed; dispose the result.</summary>
    /// <param name="messageId">The message id from the webhook event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when there is no such message or it has no preview.</exception>
    [LineOperation("getMessageContentPreview")]
    public virtual Task<LineContentDownload> GetMessageContentPreviewAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return DownloadAsync(ContentOperations.GetPreview, $"v2/bot/message/{Escape(messageId)}/content/preview", cancellationToken);
    }

    /// <summary>Whether a video or audio a user sent is ready to download.</summary>
    /// <param name="messageId">The message id from the webhook event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when there is no such message.</exception>
    [LineOperation("getMessageContentTranscodingByMessageId")]
    public virtual Task<LineResponse<MessageContentTranscoding>> GetMessageContentTranscodingByMessageIdAsync(
        string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return GetAsync(
            ContentOperations.GetTranscoding, $"v2/bot/message/{Escape(messageId)}/content/transcoding",
            LinePlatformJsonContext.Default.MessageContentTranscoding, cancellationToken);
    }
}
