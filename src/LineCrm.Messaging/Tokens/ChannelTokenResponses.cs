using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Tokens;

/// <summary>A channel access token LINE issued.</summary>
/// <param name="AccessToken">The token; a secret, never log it.</param>
/// <param name="ExpiresIn">Seconds until it expires, counted from issue.</param>
/// <param name="TokenType"><c>Bearer</c>.</param>
public sealed record IssuedChannelToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType)
{
    /// <summary>The key id of a v2.1 token (needed to revoke it by key id); null for other kinds.</summary>
    [JsonPropertyName("key_id")]
    public string? KeyId { get; init; }

    /// <summary>How long it lives, as a <see cref="TimeSpan"/>.</summary>
    [JsonIgnore]
    public TimeSpan Lifetime => TimeSpan.FromSeconds(ExpiresIn);

    /// <summary>Hides the token.</summary>
    public override string ToString() => $"IssuedChannelToken(****, expires in {ExpiresIn} s, kid={KeyId})";
}

/// <summary>What LINE says about a channel access token (<c>verifyChannelToken</c>, <c>verifyChannelTokenByJWT</c>).</summary>
/// <param name="ClientId">The channel id the token belongs to.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
public sealed record ChannelTokenInfo(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("expires_in")] long ExpiresIn)
{
    /// <summary>The token's permissions, when LINE says.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }
}

/// <summary>The key ids of every valid v2.1 token of the channel.</summary>
/// <param name="Kids">The key ids.</param>
public sealed record ChannelTokenKeyIds([property: JsonPropertyName("kids")] IReadOnlyList<string> Kids);
