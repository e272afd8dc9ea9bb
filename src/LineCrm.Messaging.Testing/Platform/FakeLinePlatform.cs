using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// What the fake knows beyond sending: the channel's credentials and issued tokens, audiences, rich menus, content,
/// groups and the rest. Tests arrange it directly (register a key, add a group) and read it to check effects.
/// </summary>
public sealed partial class FakeLinePlatform
{
    private long _counter;

    /// <summary>The channel id the token endpoints accept.</summary>
    public string ChannelId { get; set; } = "1234567890";

    /// <summary>The channel secret the token endpoints accept.</summary>
    public string ChannelSecret { get; set; } = "fake-channel-secret";

    /// <summary>Public halves of Assertion Signing Keys by key id, as registered in the LINE Developers Console.</summary>
    public ConcurrentDictionary<string, RSAParameters> AssertionKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Tokens the fake issued and not yet revoked, by token; the fake accepts them as bearer tokens.</summary>
    public ConcurrentDictionary<string, FakeIssuedToken> IssuedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>True for a token the fake issued and that was not revoked.</summary>
    public bool IsValidIssuedToken(string token) => token.Length > 0 && IssuedTokens.ContainsKey(token);

    /// <summary>Rich menu ids the fake knows (for the rich-menu insights).</summary>
    public ConcurrentDictionary<string, bool> KnownRichMenus { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids of <see cref="KnownRichMenus"/>.</summary>
    public ICollection<string> KnownRichMenuIds => KnownRichMenus.Keys;

    /// <summary>A fresh number, unique within this fake.</summary>
    public long Next() => Interlocked.Increment(ref _counter);
}

/// <summary>A token the fake issued.</summary>
/// <param name="Kind">"v2.1", "stateless" or "short-lived".</param>
/// <param name="KeyId">The key id of a v2.1 token.</param>
/// <param name="ExpiresIn">Its lifetime in seconds.</param>
public sealed record FakeIssuedToken(string Kind, string? KeyId, long ExpiresIn);
