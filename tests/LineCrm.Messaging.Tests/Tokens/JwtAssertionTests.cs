using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineCrm.Messaging.Tests.Support;
using LineCrm.Messaging.Tokens;

namespace LineCrm.Messaging.Tests.Tokens;

public sealed class JwtAssertionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_assertion_verifies_with_the_public_key_and_carries_lines_claims()
    {
        var (jwk, publicKey) = TestSigningKeys.NewKey();
        using var key = LineAssertionSigningKey.FromJwk(jwk, "kid-123");

        var jwt = LineJwtAssertion.Create(key, "1657000000", Now, TimeSpan.FromDays(2));

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        using var rsa = RSA.Create(publicKey);
        Assert.True(rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
            Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1));

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
        Assert.Equal("kid-123", header.RootElement.GetProperty("kid").GetString());
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var c = claims.RootElement;
        Assert.Equal("1657000000", c.GetProperty("iss").GetString());
        Assert.Equal("1657000000", c.GetProperty("sub").GetString());
        Assert.Equal("https://api.line.me/", c.GetProperty("aud").GetString());
        Assert.Equal(Now.AddMinutes(30).ToUnixTimeSeconds(), c.GetProperty("exp").GetInt64());
        Assert.Equal(2 * 24 * 3600, c.GetProperty("token_exp").GetInt64());
    }

    [Fact]
    public void A_tampered_payload_no_longer_verifies()
    {
        var (jwk, publicKey) = TestSigningKeys.NewKey();
        using var key = LineAssertionSigningKey.FromJwk(jwk, "kid-1");
        var parts = LineJwtAssertion.Create(key, "1657000000", Now).Split('.');
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("1657000000", "1657000001", StringComparison.Ordinal)));

        using var rsa = RSA.Create(publicKey);
        Assert.False(rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + forged), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Without_a_token_lifetime_token_exp_is_left_to_line()
    {
        var (jwk, _) = TestSigningKeys.NewKey();
        using var key = LineAssertionSigningKey.FromJwk(jwk, "kid-1");
        var payload = LineJwtAssertion.Create(key, "1", Now).Split('.')[1];
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
        Assert.False(claims.RootElement.TryGetProperty("token_exp", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    public void A_token_lifetime_outside_one_second_to_30_days_is_refused(int days)
    {
        var (jwk, _) = TestSigningKeys.NewKey();
        using var key = LineAssertionSigningKey.FromJwk(jwk, "kid-1");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LineJwtAssertion.Create(key, "1", Now, TimeSpan.FromDays(days)));
        Assert.Equal("tokenLifetime", error.ParamName);
    }

    [Fact]
    public void A_jwk_without_its_private_exponent_is_refused_naming_the_member()
    {
        var (jwk, _) = TestSigningKeys.NewKey();
        var node = JsonNode.Parse(jwk)!.AsObject();
        node.Remove("d");

        var error = Assert.Throws<ArgumentException>(() => LineAssertionSigningKey.FromJwk(node.ToJsonString(), "kid-1"));

        Assert.Contains("\"d\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("privateJwk", error.ParamName);
    }

    [Fact]
    public void Broken_json_and_non_rsa_keys_are_refused_without_echoing_the_secret()
    {
        var broken = Assert.Throws<ArgumentException>(() => LineAssertionSigningKey.FromJwk("{\"kty\":\"RSA\",\"d\":\"SECRETVALUE\"", "kid"));
        Assert.Contains("line 1", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", broken.Message, StringComparison.Ordinal);

        var ec = Assert.Throws<ArgumentException>(() => LineAssertionSigningKey.FromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\"}", "kid"));
        Assert.Contains("RSA", ec.Message, StringComparison.Ordinal);
    }
}
