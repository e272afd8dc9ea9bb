using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// Rewrites an RE2 pattern (the syntax CEL's <c>matches</c> uses) into an equivalent .NET pattern for
/// <c>RegexOptions.NonBacktracking</c>: ASCII-only <c>\d \s \w</c>, <c>$</c> as the end of the text, POSIX
/// classes, RE2's Unicode classes (<c>\p{Greek}</c>, <c>\p{Han}</c>, <c>\pL</c>, through <see cref="Re2UnicodeClasses"/>,
/// matching code points above U+FFFF too), <c>(?P&lt;name&gt;)</c>, <c>\Q...\E</c>, <c>\x{...}</c>, code points
/// above U+FFFF as one unit, and RE2's limit of 1000 repetitions. Constructs RE2 rejects (backreferences, lookaround) are rejected here or by
/// the non-backtracking engine.
/// </summary>
internal static class Re2Translator
{
    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|.)";

    /// <summary>The .NET pattern, or null with <paramref name="error"/> when the pattern is not valid RE2.</summary>
    public static string? Translate(string pattern, out string? error)
    {
        error = null;
        var multiline = pattern.Contains("(?m", StringComparison.Ordinal) || pattern.Contains("(?sm", StringComparison.Ordinal)
            || pattern.Contains("(?im", StringComparison.Ordinal) || pattern.Contains("(?ism", StringComparison.Ordinal);
        var output = new StringBuilder(pattern.Length + 16);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (!Escape(pattern, ref i, output, inClass: false, out error))
                    {
                        return null;
                    }

                    continue;
                case '[':
                    if (!CharacterClass(pattern, ref i, output, out error))
                    {
                        return null;
                    }

                    continue;
                case '.':
                    output.Append(AnyCodePoint);
                    break;
                case '$':
                    output.Append(multiline ? "$" : @"\z");
                    break;
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?':
                    if (pattern[i + 2] == 'P' && i + 3 < pattern.Length && pattern[i + 3] == '<')
                    {
                        output.Append("(?<");
                        i += 4;
                        continue;
                    }

                    if (pattern[i + 2] is '=' or '!' or '<' or '>' or '(' or '#')
                    {
                        error = "lookaround, atomic groups, conditionals and comments are not RE2 syntax";
                        return null;
                    }

                    var flagsEnd = pattern.IndexOfAny([':', ')'], i + 2);
                    if (flagsEnd > 0 && pattern.AsSpan(i + 2, flagsEnd - i - 2).Contains('U'))
                    {
                        error = "the U (ungreedy) flag is not supported";
                        return null;
                    }

                    output.Append(c);
                    break;
                case '{':
                    if (!Repetition(pattern, i, out error))
                    {
                        return null;
                    }

                    output.Append(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length)
                    {
                        // A code point above U+FFFF is two UTF-16 units: group them so a quantifier applies to both.
                        output.Append("(?:").Append(c).Append(pattern[i + 1]).Append(')');
                        i += 2;
                        continue;
                    }

                    output.Append(c);
                    break;
            }

            i++;
        }

        return output.ToString();
    }

    private static bool Escape(string pattern, ref int i, StringBuilder output, bool inClass, out string? error)
    {
        error = null;
        if (i + 1 >= pattern.Length)
        {
            error = "trailing backslash";
            return false;
        }

        var next = pattern[i + 1];
        string? replacement = next switch
        {
            'd' => inClass ? "0-9" : "[0-9]",
            'D' => inClass ? @"\D" : "[^0-9]",
            's' => inClass ? @"\t\n\f\r " : @"[\t\n\f\r ]",
            'S' => inClass ? @"\S" : @"[^\t\n\f\r ]",
            'w' => inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]",
            'W' => inClass ? @"\W" : "[^0-9A-Za-z_]",
            _ => null,
        };
        if (replacement is not null)
        {
            output.Append(replacement);
            i += 2;
            return true;
        }

        switch (next)
        {
            case 'Q' when !inClass:
                {
                    var end = pattern.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    output.Append("(?:").Append(System.Text.RegularExpressions.Regex.Escape(literal)).Append(')');
                    i = end < 0 ? pattern.Length : end + 2;
                    return true;
                }

            case 'p' or 'P':
                {
                    // A class with \p{...} in brackets is read whole by Re2UnicodeClasses, so this is one on its own.
                    var set = Re2UnicodeClasses.ReadProperty(pattern, ref i, out error);
                    if (set is null)
                    {
                        return false;
                    }

                    output.Append(set.ToPattern());
                    return true;
                }
            case 'x' when i + 2 < pattern.Length && pattern[i + 2] == '{':
                {
                    var close = pattern.IndexOf('}', i + 3);
                    if (close < 0 || !int.TryParse(pattern.AsSpan(i + 3, close - i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                        || !Rune.IsValid(codePoint))
                    {
                        error = "invalid \\x{...} escape";
                        return false;
                    }

                    var text = char.ConvertFromUtf32(codePoint);
                    output.Append(text.Length == 1 || inClass
                        ? System.Text.RegularExpressions.Regex.Escape(text)
                        : "(?:" + text + ")");
                    i = close + 1;
                    return true;
                }

            case 'C':
                error = @"\C is not supported";
                return false;
            case >= '1' and <= '9' when !inClass:
                error = "backreferences are not RE2 syntax";
                return false;
            default:
                output.Append('\\').Append(next);
                i += 2;
                return true;
        }
    }

    private static bool CharacterClass(string pattern, ref int i, StringBuilder output, out string? error)
    {
        if (Re2UnicodeClasses.HasUnicodeClass(pattern, i))
        {
            return Re2UnicodeClasses.TranslateClass(pattern, ref i, output, out error);
        }

        error = null;
        output.Append('[');
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            output.Append('^');
            i++;
        }

        // A ']' right after the opening bracket is a literal in RE2.
        if (i < pattern.Length && pattern[i] == ']')
        {
            output.Append(@"\]");
            i++;
        }

        while (i < pattern.Length && pattern[i] != ']')
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (!Escape(pattern, ref i, output, inClass: true, out error))
                {
                    return false;
                }

                continue;
            }

            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                var name = end < 0 ? null : pattern[(i + 2)..end];
                var members = name switch
                {
                    "alpha" => "a-zA-Z",
                    "digit" => "0-9",
                    "alnum" => "0-9A-Za-z",
                    "upper" => "A-Z",
                    "lower" => "a-z",
                    "space" => @"\t\n\v\f\r ",
                    "blank" => @"\t ",
                    "punct" => @"!-/:-@\[-`{-~",
                    "xdigit" => "0-9A-Fa-f",
                    "word" => "0-9A-Za-z_",
                    "cntrl" => @"\x00-\x1F\x7F",
                    "print" => " -~",
                    "graph" => "!-~",
                    "ascii" => @"\x00-\x7F",
                    _ => null,
                };
                if (members is null)
                {
                    error = $"unknown or unsupported character class [:{name}:]";
                    return false;
                }

                output.Append(members);
                i = end + 2;
                continue;
            }

            // '[' is literal inside an RE2 class; escape it so .NET does not read class subtraction.
            output.Append(c == '[' ? @"\[" : c.ToString());
            i++;
        }

        if (i >= pattern.Length)
        {
            error = "missing ] of a character class";
            return false;
        }

        output.Append(']');
        i++;
        return true;
    }

    private static bool Repetition(string pattern, int i, out string? error)
    {
        error = null;
        var close = pattern.IndexOf('}', i);
        if (close < 0)
        {
            return true;
        }

        foreach (var part in pattern[(i + 1)..close].Split(','))
        {
            if (part.Length > 0 && (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 1000))
            {
                error = "repeat counts above 1000 are not allowed (RE2)";
                return false;
            }
        }

        return true;
    }
}
