using System.Net;
using System.Text;

namespace LineCrm.Messaging.Client;

/// <summary>
/// The LINE Messaging API answered with an error status (after any retries the client was allowed to make). Carries
/// what LINE said: the HTTP status, LINE's message, its <c>details</c> and the request id to quote to LINE support.
/// </summary>
/// <remarks>
/// A download (<see cref="LineMessagingClient.GetMessageContentAsync"/> and the like) also throws it when LINE answers
/// a success status other than 200, which carries no content: 202 Accepted means LINE is still preparing a video or
/// audio, and <see cref="Exception.Message"/> says what to do (poll
/// <see cref="LineMessagingClient.GetMessageContentTranscodingByMessageIdAsync"/>, then download again).
/// </remarks>
public sealed class LineApiException : Exception
{
    /// <summary>Creates the exception from the parts of LINE's answer.</summary>
    /// <param name="operationId">The operation that failed, for example <c>pushMessage</c>.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="lineMessage">LINE's <c>message</c>, when the body had one.</param>
    /// <param name="details">LINE's <c>details</c>; empty when there were none.</param>
    /// <param name="requestId">The <c>x-line-request-id</c> header, when present.</param>
    public LineApiException(
        string operationId,
        HttpStatusCode statusCode,
        string? lineMessage,
        IReadOnlyList<LineErrorDetail>? details,
        string? requestId)
        : this(operationId, statusCode, lineMessage, details, requestId, advice: null)
    {
    }

    /// <summary>As the public constructor, with <paramref name="advice"/> (what the caller should do) appended to the message.</summary>
    internal LineApiException(
        string operationId,
        HttpStatusCode statusCode,
        string? lineMessage,
        IReadOnlyList<LineErrorDetail>? details,
        string? requestId,
        string? advice)
        : base(Describe(operationId, statusCode, lineMessage, details, requestId, advice))
    {
        OperationId = operationId;
        StatusCode = statusCode;
        LineMessage = lineMessage;
        Details = details ?? [];
        RequestId = requestId;
    }

    /// <summary>The operation that failed, for example <c>pushMessage</c>.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status code LINE answered with (<c>(int)StatusCode</c> for the number).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>LINE's <c>message</c>, for example "The request body has 1 error(s)".</summary>
    public string? LineMessage { get; }

    /// <summary>LINE's <c>details</c> (property and message of each problem); empty when LINE sent none.</summary>
    public IReadOnlyList<LineErrorDetail> Details { get; }

    /// <summary>LINE's request id (<c>x-line-request-id</c>), to quote to LINE support.</summary>
    public string? RequestId { get; }

    /// <summary>How long LINE asked the client to wait (<c>Retry-After</c>) when it answered 429, if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    private static string Describe(
        string operationId,
        HttpStatusCode statusCode,
        string? lineMessage,
        IReadOnlyList<LineErrorDetail>? details,
        string? requestId,
        string? advice)
    {
        var text = new StringBuilder()
            .Append("LINE ").Append(operationId).Append(" failed with HTTP ").Append((int)statusCode);
        if (!string.IsNullOrEmpty(lineMessage))
        {
            text.Append(": ").Append(lineMessage);
        }

        foreach (var detail in details ?? [])
        {
            text.Append(" [").Append(detail.Property ?? "?").Append(": ").Append(detail.Message ?? "?").Append(']');
        }

        if (requestId is not null)
        {
            text.Append(" (x-line-request-id ").Append(requestId).Append(')');
        }

        if (!string.IsNullOrEmpty(advice))
        {
            text.Append(". ").Append(advice);
        }

        return text.ToString();
    }
}
