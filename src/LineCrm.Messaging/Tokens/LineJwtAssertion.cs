using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace LineCrm.Messaging.Tokens;

/// <summary>
/// Builds the JWT assertion that the v2.1 channel-token endpoints take as <c>client_assertion</c>: header
/// <c>{"alg":"RS256","typ":"JWT","kid":…}</c>, claims <c>iss</c> and <c>sub</c> (the channel id), <c>aud</c>
/// (<c>https://api.line.me/</c>), <c>exp</c> (at most 30 minutes ahead) and <c>token_exp</c> (the lifetime asked for
/// the channel access token, at most 30 days), signed with the channel's Assertion Signing Key.
/// </summary>
public static class LineJwtAssertion
{
    /// <summary>The audience LINE expects.</summary>
    public const string Audience = "https://api.line.me/";

    /// <summary>The longest an assertion may live (LINE's limit).</summary>
    public static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromMinutes(30);

    /// <summary>The longest a v2.1 channel access token may live (LINE's limit).</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>Creates and signs an assertion.</summary>
    /// <param name="key">The channel's Assertion Signing Key.</param>
    /// <param name="channelId">The channel id (numeric string from the console).</param>
    /// <param name="issuedAt">Now, from the caller's clock.</param>
    /// <param name="tokenLifetime">How long the access token issued with it should live; null leaves it to LINE (30 days). Ignored by the stateless endpoint.</param>
    /// <returns>The compact JWT (<c>header.payload.signature</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenLifetime"/> is not positive or exceeds 30 days.</exception>
    public static string Create(LineAssertionSigningKey key, string channelId, DateTimeOffset issuedAt, TimeSpan? tokenLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        if (tokenLifetime is { } lifetime && (lifetime <= TimeSpan.Zero || lifetime > MaxTokenLifetime))
        {
            throw new ArgumentOutOfRangeException(
                nameof(tokenLifetime), lifetime, $"The token lifetime must be positive and at most {MaxTokenLifetime.TotalDays} days.");
        }

        var header = Json(writer =>
        {
            writer.WriteString("alg", "RS256");
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", key.KeyId);
        });
        var payload = Json(writer =>
        {
            writer.WriteString("iss", channelId);
            writer.WriteString("sub", channelId);
            writer.WriteString("aud", Audience);
            writer.WriteNumber("exp", (issuedAt + MaxAssertionLifetime).ToUnixTimeSeconds());
            if (tokenLifetime is { } seconds)
            {
                writer.WriteNumber("token_exp", (long)seconds.TotalSeconds);
            }
        });

        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.SignRs256(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
