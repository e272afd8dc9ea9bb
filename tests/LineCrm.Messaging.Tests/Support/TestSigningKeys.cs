using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Tests.Support;

/// <summary>RSA keys made in the test, written out as the private JWK a LINE developer would generate.</summary>
internal static class TestSigningKeys
{
    public static (string PrivateJwk, RSAParameters PublicKey) NewKey()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(includePrivateParameters: true);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["alg"] = "RS256",
            ["use"] = "sig",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["d"] = Base64Url.EncodeToString(p.D),
            ["p"] = Base64Url.EncodeToString(p.P),
            ["q"] = Base64Url.EncodeToString(p.Q),
            ["dp"] = Base64Url.EncodeToString(p.DP),
            ["dq"] = Base64Url.EncodeToString(p.DQ),
            ["qi"] = Base64Url.EncodeToString(p.InverseQ),
        };
        return (jwk.ToJsonString(), rsa.ExportParameters(includePrivateParameters: false));
    }
}
