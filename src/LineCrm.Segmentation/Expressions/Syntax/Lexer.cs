using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>
/// Splits CEL source text into tokens (the lexis of the language definition): identifiers, backtick-quoted
/// field names, int/uint/double literals, quoted, triple-quoted, raw and bytes strings with all escapes,
/// operators, and skips whitespace and <c>//</c> comments. Errors are <see cref="CelSyntaxException"/> with
/// line:column.
/// </summary>
internal sealed class Lexer(SourceText source)
{
    private readonly string _text = source.Text;
    private int _position;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfInput)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.EndOfInput, _text.Length, string.Empty);
        }

        var start = _position;
        var c = _text[_position];
        if (IsIdentifierStart(c))
        {
            return ReadIdentifierOrPrefixedString(start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
        {
            return NumberLiteral.Read(_text, ref _position, source);
        }

        if (c is '"' or '\'')
        {
            return ReadString(start, raw: false, bytes: false);
        }

        if (c == '`')
        {
            return ReadQuotedIdentifier(start);
        }

        _position++;
        var next = _position < _text.Length ? _text[_position] : '\0';
        TokenKind kind;
        switch (c)
        {
            case '.': kind = TokenKind.Dot; break;
            case ',': kind = TokenKind.Comma; break;
            case ':': kind = TokenKind.Colon; break;
            case '?': kind = TokenKind.Question; break;
            case '(': kind = TokenKind.LeftParen; break;
            case ')': kind = TokenKind.RightParen; break;
            case '[': kind = TokenKind.LeftBracket; break;
            case ']': kind = TokenKind.RightBracket; break;
            case '{': kind = TokenKind.LeftBrace; break;
            case '}': kind = TokenKind.RightBrace; break;
            case '+': kind = TokenKind.Plus; break;
            case '-': kind = TokenKind.Minus; break;
            case '*': kind = TokenKind.Star; break;
            case '/': kind = TokenKind.Slash; break;
            case '%': kind = TokenKind.Percent; break;
            case '!' when next == '=': _position++; kind = TokenKind.NotEquals; break;
            case '!': kind = TokenKind.Not; break;
            case '<' when next == '=': _position++; kind = TokenKind.LessEquals; break;
            case '<': kind = TokenKind.Less; break;
            case '>' when next == '=': _position++; kind = TokenKind.GreaterEquals; break;
            case '>': kind = TokenKind.Greater; break;
            case '=' when next == '=': _position++; kind = TokenKind.EqualsEquals; break;
            case '&' when next == '&': _position++; kind = TokenKind.AndAnd; break;
            case '|' when next == '|': _position++; kind = TokenKind.OrOr; break;
            default:
                throw Error(start, $"unexpected character {Describe(_text, start)}");
        }

        return new Token(kind, start, _text[start.._position]);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadIdentifierOrPrefixedString(int start)
    {
        // String prefixes: r"..", R"..", b"..", B"..", and b followed by r (br"..", bR"..", Br"..", BR"..").
        var c = _text[start];
        var afterFirst = start + 1 < _text.Length ? _text[start + 1] : '\0';
        var afterSecond = start + 2 < _text.Length ? _text[start + 2] : '\0';
        if (c is 'r' or 'R' && afterFirst is '"' or '\'')
        {
            _position = start + 1;
            return ReadString(start, raw: true, bytes: false);
        }

        if (c is 'b' or 'B')
        {
            if (afterFirst is '"' or '\'')
            {
                _position = start + 1;
                return ReadString(start, raw: false, bytes: true);
            }

            if (afterFirst is 'r' or 'R' && afterSecond is '"' or '\'')
            {
                _position = start + 2;
                return ReadString(start, raw: true, bytes: true);
            }
        }

        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        var name = _text[start.._position];
        var kind = name switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, name);
    }

    private Token ReadQuotedIdentifier(int start)
    {
        // `name` selects a field whose name is not an identifier, e.g. a map key with a dash or a dot.
        _position++;
        var nameStart = _position;
        while (_position < _text.Length && _text[_position] != '`')
        {
            var c = _text[_position];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/' or ' '))
            {
                throw Error(_position, $"character {Describe(_text, _position)} is not allowed in a quoted field name");
            }

            _position++;
        }

        if (_position >= _text.Length)
        {
            throw Error(start, "unterminated quoted field name");
        }

        var name = _text[nameStart.._position];
        _position++;
        if (name.Length == 0)
        {
            throw Error(start, "empty quoted field name");
        }

        return new Token(TokenKind.QuotedIdentifier, start, name);
    }

    private Token ReadString(int start, bool raw, bool bytes)
    {
        var quote = _text[_position];
        var triple = _position + 2 < _text.Length && _text[_position + 1] == quote && _text[_position + 2] == quote;
        var delimiterLength = triple ? 3 : 1;
        _position += delimiterLength;
        var bodyStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error(start, "unterminated string literal");
            }

            var c = _text[_position];
            if (!triple && c is '\n' or '\r')
            {
                throw Error(_position, "newline in a single-quoted string literal (use a triple-quoted string)");
            }

            if (c == '\\' && !raw)
            {
                // Skip the escaped character so an escaped quote does not end the literal; decoding validates it.
                _position = Math.Min(_position + 2, _text.Length);
                continue;
            }

            if (c == quote && (!triple || (_position + 2 < _text.Length && _text[_position + 1] == quote && _text[_position + 2] == quote)))
            {
                break;
            }

            _position++;
        }

        var body = _text[bodyStart.._position];
        _position += delimiterLength;
        var text = _text[start.._position];
        if (bytes)
        {
            return new Token(TokenKind.BytesLiteral, start, text, StringLiteralDecoder.DecodeBytes(body, raw, bodyStart, source));
        }

        return new Token(TokenKind.StringLiteral, start, text, StringLiteralDecoder.DecodeString(body, raw, bodyStart, source));
    }

    internal static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    internal static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    internal static string Describe(string text, int offset)
    {
        var rune = Rune.TryGetRuneAt(text, offset, out var r) ? r : new Rune(0xFFFD);
        return rune.Value is >= 0x20 and < 0x7F ? $"'{rune}'" : $"U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}";
    }

    private CelSyntaxException Error(int offset, string reason)
    {
        var (line, column) = source.Locate(offset);
        return new CelSyntaxException(reason, line, column);
    }
}
