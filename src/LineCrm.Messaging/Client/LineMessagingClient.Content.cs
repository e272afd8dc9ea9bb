using LineCrm.Messaging.Content;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    private const string ContentNotReady =
        "LINE is still preparing this video or audio and sent no content. Poll GetMessageContentTranscodingByMessageIdAsync "
        + "until its status is Succeeded (Failed: it will never be ready), then call GetMessageContentAsync again.";

    private const string PreviewNotReady =
        "LINE is still preparing this content and sent no preview. Poll GetMessageContentTranscodingByMessageIdAsync "
        + "until its status is Succeeded (Failed: it will never be ready), then call GetMessageContentPreviewAsync again.";

    /// <summary>
    /// Downloads the image, video, audio or file a user sent (data host), streamed: the body is read from the network
    /// as the caller reads <see cref="LineContentDownload.Stream"/>, so a video is never held whole in memory. Dispose
    /// the result to release the connection.
    /// </summary>
    /// <remarks>
    /// LINE prepares a video or audio after it is sent, and until it is ready answers 202 Accepted with no content.
    /// That answer is never handed back as an empty download: it throws <see cref="LineApiException"/> with
    /// <see cref="LineApiException.StatusCode"/> 202 Accepted (its connection already released). Check
    /// <see cref="GetMessageContentTranscodingByMessageIdAsync"/> until it reports
    /// <see cref="MessageContentTranscodingStatus.Succeeded"/>, before downloading or after a 202, then call again.
    /// </remarks>
    /// <param name="messageId">The message id from the webhook event.</param>
    /// <param name="cancellationToken">Cancels the call (not the reading of the body; pass a token to the stream's reads for that).</param>
    /// <exception cref="LineApiException">
    /// 404 when there is no such message or its content has expired; 202 when LINE is still preparing a video or audio
    /// (poll <see cref="GetMessageContentTranscodingByMessageIdAsync"/>, then call again).
    /// </exception>
    [LineOperation("getMessageContent")]
    public virtual Task<LineContentDownload> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return DownloadAsync(
            ContentOperations.GetContent, $"v2/bot/message/{Escape(messageId)}/content", cancellationToken, ContentNotReady);
    }

    /// <summary>Downloads the preview image of an image or video a user sent (data host), streamed; dispose the result.</summary>
    /// <param name="messageId">The message id from the webhook event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">
    /// 404 when there is no such message or it has no preview; 202 (never an empty download) if LINE answers that
    /// the preview is not ready yet (poll <see cref="GetMessageContentTranscodingByMessageIdAsync"/>, then call again).
    /// </exception>
    [LineOperation("getMessageContentPreview")]
    public virtual Task<LineContentDownload> GetMessageContentPreviewAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return DownloadAsync(
            ContentOperations.GetPreview, $"v2/bot/message/{Escape(messageId)}/content/preview", cancellationToken, PreviewNotReady);
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
