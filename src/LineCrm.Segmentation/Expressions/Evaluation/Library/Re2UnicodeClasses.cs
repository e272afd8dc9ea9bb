using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// RE2's Unicode classes for the translator: <c>\pL</c>, <c>\p{Greek}</c>, <c>\P{Han}</c>, <c>\p{^Lu}</c>, on their
/// own or inside a bracketed class (<c>[\p{Hiragana}\p{Katakana}ー]</c>, <c>[^\p{L}\d]</c>). A bracketed class that
/// holds one is read whole into a <see cref="CodePointSet"/>, because .NET's own <c>\p{L}</c> matches UTF-16
/// units and would miss letters above U+FFFF (most of the Han ideographs of the extensions, for one).
/// </summary>
internal static class Re2UnicodeClasses
{
    private static readonly CodePointSet Digits = CodePointSet.Of([('0', '9')]);
    private static readonly CodePointSet Spaces = CodePointSet.Of([('\t', '\n'), ('\f', '\r'), (' ', ' ')]);
    private static readonly CodePointSet WordCharacters = CodePointSet.Of([('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')]);

    private static readonly Dictionary<string, CodePointSet> Posix = new(StringComparer.Ordinal)
    {
        ["alpha"] = CodePointSet.Of([('a', 'z'), ('A', 'Z')]),
        ["digit"] = Digits,
        ["alnum"] = CodePointSet.Of([('0', '9'), ('A', 'Z'), ('a', 'z')]),
        ["upper"] = CodePointSet.Of([('A', 'Z')]),
        ["lower"] = CodePointSet.Of([('a', 'z')]),
        ["space"] = CodePointSet.Of([('\t', '\r'), (' ', ' ')]),
        ["blank"] = CodePointSet.Of([('\t', '\t'), (' ', ' ')]),
        ["punct"] = CodePointSet.Of([('!', '/'), (':', '@'), ('[', '`'), ('{', '~')]),
        ["xdigit"] = CodePointSet.Of([('0', '9'), ('A', 'F'), ('a', 'f')]),
        ["word"] = WordCharacters,
        ["cntrl"] = CodePointSet.Of([(0, 0x1F), (0x7F, 0x7F)]),
        ["print"] = CodePointSet.Of([(' ', '~')]),
        ["graph"] = CodePointSet.Of([('!', '~')]),
        ["ascii"] = CodePointSet.Of([(0, 0x7F)]),
    };

