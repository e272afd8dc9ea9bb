using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>
/// Decodes the body of a string or bytes literal: every escape of the language definition (<c>\a \b \f \n \r \t
/// \v \\ \? \" \' \`</c>, <c>\xHH</c>, <c>\uHHHH</c>, <c>\UHHHHHHHH</c>, octal <c>\ooo</c>). In strings the
/// numeric escapes are code points (surrogates are rejected); in bytes <c>\x</c> and octal escapes are octets.
/// Raw literals (<c>r"..."</c>) keep backslashes as they are.
/// </summary>
internal static class StringLiteralDecoder
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static string DecodeString(string body, bool raw, int bodyOffset, SourceText source)
    {
        if (raw || !body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length;)
        {
            if (body[i] != '\\')
            {
                builder.Append(body[i]);
                i++;
                continue;
            }

            var (codePoint, length, isOctet) = ReadEscape(body, i, bodyOffset, source, allowLongUnicode: true);
            _ = isOctet;
            builder.Append(char.ConvertFromUtf32(codePoint));
            i += length;
        }

        return builder.ToString();
    }

    public static ImmutableArray<byte> DecodeBytes(string body, bool raw, int bodyOffset, SourceText source)
    {
        var bytes = ImmutableArray.CreateBuilder<byte>(body.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < body.Length;)
        {
            if (body[i] == '\\' && !raw)
            {
                var (value, length, isOctet) = ReadEscape(body, i, bodyOffset, source, allowLongUnicode: false);
                if (isOctet)
                {
                    bytes.Add((byte)value);
                }
                else
                {
                    var written = new Rune(value).EncodeToUtf8(utf8);
                    bytes.AddRange(utf8[..written]);
                }

                i += length;
                continue;
            }

            var rune = Rune.GetRuneAt(body, i);
            var count = rune.EncodeToUtf8(utf8);
            bytes.AddRange(utf8[..count]);
            i += rune.Utf16SequenceLength;
        }

        return bytes.ToImmutable();
    }

    /// <summary>Reads the escape at <paramref name="index"/> (a backslash): its value, its length, and whether the
    /// value is an octet (<c>\x</c>, octal) rather than a code point.</summary>
    private static (int Value, int Length, bool IsOctet) ReadEscape(
        string body, int index, int bodyOffset, SourceText source, bool allowLongUnicode)
    {
        if (index + 1 >= body.Length)
        {
            throw Error(source, bodyOffset + index, "backslash at the end of a string literal");
        }

        var c = body[index + 1];
        switch (c)
        {
            case 'a': return (0x07, 2, false);
            case 'b': return (0x08, 2, false);
            case 'f': return (0x0C, 2, false);
            case 'n': return (0x0A, 2, false);
            case 'r': return (0x0D, 2, false);
            case 't': return (0x09, 2, false);
            case 'v': return (0x0B, 2, false);
            case '\\' or '?' or '"' or '\'' or '`': return (c, 2, false);
            case 'x' or 'X': return (Hex(body, index, 2, bodyOffset, source), 4, true);
            case 'u': return (CodePoint(Hex(body, index, 4, bodyOffset, source), index, bodyOffset, source), 6, false);
            case 'U' when allowLongUnicode:
                return (CodePoint(Hex(body, index, 8, bodyOffset, source), index, bodyOffset, source), 10, false);
            case 'U':
                throw Error(source, bodyOffset + index, @"\U escapes are not allowed in bytes literals");
            case >= '0' and <= '3':
                if (index + 3 < body.Length && body[index + 2] is >= '0' and <= '7' && body[index + 3] is >= '0' and <= '7')
                {
                    return (((c - '0') * 64) + ((body[index + 2] - '0') * 8) + (body[index + 3] - '0'), 4, true);
                }

                throw Error(source, bodyOffset + index, "octal escape needs three octal digits (\\000 to \\377)");
            default:
                throw Error(source, bodyOffset + index, $"invalid escape sequence \\{Lexer.Describe(body, index + 1).Trim('\'')}");
        }
    }

    private static int Hex(string body, int index, int digits, int bodyOffset, SourceText source)
    {
        var start = index + 2;
        if (start + digits > body.Length
            || !int.TryParse(body.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || body.AsSpan(start, digits).ContainsAnyExcept(HexDigits))
        {
            throw Error(source, bodyOffset + index, $"escape \\{body[index + 1]} needs {digits} hexadecimal digits");
        }

        return value;
    }

    private static int CodePoint(int value, int index, int bodyOffset, SourceText source)
    {
        if (!Rune.IsValid(value))
        {
            throw Error(source, bodyOffset + index, $"escape denotes an invalid code point U+{value:X4}");
        }

        return value;
    }

    private static CelSyntaxException Error(SourceText source, int offset, string reason)
    {
        var (line, column) = source.Locate(offset);
        return new CelSyntaxException(reason, line, column);
    }
}
