using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>
/// A recursive-descent parser for the CEL grammar of the language definition, with the macros (<c>has</c>,
/// <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>) expanded into their own nodes. Every
/// error is a <see cref="CelSyntaxException"/> with line:column; every limit of <see cref="CelLimits"/> that the
/// text goes past (length, node count, nesting depth) is a <see cref="CelLimitExceededException"/>.
/// </summary>
internal sealed class Parser
{
    private static readonly HashSet<string> ReservedWords =
    [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    ];

    private readonly SourceText _source;
    private readonly CelLimits _limits;
    private readonly ParserOptions _options;
    private readonly List<Token> _tokens;
    private readonly List<int> _depths = [0];
    private int _index;
    private int _recursion;

    private Parser(SourceText source, List<Token> tokens, CelLimits limits, ParserOptions options)
    {
        _source = source;
        _tokens = tokens;
        _limits = limits;
        _options = options;
    }

    /// <summary>Parses <paramref name="text"/> within <paramref name="limits"/>, with the macros and dotted
    /// function names of <paramref name="options"/> (only the core macros when null).</summary>
    public static ParsedExpression Parse(string text, CelLimits? limits = null, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= CelLimits.Default;
        if (text.Length > limits.MaxExpressionLength)
        {
            throw new CelLimitExceededException(nameof(CelLimits.MaxExpressionLength), limits.MaxExpressionLength, 0, 0);
        }

        var source = new SourceText(text);
        RejectLoneSurrogates(source);
        var tokens = new Lexer(source).Tokenize();
        var parser = new Parser(source, tokens, limits, options ?? ParserOptions.Core);
        var root = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.EndOfInput)
        {
            throw parser.Unexpected("end of expression");
        }