    /// <summary>
    /// Reads <c>\p...</c> or <c>\P...</c> at <paramref name="i"/> (the backslash): the set, and the index after it;
    /// null with <paramref name="error"/> for a class RE2 does not have.
    /// </summary>
    public static CodePointSet? ReadProperty(string pattern, ref int i, out string? error)
    {
        error = null;
        var negated = pattern[i + 1] == 'P';
        string name;
        if (i + 2 < pattern.Length && pattern[i + 2] == '{')
        {
            var close = pattern.IndexOf('}', i + 3);
            if (close < 0)
            {
                error = "missing } of a \\p{...} class";
                return null;
            }

            name = pattern[(i + 3)..close];
            i = close + 1;
        }
        else if (i + 2 < pattern.Length)
        {
            name = pattern[i + 2].ToString();
            i += 3;
        }
        else
        {
            error = "\\p without a class name";
            return null;
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var set = CodePointSet.Named(name);
        if (set is null)
        {
            error = $"unknown Unicode class \\p{{{name}}}";
            return null;
        }

        return negated ? set.Complement() : set;
    }

    /// <summary>Whether the bracketed class starting at <paramref name="start"/> (its <c>[</c>) names a Unicode class.</summary>
    public static bool HasUnicodeClass(string pattern, int start)
    {
        for (var i = start + 1; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                if (pattern[i + 1] is 'p' or 'P')
                {
                    return true;
                }

                i++;
            }
            else if (pattern[i] == ']' && i > start + 1 && !(i == start + 2 && pattern[start + 1] == '^'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the bracketed class at <paramref name="i"/> (its <c>[</c>) into a set and writes the pattern matching
    /// one of its code points; false with <paramref name="error"/> when the class is not valid RE2.
    /// </summary>
    public static bool TranslateClass(string pattern, ref int i, StringBuilder output, out string? error)
    {
        error = null;
        var ranges = new List<(int First, int Last)>();
        i++;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var first = true;
        while (i < pattern.Length && (pattern[i] != ']' || first))
        {
            first = false;
            if (pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                var name = end < 0 ? string.Empty : pattern[(i + 2)..end];
                var negatedPosix = name.StartsWith('^');
                if (!Posix.TryGetValue(negatedPosix ? name[1..] : name, out var posix))
                {
                    error = $"unknown or unsupported character class [:{name}:]";
                    return false;
                }

                ranges.AddRange((negatedPosix ? posix.Complement() : posix).Ranges);
                i = end + 2;
                continue;
            }

            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is 'p' or 'P' or 'd' or 'D' or 's' or 'S' or 'w' or 'W')
            {
                var set = ReadClassEscape(pattern, ref i, out error);
                if (set is null)
                {
                    return false;
                }

                ranges.AddRange(set.Ranges);
                continue;
            }

            if (!ReadCodePoint(pattern, ref i, out var low, out error))
            {
                return false;
            }

            var high = low;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                if (!ReadCodePoint(pattern, ref i, out high, out error))
                {
                    return false;
                }

                if (high < low)
                {
                    error = "invalid character class range";
                    return false;
                }
            }

            ranges.Add((low, high));
        }

        if (i >= pattern.Length)
        {
            error = "missing ] of a character class";
            return false;
        }

        i++;
        var result = CodePointSet.Of(ranges);
        output.Append((negated ? result.Complement() : result).ToPattern());
        return true;
    }

    private static CodePointSet? ReadClassEscape(string pattern, ref int i, out string? error)
    {
        error = null;
        var letter = pattern[i + 1];
        if (letter is 'p' or 'P')
        {
            return ReadProperty(pattern, ref i, out error);
        }

        i += 2;
        return letter switch
        {
            'd' => Digits,
            'D' => Digits.Complement(),
            's' => Spaces,
            'S' => Spaces.Complement(),
            'w' => WordCharacters,
            _ => WordCharacters.Complement(),
        };
    }

    // One code point of a class: a character (a surrogate pair as one), or an escaped one.
    private static bool ReadCodePoint(string pattern, ref int i, out int codePoint, out string? error)
    {
        error = null;
        var c = pattern[i];
        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, pattern[i + 1]);
                i += 2;
                return true;
            }

            codePoint = c;
            i++;
            return true;
        }

        if (i + 1 >= pattern.Length)
        {
            (codePoint, error) = (0, "trailing backslash");
            return false;
        }

        var next = pattern[i + 1];
        switch (next)
        {
            case 'x':
                return ReadHex(pattern, ref i, out codePoint, out error);
            case 'n' or 't' or 'r' or 'f' or 'v' or 'a':
                codePoint = next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'f' => '\f', 'v' => '\v', _ => '\a' };
                i += 2;
                return true;
            case var _ when char.IsAsciiLetterOrDigit(next):
                (codePoint, error) = (0, $"unsupported escape \\{next} in a character class");
                return false;
            default:
                codePoint = next;
                i += 2;
                return true;
        }
    }

    // \xHH or \x{H...} at i.
    private static bool ReadHex(string pattern, ref int i, out int codePoint, out string? error)
    {
        error = null;
        int from, to;
        if (i + 2 < pattern.Length && pattern[i + 2] == '{')
        {
            from = i + 3;
            to = pattern.IndexOf('}', from);
            i = to + 1;
        }
        else
        {
            from = i + 2;
            to = Math.Min(pattern.Length, i + 4);
            i = to;
        }

        if (to < from || !int.TryParse(pattern.AsSpan(from, to - from), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint)
            || codePoint > CodePointSet.MaxCodePoint)
        {
            (codePoint, error) = (0, "invalid \\x escape");
            return false;
        }

        return true;
    }
}
