using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Decodes lowercase hex digits that are known to be valid (an <see cref="LineCrm.Identity.Identifier"/> checked them
/// when it was made) into bytes, four digits at a time in one machine word. Every lookup of a LINE id or a hashed
/// e-mail decodes its digits, and <see cref="Convert.FromHexString(ReadOnlySpan{char}, Span{byte}, out int, out int)"/>,
/// which must accept either case and report bad digits, took longer than the rest of an in-cache lookup.
/// </summary>
internal static class LowerHex
{
    /// <summary>
    /// Writes the bytes that <paramref name="digits"/> encode (two digits a byte, the high nibble first, as
    /// <see cref="Convert.FromHexString(string)"/> reads them) to <paramref name="bytes"/>.
    /// </summary>
    /// <param name="digits">Lowercase hex digits, a multiple of four; other characters give wrong bytes, not an error.</param>
    /// <param name="bytes">Exactly half as long as <paramref name="digits"/>.</param>
    public static void Decode(ReadOnlySpan<char> digits, Span<byte> bytes)
    {
        if (digits.Length != 2 * bytes.Length || digits.Length % 4 != 0)
        {
            throw new ArgumentException($"{digits.Length} hex digits do not fill {bytes.Length} bytes four digits at a time.", nameof(digits));
        }

        if (!BitConverter.IsLittleEndian)
        {
            Convert.FromHexString(digits, bytes, out _, out _);
            return;
        }

        ref var source = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(digits));
        for (var at = 0; at < bytes.Length; at += 2)
        {
            // Four UTF-16 digits, the first in the low 16 bits. '0'-'9' are 0x30-0x39 and 'a'-'f' 0x61-0x66: the
            // low four bits, plus 9 for a letter (bit 6 set), give each digit's value in its own 16-bit lane.
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, 4 * at));
            word = (word & 0x000F_000F_000F_000FUL) + (9 * ((word >> 6) & 0x0001_0001_0001_0001UL));

            // Lane 0 becomes digit 0 then digit 1, lane 2 digit 2 then digit 3; lanes 1 and 3 are discarded.
            word = (word << 4) | (word >> 16);
            bytes[at] = (byte)word;
            bytes[at + 1] = (byte)(word >> 32);
        }
    }
}
