namespace LineCrm.Messaging.Testing;

/// <summary>How a <see cref="FakeLineServer"/> starts.</summary>
public sealed class FakeLineServerOptions
{
    /// <summary>The bearer token the fake accepts (default <see cref="FakeLineServer.DefaultAccessToken"/>).</summary>
    public string AccessToken { get; set; } = FakeLineServer.DefaultAccessToken;

    /// <summary>The operations and schemas to play; null plays the embedded platform documents (<see cref="LineOpenApiDocument.LoadPlatform"/>).</summary>
    public LineOpenApiDocument? Document { get; set; }

    /// <summary>The clock of rate-limit windows, delays and webhook timestamps; a fake clock makes them deterministic.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The loopback port of the fake <c>api.line.me</c>; 0 (the default) picks a free one.</summary>
    public int ApiPort { get; set; }

    /// <summary>The loopback port of the fake <c>api-data.line.me</c>; 0 (the default) picks a free one.</summary>
    public int DataApiPort { get; set; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            throw new ArgumentException($"{nameof(FakeLineServerOptions)}.{nameof(AccessToken)} must not be empty.", nameof(AccessToken));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        foreach (var (name, port) in new[] { (nameof(ApiPort), ApiPort), (nameof(DataApiPort), DataApiPort) })
        {
            if (port is < 0 or > 65535)
            {
                throw new ArgumentException($"{nameof(FakeLineServerOptions)}.{name} must be between 0 and 65535, got {port}.", name);
            }
        }

        if (ApiPort != 0 && ApiPort == DataApiPort)
        {
            throw new ArgumentException(
                $"{nameof(FakeLineServerOptions)}.{nameof(ApiPort)} and {nameof(DataApiPort)} must differ, both are {ApiPort}.", nameof(DataApiPort));
        }
    }
}
