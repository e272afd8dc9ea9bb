using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LineCrm.Messaging.Testing;

/// <summary>What a handler sees of one request.</summary>
/// <param name="Server">The fake, for its state (deliveries, users).</param>
/// <param name="OperationId">The operation.</param>
/// <param name="PathParameters">Path parameters by name.</param>
/// <param name="Query">The query string.</param>
/// <param name="Body">The JSON body, when there is one.</param>
/// <param name="RequestId">The <c>x-line-request-id</c> this answer will carry.</param>
/// <param name="RetryKey">The <c>X-Line-Retry-Key</c>, when sent.</param>
public sealed record FakeLineCall(
    FakeLineServer Server,
    string OperationId,
    IReadOnlyDictionary<string, string> PathParameters,
    IQueryCollection Query,
    JsonElement? Body,
    string RequestId,
    string? RetryKey)
{
    /// <summary>The body's bytes as received (form fields, multipart files and images are not JSON).</summary>
    public byte[] RawBody { get; init; } = [];

    /// <summary>The request's <c>Content-Type</c>, when it had one.</summary>
    public string? ContentType { get; init; }

    /// <summary>The bearer token the request carried ("" when none).</summary>
    public string BearerToken { get; init; } = "";

    /// <summary>The request's headers, for operations that take one of their own (<c>X-Line-Delivery-Tag</c>).</summary>
    public IHeaderDictionary Headers { get; init; } = new HeaderDictionary();
}

/// <summary>A handler's answer.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body; null for none.</param>
public sealed record FakeLineReply(int Status, JsonNode? Body = null)
{
    /// <summary>A binary body to send instead of <see cref="Body"/> (images, videos), with <see cref="ContentType"/>.</summary>
    public byte[]? Content { get; init; }

    /// <summary>The content type of <see cref="Content"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// Writes the body itself, for tests that control when bytes leave (a download that must be streamed, not
    /// buffered). Takes the response stream and the request's cancellation token.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? WriteBody { get; init; }

    /// <summary>The <c>Content-Length</c> to declare for a <see cref="WriteBody"/> answer; chunked when null.</summary>
    public long? ContentLength { get; init; }

    /// <summary>A 200 with binary content.</summary>
    public static FakeLineReply Binary(byte[] content, string contentType) => new(200) { Content = content, ContentType = contentType };

    /// <summary>A 200 with <paramref name="body"/>.</summary>
    public static FakeLineReply Ok(JsonNode? body = null) => new(200, body ?? new JsonObject());

    /// <summary>A LINE error answer: <c>{"message": …, "details": […]}</c>.</summary>
    public static FakeLineReply Error(int status, string message, params IEnumerable<(string Property, string Message)> details)
    {
        var body = new JsonObject { ["message"] = message };
        var array = new JsonArray([.. details.Select(d => (JsonNode)new JsonObject { ["property"] = d.Property, ["message"] = d.Message })]);
        if (array.Count > 0)
        {
            body["details"] = array;
        }

        return new FakeLineReply(status, body);
    }
}
