using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>Opens <paramref name="Uri"/> (http, https, line or tel) when tapped.</summary>
/// <param name="Label">The label.</param>
/// <param name="Uri">The URI, at most 1,000 characters.</param>
public sealed record UriAction(string? Label, string Uri) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "uri";

    /// <summary>Another URI for LINE on desktop.</summary>
    public AltUri? AltUri { get; init; }
}

/// <summary>URIs for other platforms.</summary>
/// <param name="Desktop">The URI opened by LINE for macOS and Windows, at most 1,000 characters.</param>
public sealed record AltUri(string Desktop);
