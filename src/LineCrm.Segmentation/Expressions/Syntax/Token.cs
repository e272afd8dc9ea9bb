namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>One lexical token: its kind, where it is, and for identifiers and literals its decoded value.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Offset">UTF-16 offset of its first character.</param>
/// <param name="Text">The identifier's name; for other tokens the source text.</param>
/// <param name="Value">A literal's value (long, ulong for <c>u</c> literals and for int magnitudes above
/// long.MaxValue, double, string, ImmutableArray&lt;byte&gt;); otherwise null.</param>
internal readonly record struct Token(TokenKind Kind, int Offset, string Text, object? Value = null);

/// <summary>The kinds of token.</summary>
internal enum TokenKind
{
    EndOfInput,
    Identifier,
    QuotedIdentifier,
    IntLiteral,
    UintLiteral,
    DoubleLiteral,
    StringLiteral,
    BytesLiteral,
    True,
    False,
    Null,
    In,
    Dot,
    Comma,
    Colon,
    Question,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Not,
    Less,
    LessEquals,
    Greater,
    GreaterEquals,
    EqualsEquals,
    NotEquals,
    AndAnd,
    OrOr,
}
