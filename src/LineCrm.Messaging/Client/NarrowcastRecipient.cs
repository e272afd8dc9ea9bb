using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

/// <summary>A narrowcast's <c>recipient</c>: an audience, a redelivery of an earlier request, or and/or/not of those.</summary>
[JsonConverter(typeof(RecipientJsonConverter))]
public abstract record NarrowcastRecipient
{
    private protected NarrowcastRecipient()
    {
    }

    /// <summary>LINE's <c>type</c>: <c>audience</c>, <c>redelivery</c> or <c>operator</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }

    /// <summary>The users of an audience.</summary>
    public static NarrowcastRecipient Audience(long audienceGroupId) => new AudienceRecipient(audienceGroupId);

    /// <summary>The recipients of an earlier narrowcast.</summary>
    public static NarrowcastRecipient Redelivery(string requestId) => new RedeliveryRecipient(requestId);

    /// <summary>Those in all of <paramref name="recipients"/>.</summary>
    public static NarrowcastRecipient AllOf(params IEnumerable<NarrowcastRecipient> recipients) => new OperatorRecipient { And = [.. recipients] };

    /// <summary>Those in any of <paramref name="recipients"/>.</summary>
    public static NarrowcastRecipient AnyOf(params IEnumerable<NarrowcastRecipient> recipients) => new OperatorRecipient { Or = [.. recipients] };

    /// <summary>Everyone but <paramref name="recipient"/>.</summary>
    public static NarrowcastRecipient Except(NarrowcastRecipient recipient) => new OperatorRecipient { Not = recipient };
}

/// <summary>The users of an audience.</summary>
/// <param name="AudienceGroupId">The audience's id.</param>
public sealed record AudienceRecipient(long AudienceGroupId) : NarrowcastRecipient
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "audience";
}

/// <summary>The recipients of an earlier narrowcast.</summary>
/// <param name="RequestId">That narrowcast's request id.</param>
public sealed record RedeliveryRecipient(string RequestId) : NarrowcastRecipient
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "redelivery";
}

/// <summary>A logical combination of recipients; set exactly one of the three.</summary>
public sealed record OperatorRecipient : NarrowcastRecipient
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "operator";

    /// <summary>All of these.</summary>
    public IReadOnlyList<NarrowcastRecipient>? And { get; init; }

    /// <summary>Any of these.</summary>
    public IReadOnlyList<NarrowcastRecipient>? Or { get; init; }

    /// <summary>Not this one.</summary>
    public NarrowcastRecipient? Not { get; init; }
}

/// <summary>A recipient of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownRecipient : NarrowcastRecipient, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The recipient object.</param>
    public UnknownRecipient(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The recipient object as read.</summary>
    public JsonElement Json { get; }
}
