using LineCrm.Messaging.Client;

namespace LineCrm.Messaging.Serialization;

/// <summary>LINE's error response body (<c>ErrorResponse</c>).</summary>
internal sealed record LineErrorBody(string? Message, IReadOnlyList<LineErrorDetail>? Details, IReadOnlyList<SentMessage>? SentMessages);
