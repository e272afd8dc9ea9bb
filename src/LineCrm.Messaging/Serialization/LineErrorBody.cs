using System.Text.Json.Serialization;
using LineCrm.Messaging.Client;

namespace LineCrm.Messaging.Serialization;

/// <summary>LINE's error response body (<c>ErrorResponse</c>).</summary>
internal sealed record LineErrorBody(string? Message, IReadOnlyList<LineErrorDetail>? Details, IReadOnlyList<SentMessage>? SentMessages)
{
    /// <summary>The OAuth-style error code of the channel-token endpoints (<c>invalid_client</c>, say).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The OAuth-style explanation that goes with <see cref="Error"/>.</summary>
    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    /// <summary>LINE's message in whichever of its two error shapes it came.</summary>
    public string? Text => Message ?? (Error is null ? null : ErrorDescription is null ? Error : $"{Error}: {ErrorDescription}");
}
