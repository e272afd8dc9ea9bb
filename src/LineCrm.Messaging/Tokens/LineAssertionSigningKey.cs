using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace LineCrm.Messaging.Tokens;

/// <summary>
/// The private half of a channel's Assertion Signing Key: an RSA key (JWK) whose public half is registered in the
/// LINE Developers Console, and the key id (<c>kid</c>) the console gave it. Signs v2.1 JWT assertions.
/// </summary>
public sealed class LineAssertionSigningKey : IDisposable
{
    private readonly RSA _rsa;

    private LineAssertionSigningKey(RSA rsa, string keyId)
    {
        _rsa = rsa;
        KeyId = keyId;
    }

    /// <summary>The key id (<c>kid</c>) LINE assigned when the public key was registered.</summary>
    public string KeyId { get; }

    /// <summary>Reads an RSA private key in JWK form (<c>{"kty":"RSA","n":…,"e":…,"d":…,"p":…,…}</c>).</summary>
    /// <param name="privateJwk">The JWK JSON of the private key, as generated for the LINE Developers Console.</param>
    /// <param name="keyId">The <c>kid</c> the console showed after registering the public key.</param>
    /// <exception cref="ArgumentException">The JWK is not JSON, not an RSA key, or lacks a private member (named).</exception>
    public static LineAssertionSigningKey FromJwk(string privateJwk, string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateJwk);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(privateJwk);
        }
        catch (JsonException e)
        {
            // The JWK is a secret: report where it broke, never its text.
            throw new ArgumentException($"The JWK is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", nameof(privateJwk), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Member(root, "kty", required: true, nameof(privateJwk)) is not "RSA")
            {
                throw new ArgumentException("The JWK must be an object with \"kty\": \"RSA\".", nameof(privateJwk));
            }

            var parameters = new RSAParameters
            {
                Modulus = Bytes(root, "n", nameof(privateJwk)),
                Exponent = Bytes(root, "e", nameof(privateJwk)),
                D = Bytes(root, "d", nameof(privateJwk)),
                P = Bytes(root, "p", nameof(privateJwk)),
                Q = Bytes(root, "q", nameof(privateJwk)),
                DP = Bytes(root, "dp", nameof(privateJwk)),
                DQ = Bytes(root, "dq", nameof(privateJwk)),
                InverseQ = Bytes(root, "qi", nameof(privateJwk)),
            };
            var rsa = RSA.Create();
            try
            {
                rsa.ImportParameters(parameters);
            }
            catch (CryptographicException e)
            {
                rsa.Dispose();
                throw new ArgumentException("The JWK's RSA parameters do not form a valid private key.", nameof(privateJwk), e);
            }

            return new LineAssertionSigningKey(rsa, keyId);
        }
    }

    /// <summary>Releases the RSA key.</summary>
    public void Dispose() => _rsa.Dispose();

    /// <summary>Names the key by its id only.</summary>
    public override string ToString() => $"LineAssertionSigningKey(kid={KeyId})";

    /// <summary>Signs <paramref name="data"/> with RS256 (RSASSA-PKCS1-v1_5 over SHA-256).</summary>
    internal byte[] SignRs256(ReadOnlySpan<byte> data) =>
        _rsa.SignData(data.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static string? Member(JsonElement root, string name, bool required, string paramName)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        return required
            ? throw new ArgumentException($"The JWK lacks the member \"{name}\" (a non-empty string); a private RSA JWK needs n, e, d, p, q, dp, dq and qi.", paramName)
            : null;
    }

    private static byte[] Bytes(JsonElement root, string name, string paramName)
    {
        var text = Member(root, name, required: true, paramName)!;
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"The JWK member \"{name}\" is not base64url.", paramName, e);
        }
    }
}
