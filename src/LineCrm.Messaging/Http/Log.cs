using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Http;

/// <summary>Source-generated log messages of the send pipeline. Tokens never appear in them.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "LINE {OperationId} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operationId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Information, "LINE {OperationId}: retry key already accepted as request {AcceptedRequestId}; treated as success")]
    public static partial void AlreadyAccepted(ILogger logger, string operationId, string acceptedRequestId);

    [LoggerMessage(3, LogLevel.Error, "LINE {OperationId} failed with HTTP {Status} (x-line-request-id {RequestId}): {LineMessage}")]
    public static partial void Failed(ILogger logger, string operationId, int status, string? requestId, string? lineMessage);

    [LoggerMessage(4, LogLevel.Debug, "LINE {OperationId} answered HTTP {Status} (x-line-request-id {RequestId})")]
    public static partial void Answered(ILogger logger, string operationId, int status, string? requestId);
}
