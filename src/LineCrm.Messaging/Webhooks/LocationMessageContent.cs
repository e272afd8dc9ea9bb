namespace LineCrm.Messaging.Webhooks;

/// <summary>A location message.</summary>
public sealed record LocationMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "location";

    /// <summary>The place's title, when given.</summary>
    public string? Title { get; init; }

    /// <summary>The place's address, when given.</summary>
    public string? Address { get; init; }

    /// <summary>The latitude in degrees.</summary>
    public double Latitude { get; init; }

    /// <summary>The longitude in degrees.</summary>
    public double Longitude { get; init; }
}
