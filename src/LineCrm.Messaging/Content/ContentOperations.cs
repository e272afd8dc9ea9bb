using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Content;

/// <summary>The message content operations (<c>messaging-api.yml</c>, data host): all reads, all safe to retry.</summary>
internal static class ContentOperations
{
    public static readonly LineOperationInfo GetContent = new("getMessageContent", HttpMethod.Get, LineHost.Data);
    public static readonly LineOperationInfo GetPreview = new("getMessageContentPreview", HttpMethod.Get, LineHost.Data);
    public static readonly LineOperationInfo GetTranscoding = new("getMessageContentTranscodingByMessageId", HttpMethod.Get, LineHost.Data);
}
