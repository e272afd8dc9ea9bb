using System.Globalization;

namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>
/// Reads numeric literals: decimal and <c>0x</c> hexadecimal integers, with <c>u</c>/<c>U</c> for uint, and
/// doubles (<c>1.5</c>, <c>.5</c>, <c>1e3</c>, <c>2.5E-3</c>). An int literal keeps its magnitude as ulong when it
/// is above long.MaxValue, because only the parser knows whether a minus sign makes it fit (the minimum int).
/// </summary>
internal static class NumberLiteral
{
    public static Token Read(string text, ref int position, SourceText source)
    {
        var start = position;
        if (text[position] == '0' && position + 1 < text.Length && text[position + 1] is 'x' or 'X')
        {
            position += 2;
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiHexDigit(text[position]))
            {
                position++;
            }

            if (position == digitsStart)
            {
                throw Error(source, start, "hexadecimal literal without digits");
            }

            return Integer(text, ref position, start, text[digitsStart..position], NumberStyles.AllowHexSpecifier, source);
        }

        var isDouble = false;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position + 1 < text.Length && text[position] == '.' && char.IsAsciiDigit(text[position + 1]))
        {
            isDouble = true;
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            var exponent = position + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                isDouble = true;
                position = exponent;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }
            }
            else if (isDouble)
            {
                throw Error(source, position, "exponent without digits");
            }
        }

        if (!isDouble)
        {
            return Integer(text, ref position, start, text[start..position], NumberStyles.None, source);
        }

        var literal = text[start..position];
        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw Error(source, start, $"double literal {literal} is out of range");
        }

        return new Token(TokenKind.DoubleLiteral, start, literal, value);
    }

    private static Token Integer(string text, ref int position, int start, string digits, NumberStyles style, SourceText source)
    {
        var unsigned = position < text.Length && text[position] is 'u' or 'U';
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var magnitude))
        {
            throw Error(source, start, $"integer literal {text[start..position]} is out of range");
        }

        if (unsigned)
        {
            position++;
            return new Token(TokenKind.UintLiteral, start, text[start..position], magnitude);
        }

        object value = magnitude <= long.MaxValue ? (long)magnitude : magnitude;
        return new Token(TokenKind.IntLiteral, start, text[start..position], value);
    }

    private static CelSyntaxException Error(SourceText source, int offset, string reason)
    {
        var (line, column) = source.Locate(offset);
        return new CelSyntaxException(reason, line, column);
    }
}
