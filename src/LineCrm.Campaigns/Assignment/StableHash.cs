using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Assignment;

/// <summary>
/// The assignment hash of docs/campaigns.md: SHA-256 over the UTF-8 of <c>purpose:key:person</c>, its first 8 bytes
/// read big-endian as an unsigned number, divided by 2^64. SHA-256 rather than a faster non-cryptographic hash
/// because it is specified once, everywhere (a shell's sha256sum reproduces it), and will never change with a
/// library version. One instance holds the UTF-8 of <c>purpose:key:</c>, so a person costs one hash and no allocation.
/// </summary>
internal sealed class StableHash
{
    /// <summary>2^64, exactly, as a double.</summary>
    private const double TwoToThe64 = 18446744073709551616.0;

    /// <summary>"P" and the 19 digits of the largest long.</summary>
    private const int MaxPersonBytes = 20;

    private readonly byte[] _prefix;

    public StableHash(string purpose, string key)
    {
        _prefix = Encoding.UTF8.GetBytes($"{purpose}:{key}:");
    }

    /// <summary>The first 8 bytes of the digest, big-endian.</summary>
    public ulong Prefix64(PersonId person)
    {
        Span<byte> input = stackalloc byte[_prefix.Length + MaxPersonBytes];
        _prefix.CopyTo(input);
        // The person's text form "P42" is ASCII, so its chars are its UTF-8 bytes.
        Span<char> text = stackalloc char[MaxPersonBytes];
        if (!person.TryFormat(text, out var written, default, null))
        {
            throw new ArgumentException("A person id could not be written out.", nameof(person));
        }

        for (var i = 0; i < written; i++)
        {
            input[_prefix.Length + i] = (byte)text[i];
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input[..(_prefix.Length + written)], digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary>
    /// The person's point in [0, 1]: <see cref="Prefix64"/> converted to the nearest double and divided by 2^64
    /// (exact, a power of two). The conversion can round up to 1.0 only for the top 2^10 values.
    /// </summary>
    public double Unit(PersonId person) => Prefix64(person) / TwoToThe64;
}
