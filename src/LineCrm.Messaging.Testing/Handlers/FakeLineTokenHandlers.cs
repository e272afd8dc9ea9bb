using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The channel-token endpoints: v2.1 tokens from JWT assertions whose RS256 signature is really verified against a
/// registered public key, stateless and short-lived tokens from the channel secret, verify and revoke.
/// </summary>
internal static class FakeLineTokenHandlers
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("issueChannelTokenByJWT", IssueByJwt);
        routes.HandleIfPresent("verifyChannelTokenByJWT", call => Verify(call, call.Query["access_token"].ToString()));
        routes.HandleIfPresent("revokeChannelTokenByJWT", RevokeByJwt);
        routes.HandleIfPresent("getsAllValidChannelAccessTokenKeyIds", KeyIds);
        routes.HandleIfPresent("issueStatelessChannelToken", IssueStateless);
        routes.HandleIfPresent("issueChannelToken", IssueShortLived);
        routes.HandleIfPresent("verifyChannelToken", call => Verify(call, Form(call)["access_token"].ToString()));
        routes.HandleIfPresent("revokeChannelToken", call =>
        {
            call.Server.Platform.IssuedTokens.TryRemove(Form(call)["access_token"].ToString(), out _);
            return FakeLineReply.Ok();
        });
    }

    /// <summary>LINE's OAuth-style error body.</summary>
    public static FakeLineReply OAuthError(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static Dictionary<string, StringValues> Form(FakeLineCall call) =>
        call.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(call.RawBody))
            : [];

    private static FakeLineReply IssueByJwt(FakeLineCall call)
    {
        var form = Form(call);
        if (form["grant_type"] != "client_credentials" || form["client_assertion_type"] != JwtBearer)
        {
            return OAuthError(400, "invalid_request", "grant_type must be client_credentials with a jwt-bearer assertion");
        }

        if (CheckAssertion(call.Server.Platform, form["client_assertion"].ToString(), out var claims) is { } problem)
        {
            return OAuthError(400, "invalid_client", problem);
        }

        var lifetime = claims.TryGetProperty("token_exp", out var tokenExp) ? tokenExp.GetInt64() : 30L * 24 * 3600;
        var keyId = "kid-" + call.Server.Platform.Next().ToString(CultureInfo.InvariantCulture);
        return Issue(call, "v2.1", keyId, lifetime);
    }

    private static FakeLineReply IssueStateless(FakeLineCall call)
    {
        var form = Form(call);
        if (form.ContainsKey("client_assertion"))
        {
            if (CheckAssertion(call.Server.Platform, form["client_assertion"].ToString(), out _) is { } problem)
            {
                return OAuthError(400, "invalid_client", problem);
            }
        }
        else if (CheckSecret(call.Server.Platform, form) is { } problem)
        {
            return problem;
        }

        return Issue(call, "stateless", keyId: null, 900);
    }

    private static FakeLineReply IssueShortLived(FakeLineCall call) =>
        CheckSecret(call.Server.Platform, Form(call)) ?? Issue(call, "short-lived", keyId: null, 30L * 24 * 3600);

    private static FakeLineReply Issue(FakeLineCall call, string kind, string? keyId, long lifetime)
    {
        var token = $"{kind}-token-{call.Server.Platform.Next()}";
        call.Server.Platform.IssuedTokens[token] = new FakeIssuedToken(kind, keyId, lifetime);
        var body = new JsonObject { ["access_token"] = token, ["expires_in"] = lifetime, ["token_type"] = "Bearer" };
        if (keyId is not null)
        {
            body["key_id"] = keyId;
        }

        return FakeLineReply.Ok(body);
    }

    private static FakeLineReply Verify(FakeLineCall call, string token) =>
        call.Server.Platform.IssuedTokens.TryGetValue(token, out var issued)
            ? FakeLineReply.Ok(new JsonObject
            {
                ["client_id"] = call.Server.Platform.ChannelId,
                ["expires_in"] = issued.ExpiresIn,
                ["scope"] = "profile chat_message.write",
            })
            : OAuthError(400, "invalid_request", "access token expired or revoked");

    private static FakeLineReply RevokeByJwt(FakeLineCall call)
    {
        var form = Form(call);
        if (CheckSecret(call.Server.Platform, form) is { } problem)
        {
            return problem;
        }

        call.Server.Platform.IssuedTokens.TryRemove(form["access_token"].ToString(), out _);
        return FakeLineReply.Ok();
    }

    private static FakeLineReply KeyIds(FakeLineCall call)
    {
        if (call.Query["client_assertion_type"] != JwtBearer
            || CheckAssertion(call.Server.Platform, call.Query["client_assertion"].ToString(), out _) is { } problem)
        {
            return OAuthError(400, "invalid_client", "a valid jwt-bearer client_assertion is required");
        }

        var kids = call.Server.Platform.IssuedTokens.Values.Where(t => t.KeyId is not null).Select(t => (JsonNode)t.KeyId!).ToArray();
        return FakeLineReply.Ok(new JsonObject { ["kids"] = new JsonArray(kids) });
    }

    private static FakeLineReply? CheckSecret(FakeLinePlatform platform, Dictionary<string, StringValues> form) =>
        form["client_id"] == platform.ChannelId && form["client_secret"] == platform.ChannelSecret
            ? null
            : OAuthError(400, "invalid_client", "client_id or client_secret is wrong");

    /// <summary>Checks the assertion as LINE does: a known kid, a valid RS256 signature, and the channel's claims.</summary>
    private static string? CheckAssertion(FakeLinePlatform platform, string assertion, out JsonElement claims)
    {
        claims = default;
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "the assertion is not a compact JWT";
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256"
            || !header.RootElement.TryGetProperty("kid", out var kid)
            || !platform.AssertionKeys.TryGetValue(kid.GetString()!, out var publicKey))
        {
            return "unknown kid or alg is not RS256";
        }

        using var rsa = RSA.Create(publicKey);
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!rsa.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "the assertion's signature does not verify";
        }

        claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
        if (claims.GetProperty("iss").GetString() != platform.ChannelId
            || claims.GetProperty("sub").GetString() != platform.ChannelId
            || claims.GetProperty("aud").GetString() != "https://api.line.me/")
        {
            return "iss, sub or aud is wrong";
        }

        return null;
    }
}
