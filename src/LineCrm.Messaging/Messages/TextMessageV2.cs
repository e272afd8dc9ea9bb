using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages;

/// <summary>
/// A text with placeholders (<c>textV2</c>): <c>{name}</c> in <see cref="Text"/> is replaced by the mention or emoji
/// in <see cref="Substitution"/> under <c>name</c>.
/// </summary>
/// <param name="Text">The text, 1 to 5,000 characters, with <c>{key}</c> placeholders.</param>
public sealed record TextMessageV2(string Text) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "textV2";

    /// <summary>What each placeholder stands for (at most 100).</summary>
    public IReadOnlyDictionary<string, Substitution>? Substitution { get; init; }

    /// <summary>The quote token of a message to quote.</summary>
    public string? QuoteToken { get; init; }
}

/// <summary>What a <see cref="TextMessageV2"/> placeholder stands for: a mention or a LINE emoji.</summary>
[JsonConverter(typeof(SubstitutionJsonConverter))]
public abstract record Substitution
{
    private protected Substitution()
    {
    }

    /// <summary><c>mention</c> or <c>emoji</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }
}

/// <summary>Mentions a user, or everyone in the group.</summary>
/// <param name="Mentionee">Who is mentioned.</param>
public sealed record MentionSubstitution(MentionTarget Mentionee) : Substitution
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "mention";

    /// <summary>Mentions one user.</summary>
    public static MentionSubstitution User(string userId) => new(new UserMentionTarget(userId));

    /// <summary>Mentions everyone in the chat.</summary>
    public static MentionSubstitution All() => new(new AllMentionTarget());
}

/// <summary>A LINE emoji.</summary>
/// <param name="ProductId">The emoji set's product id.</param>
/// <param name="EmojiId">The emoji's id.</param>
public sealed record EmojiSubstitution(string ProductId, string EmojiId) : Substitution
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "emoji";
}

/// <summary>A substitution of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownSubstitution : Substitution, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The substitution object.</param>
    public UnknownSubstitution(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}

/// <summary>Who a mention mentions.</summary>
[JsonConverter(typeof(MentionTargetJsonConverter))]
public abstract record MentionTarget
{
    private protected MentionTarget()
    {
    }

    /// <summary><c>user</c> or <c>all</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }
}

/// <summary>One user.</summary>
/// <param name="UserId">The user's id.</param>
public sealed record UserMentionTarget(string UserId) : MentionTarget
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "user";
}

/// <summary>Everyone in the group or room.</summary>
public sealed record AllMentionTarget : MentionTarget
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "all";
}

/// <summary>A mention target of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownMentionTarget : MentionTarget, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The target object.</param>
    public UnknownMentionTarget(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}