        return new ParsedExpression(root, source, parser._depths.Count - 1);
    }

    private Token Current => _tokens[_index];

    private Token Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Expr ParseExpression()
    {
        _recursion++;

        // Every nested construct comes through here, so this is where a raised MaxNestingDepth meets the
        // thread's real stack: the limit error, not a stack overflow that would end the process.
        if (_recursion > _limits.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw LimitAt(nameof(CelLimits.MaxNestingDepth), _limits.MaxNestingDepth, Current.Offset);
        }

        var condition = ParseOr();
        if (Current.Kind == TokenKind.Question)
        {
            var question = Advance();
            var whenTrue = ParseOr();
            Expect(TokenKind.Colon, "':' of the conditional");
            var whenFalse = ParseExpression();
            condition = Call(question.Offset, null, Operators.Conditional, condition, whenTrue, whenFalse);
        }

        _recursion--;
        return condition;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.OrOr)
        {
            var op = Advance();
            left = Call(op.Offset, null, Operators.LogicalOr, left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseRelation();
        while (Current.Kind == TokenKind.AndAnd)
        {
            var op = Advance();
            left = Call(op.Offset, null, Operators.LogicalAnd, left, ParseRelation());
        }

        return left;
    }

    private Expr ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            var function = Current.Kind switch
            {
                TokenKind.Less => Operators.Less,
                TokenKind.LessEquals => Operators.LessEquals,
                TokenKind.Greater => Operators.Greater,
                TokenKind.GreaterEquals => Operators.GreaterEquals,
                TokenKind.EqualsEquals => Operators.Equal,
                TokenKind.NotEquals => Operators.NotEquals,
                TokenKind.In => Operators.In,
                _ => null,
            };
            if (function is null)
            {
                return left;
            }

            var op = Advance();
            left = Call(op.Offset, null, function, left, ParseAddition());
        }
    }

    private Expr ParseAddition()
    {
        var left = ParseMultiplication();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var function = op.Kind == TokenKind.Plus ? Operators.Add : Operators.Subtract;
            left = Call(op.Offset, null, function, left, ParseMultiplication());
        }

        return left;
    }

    private Expr ParseMultiplication()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var function = op.Kind switch
            {
                TokenKind.Star => Operators.Multiply,
                TokenKind.Slash => Operators.Divide,
                _ => Operators.Modulo,
            };
            left = Call(op.Offset, null, function, left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Not or TokenKind.Minus))
        {
            return ParseMember();
        }

        var operators = new List<Token>();
        while (Current.Kind is TokenKind.Not or TokenKind.Minus)
        {
            operators.Add(Advance());
        }

        Expr operand;
        if (operators[^1].Kind == TokenKind.Minus && IsBareNumber())
        {
            // A minus directly before a number literal is part of the literal, so the smallest int
            // (-9223372036854775808) can be written although its magnitude does not fit an int.
            var minus = operators[^1];
            operators.RemoveAt(operators.Count - 1);
            operand = NegativeLiteral(minus);
        }
        else
        {
            operand = ParseMember();
        }

        for (var i = operators.Count - 1; i >= 0; i--)
        {
            var op = operators[i];
            operand = Call(op.Offset, null, op.Kind == TokenKind.Not ? Operators.LogicalNot : Operators.Negate, operand);
        }

        return operand;
    }

    private bool IsBareNumber() =>
        Current.Kind is TokenKind.IntLiteral or TokenKind.DoubleLiteral
        && Peek(1).Kind is not (TokenKind.Dot or TokenKind.LeftBracket or TokenKind.LeftParen or TokenKind.LeftBrace);

    private Expr NegativeLiteral(Token minus)
    {
        var token = Advance();
        if (token.Kind == TokenKind.DoubleLiteral)
        {
            return Node(new LiteralExpr(NextId(), minus.Offset, LiteralKind.Double, -(double)token.Value!));
        }

        var value = token.Value switch
        {
            long small => -small,
            ulong big when big == 1UL << 63 => long.MinValue,
            _ => throw ErrorAt(token.Offset, $"integer literal -{token.Text} is out of range"),
        };
        return Node(new LiteralExpr(NextId(), minus.Offset, LiteralKind.Int, value));
    }

    private Expr ParseMember()
    {
        var operand = ParsePrimary();
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Dot:
                    {
                        var dot = Advance();
                        if (Current.Kind == TokenKind.Question)
                        {
                            // a.?b: the optional values extension's selection (an optional of field or key b).
                            Advance();
                            var fieldToken = Current;
                            var (field, _) = ExpectSelector();
                            var fieldName = Node(new LiteralExpr(NextId(), fieldToken.Offset, LiteralKind.String, field));
                            operand = Call(dot.Offset, null, Operators.OptionalSelect, operand, fieldName);
                            break;
                        }

                        var (name, quoted) = ExpectSelector();
                        if (Current.Kind == TokenKind.LeftParen && !quoted)
                        {
                            var open = Advance();
                            var args = ParseArguments(TokenKind.RightParen, "')' of the call");
                            operand = ReceiverCall(open.Offset, operand, name, args);
                        }
                        else if (Current.Kind == TokenKind.LeftBrace && !quoted && SyntaxTree.QualifiedName(operand) is { } prefix)
                        {
                            operand = ParseStruct(prefix + "." + name, operand.Offset);
                        }
                        else
                        {
                            operand = Node(new SelectExpr(NextId(), dot.Offset, operand, name, TestOnly: false), operand);
                        }

                        break;
                    }

                case TokenKind.LeftBracket:
                    {
                        var open = Advance();
                        var optional = Current.Kind == TokenKind.Question;
                        if (optional)
                        {
                            Advance();
                        }

                        var index = ParseExpression();
                        Expect(TokenKind.RightBracket, "']' of the index");
                        operand = Call(open.Offset, null, optional ? Operators.OptionalIndex : Operators.Index, operand, index);
                        break;
                    }

                default:
                    return operand;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.IntLiteral:
                Advance();
                if (token.Value is not long)
                {
                    throw ErrorAt(token.Offset, $"integer literal {token.Text} is out of range");
                }

                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.Int, token.Value));
            case TokenKind.UintLiteral:
                Advance();
                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.Uint, token.Value));
            case TokenKind.DoubleLiteral:
                Advance();
                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.Double, token.Value));
            case TokenKind.StringLiteral:
                Advance();
                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.String, token.Value));
            case TokenKind.BytesLiteral:
                Advance();
                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.Bytes, token.Value));
            case TokenKind.True or TokenKind.False:
                Advance();
                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.Bool, token.Kind == TokenKind.True));
            case TokenKind.Null:
                Advance();
                return Node(new LiteralExpr(NextId(), token.Offset, LiteralKind.Null, null));
            case TokenKind.LeftParen:
                {
                    Advance();
                    var inner = ParseExpression();
                    Expect(TokenKind.RightParen, "')'");
                    return inner;
                }

            case TokenKind.LeftBracket:
                {
                    Advance();
                    var optionals = new List<int>();
                    var elements = ParseArguments(TokenKind.RightBracket, "']' of the list", allowTrailingComma: true, optionals);
                    var list = new ListExpr(NextId(), token.Offset, elements, optionals.Count == 0 ? default : [.. optionals]);
                    return Node(list, elements);
                }

            case TokenKind.LeftBrace:
                return ParseMap();
            case TokenKind.Dot:
                {
                    // A leading dot names the root scope: .x is the global x even inside a comprehension over x.
                    Advance();
                    var name = ExpectIdentifier();
                    return ParseIdentifierRest("." + name, token.Offset);
                }

            case TokenKind.Identifier:
                {
                    var name = ExpectIdentifier();
                    return ParseIdentifierRest(name, token.Offset);
                }

            default:
                throw Unexpected("an expression");
        }
    }

    private Expr ParseIdentifierRest(string name, int offset)
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            var open = Advance();
            var args = ParseArguments(TokenKind.RightParen, "')' of the call");
            return GlobalCall(open.Offset, offset, name, args);
        }

        if (Current.Kind == TokenKind.LeftBrace)
        {
            return ParseStruct(name, offset);
        }

        return Node(new IdentExpr(NextId(), offset, name));
    }

    private Expr ParseMap()
    {
        var open = Advance();
        var entries = ImmutableArray.CreateBuilder<MapEntryExpr>();
        var children = new List<Expr>();
        while (Current.Kind != TokenKind.RightBrace)
        {
            // {?k: v}: the optional values extension's entry, present only when the optional v has a value.
            var optional = Current.Kind == TokenKind.Question;
            if (optional)
            {
                Advance();
            }

            var key = ParseExpression();
            var colon = Expect(TokenKind.Colon, "':' after the map key");
            var value = ParseExpression();
            entries.Add(new MapEntryExpr(NextEntryId(), colon.Offset, key, value, optional));
            children.Add(key);
            children.Add(value);
            if (Current.Kind != TokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(TokenKind.RightBrace, "'}' of the map");
        return Node(new MapExpr(NextId(), open.Offset, entries.ToImmutable()), children);
    }

    private StructExpr ParseStruct(string typeName, int offset)
    {
        if (typeName.StartsWith('.'))
        {
            typeName = typeName[1..];
        }

        Advance();
        var fields = ImmutableArray.CreateBuilder<FieldInitExpr>();
        var children = new List<Expr>();
        while (Current.Kind != TokenKind.RightBrace)
        {
            var fieldToken = Current;
            var (field, _) = ExpectSelector();
            Expect(TokenKind.Colon, "':' after the field name");
            var value = ParseExpression();
            fields.Add(new FieldInitExpr(NextEntryId(), fieldToken.Offset, field, value));
            children.Add(value);
            if (Current.Kind != TokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(TokenKind.RightBrace, "'}' of the object");
        return (StructExpr)Node(new StructExpr(NextId(), offset, typeName, fields.ToImmutable()), children);
    }

    private ImmutableArray<Expr> ParseArguments(TokenKind close, string expected, bool allowTrailingComma = false, List<int>? optionals = null)
    {
        var args = ImmutableArray.CreateBuilder<Expr>();
        if (Current.Kind != close)
        {
            while (true)
            {
                if (optionals is not null && Current.Kind == TokenKind.Question)
                {
                    // [?x]: an optional element of a list literal.
                    Advance();
                    optionals.Add(args.Count);
                }

                args.Add(ParseExpression());
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
                if (allowTrailingComma && Current.Kind == close)
                {
                    break;
                }
            }
        }

        Expect(close, expected);
        return args.ToImmutable();
    }

    private Expr GlobalCall(int offset, int nameOffset, string name, ImmutableArray<Expr> args)
    {
        if (name == Operators.Has)
        {
            if (args.Length != 1 || args[0] is not SelectExpr { TestOnly: false } select)
            {
                throw ErrorAt(nameOffset, "has() takes one field selection, as in has(a.b)");
            }

            return Node(select with { Id = NextId(), TestOnly = true }, select.Operand);
        }

        if (Expand(receiver: false, name.TrimStart('.'), new MacroCall(offset, null, args)) is { } expanded)
        {
            return expanded;
        }

        var call = new CallExpr(NextId(), offset, null, name.TrimStart('.'), args);
        return Node(call, args);
    }

    private Expr ReceiverCall(int offset, Expr target, string name, ImmutableArray<Expr> args)
    {
        var kind = (name, args.Length) switch
        {
            ("all", 2) => ComprehensionKind.All,
            ("exists", 2) => ComprehensionKind.Exists,
            ("exists_one", 2) => ComprehensionKind.ExistsOne,
            ("map", 2 or 3) => ComprehensionKind.Map,
            ("filter", 2) => ComprehensionKind.Filter,
            _ => (ComprehensionKind?)null,
        };
        if (kind is null)
        {
            if (Expand(receiver: true, name, new MacroCall(offset, target, args)) is { } expanded)
            {
                return expanded;
            }

            // math.abs(x): a dotted global function (or macro) of a library, not abs called on a variable math.
            if (SyntaxTree.QualifiedName(target) is { } prefix)
            {
                var qualified = prefix.TrimStart('.') + "." + name;
                if (Expand(receiver: false, qualified, new MacroCall(offset, null, args)) is { } global)
                {
                    return global;
                }

                if (_options.IsFunction(qualified))
                {
                    return Node(new CallExpr(NextId(), offset, null, qualified, args), args);
                }
            }

            return Node(new CallExpr(NextId(), offset, target, name, args), [target, .. args]);
        }

        if (args[0] is not IdentExpr { Name: var variable } || variable.StartsWith('.'))
        {
            throw ErrorAt(args[0].Offset, $"the first argument of {name}() must be a simple name");
        }

        var (predicate, transform) = (kind, args.Length) switch
        {
            (ComprehensionKind.Map, 2) => ((Expr?)null, (Expr?)args[1]),
            (ComprehensionKind.Map, _) => (args[1], args[2]),
            _ => (args[1], null),
        };
        var node = new ComprehensionExpr(NextId(), offset, kind.Value, target, variable, predicate, transform);
        return Node(node, [target, .. args]);
    }

    /// <summary>The expansion of a library macro matching the call, or null.</summary>
    private Expr? Expand(bool receiver, string name, MacroCall call)
    {
        if (_options.Macros.Count == 0)
        {
            return null;
        }

        if (!_options.Macros.TryGetValue(CelMacro.MacroKey(receiver, name, call.Args.Length), out var macro)
            && !_options.Macros.TryGetValue(CelMacro.MacroKey(receiver, name, CelMacro.AnyArgumentCount), out macro))
        {
            return null;
        }

        return macro.Expand(new Factory(this), call);
    }

    private string ExpectIdentifier()
    {
        var token = Current;
        if (token.Kind != TokenKind.Identifier)
        {
            throw Unexpected("a name");
        }

        if (ReservedWords.Contains(token.Text))
        {
            throw ErrorAt(token.Offset, $"'{token.Text}' is a reserved word and cannot be used as a name");
        }

        Advance();
        return token.Text;
    }

    private (string Name, bool Quoted) ExpectSelector()
    {
        var token = Current;
        if (token.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier)
        {
            Advance();
            return (token.Text, token.Kind == TokenKind.QuotedIdentifier);
        }

        throw Unexpected("a field name");
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(what);
        }

        return Advance();
    }

    private Token Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private int NextId()
    {
        var id = _depths.Count;
        if (id > _limits.MaxExpressionNodes)
        {
            throw LimitAt(nameof(CelLimits.MaxExpressionNodes), _limits.MaxExpressionNodes, Current.Offset);
        }

        _depths.Add(1);
        return id;
    }

    // Map entries and object fields share the id space so every id in a tree is unique.
    private int NextEntryId() => NextId();

    private Expr Call(int offset, Expr? target, string function, params Expr[] args) =>
        Node(new CallExpr(NextId(), offset, target, function, [.. args]), args);

    private Expr Node(Expr node, params IEnumerable<Expr> children)
    {
        var depth = 1;
        foreach (var child in children)
        {
            depth = Math.Max(depth, _depths[child.Id] + 1);
        }

        if (depth > _limits.MaxNestingDepth)
        {
            throw LimitAt(nameof(CelLimits.MaxNestingDepth), _limits.MaxNestingDepth, node.Offset);
        }

        _depths[node.Id] = depth;
        return node;
    }

    private CelSyntaxException Unexpected(string expected)
    {
        var token = Current;
        var found = token.Kind switch
        {
            TokenKind.EndOfInput => "the end of the expression",
            TokenKind.StringLiteral or TokenKind.BytesLiteral => "a string literal",
            _ => $"'{token.Text}'",
        };
        return ErrorAt(token.Offset, $"expected {expected} but found {found}");
    }

    private CelSyntaxException ErrorAt(int offset, string reason)
    {
        var (line, column) = _source.Locate(offset);
        return new CelSyntaxException(reason, line, column);
    }

    private CelLimitExceededException LimitAt(string name, long limit, int offset)
    {
        var (line, column) = _source.Locate(offset);
        return new CelLimitExceededException(name, limit, line, column);
    }

    /// <summary>Macro expansions get the parser's ids and depth accounting through this.</summary>
    private sealed class Factory(Parser parser) : MacroFactory
    {
        public override Expr Ident(int offset, string name) => parser.Node(new IdentExpr(parser.NextId(), offset, name));

        public override Expr Literal(int offset, LiteralKind kind, object? value) =>
            parser.Node(new LiteralExpr(parser.NextId(), offset, kind, value));

        public override Expr Call(int offset, Expr? target, string function, params Expr[] args) =>
            parser.Node(new CallExpr(parser.NextId(), offset, target, function, [.. args]), target is null ? args : [target, .. args]);

        public override Expr List(int offset, params Expr[] elements) =>
            parser.Node(new ListExpr(parser.NextId(), offset, [.. elements]), elements);

        public override Expr Bind(int offset, string variable, Expr init, Expr body) =>
            parser.Node(new BindExpr(parser.NextId(), offset, variable, init, body), init, body);

        public override Expr Comprehension(int offset, ComprehensionKind kind, Expr range, string variable, string? variable2, Expr? predicate, Expr? transform)
        {
            var node = new ComprehensionExpr(parser.NextId(), offset, kind, range, variable, predicate, transform, variable2);
            return parser.Node(node, new[] { range, predicate, transform }.OfType<Expr>());
        }

        public override CelSyntaxException Error(int offset, string reason) => parser.ErrorAt(offset, reason);
    }

    private static void RejectLoneSurrogates(SourceText source)
    {
        var text = source.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                var (line, column) = source.Locate(i);
                throw new CelSyntaxException("the text contains a lone UTF-16 surrogate (not valid Unicode)", line, column);
            }
        }
    }
}
