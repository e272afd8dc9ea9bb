using System.Globalization;
using System.Text;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The functions of the strings extension, as cel-go defines them: positions and lengths count Unicode code
/// points (not UTF-16 units), <c>lowerAscii</c> and <c>upperAscii</c> change ASCII letters only, and <c>trim</c>
/// removes Unicode white space. Typed, and throwing <see cref="CelRuntimeError"/>, so compiled segment code calls
/// them directly.
/// </summary>
internal static class StringsFunctions
{
    public static string CharAt(string text, long index)
    {
        var length = CodePoints.Count(text);
        if (index < 0 || index > length)
        {
            throw OutOfRange(index);
        }

        if (index == length)
        {
            return string.Empty;
        }

        var start = CodePoints.CharOffset(text, index);
        return text.Substring(start, char.IsHighSurrogate(text[start]) ? 2 : 1);
    }

    public static long IndexOf(string text, string part) => IndexOf(text, part, 0);

    public static long IndexOf(string text, string part, long offset)
    {
        var length = CodePoints.Count(text);
        if (offset < 0 || offset > length)
        {
            throw OutOfRange(offset);
        }

        var found = text.IndexOf(part, CodePoints.CharOffset(text, offset), StringComparison.Ordinal);
        return found < 0 ? -1 : CodePoints.CountBefore(text, found);
    }

    public static long LastIndexOf(string text, string part) =>
        part.Length == 0 ? CodePoints.Count(text) : LastIndexOf(text, part, CodePoints.Count(text));

    public static long LastIndexOf(string text, string part, long offset)
    {
        var length = CodePoints.Count(text);
        if (offset < 0 || offset > length)
        {
            throw OutOfRange(offset);
        }

        // The match may start at the offset or before it (and run past it), as in cel-go.
        var partLength = CodePoints.Count(part);
        var lastStart = Math.Min(offset, length - partLength);
        if (lastStart < 0)
        {
            return -1;
        }

        if (part.Length == 0)
        {
            // Found where it may start; asking .NET would pass it a start index of -1, which it refuses.
            return lastStart;
        }

        var charStart = CodePoints.CharOffset(text, lastStart);
        var found = text.LastIndexOf(part, Math.Min(text.Length - 1, charStart + part.Length - 1), StringComparison.Ordinal);
        return found < 0 ? -1 : CodePoints.CountBefore(text, found);
    }

    public static string LowerAscii(string text) => MapAscii(text, 'A', 'Z', 'a' - 'A');

    public static string UpperAscii(string text) => MapAscii(text, 'a', 'z', 'A' - 'a');

    public static string Replace(string text, string old, string replacement) => Replace(text, old, replacement, -1);

    /// <summary>Replaces the first <paramref name="count"/> occurrences (all when negative); an empty
    /// <paramref name="old"/> matches before every code point and at the end, as in Go.</summary>
    public static string Replace(string text, string old, string replacement, long count)
    {
        if (count == 0 || old == replacement)
        {
            return text;
        }

        if (count < 0 && old.Length > 0)
        {
            return text.Replace(old, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        long done = 0;
        while (count < 0 || done < count)
        {
            int match;
            if (old.Length == 0)
            {
                if (position > text.Length)
                {
                    break;
                }

                match = position;
            }
            else
            {
                match = text.IndexOf(old, position, StringComparison.Ordinal);
                if (match < 0)
                {
                    break;
                }
            }

            builder.Append(text, position, match - position).Append(replacement);
            done++;
            if (old.Length == 0)
            {
                if (match == text.Length)
                {
                    position = match + 1;
                    break;
                }

                var step = char.IsHighSurrogate(text[match]) && match + 1 < text.Length ? 2 : 1;
                builder.Append(text, match, step);
                position = match + step;
            }
            else
            {
                position = match + old.Length;
            }
        }

        if (position < text.Length)
        {
            builder.Append(text, position, text.Length - position);
        }

        return builder.ToString();
    }

    public static CelList Split(string text, string separator) => Split(text, separator, -1);

    /// <summary>At most <paramref name="limit"/> parts (the last holds the rest); all when negative; none for 0.
    /// An empty separator splits into code points.</summary>
    public static CelList Split(string text, string separator, long limit)
    {
        if (limit == 0)
        {
            return CelList.Empty;
        }

        var parts = new List<object>();
        var position = 0;
        while (limit < 0 || parts.Count < limit - 1)
        {
            int next;
            int skip;
            if (separator.Length == 0)
            {
                if (position >= text.Length)
                {
                    break;
                }

                next = position + (char.IsHighSurrogate(text[position]) && position + 1 < text.Length ? 2 : 1);
                skip = 0;
                if (next >= text.Length)
                {
                    break;
                }
            }
            else
            {
                next = text.IndexOf(separator, position, StringComparison.Ordinal);
                skip = separator.Length;
                if (next < 0)
                {
                    break;
                }
            }

            parts.Add(text[position..next]);
            position = next + skip;
        }

        if (separator.Length > 0 || position < text.Length)
        {
            parts.Add(text[position..]);
        }

        return new CelList(parts);
    }

    public static string Substring(string text, long start) => Substring(text, start, CodePoints.Count(text));

    public static string Substring(string text, long start, long end)
    {
        if (start > end)
        {
            throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"invalid substring range. start: {start}, end: {end}");
        }

        var length = CodePoints.Count(text);
        if (start < 0 || start > length)
        {
            throw OutOfRange(start);
        }

        if (end > length)
        {
            throw OutOfRange(end);
        }

        var from = CodePoints.CharOffset(text, start);
        return text[from..CodePoints.CharOffset(text, end)];
    }

    // .NET's white space (char.IsWhiteSpace) is Unicode's White_Space property, as Go's unicode.IsSpace.
    public static string Trim(string text) => text.Trim();

    public static string Join(CelList list, string separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (list.Items[i] is not string item)
            {
                throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"join: element {i} is a {CelValueTypes.TypeName(list.Items[i])}, not a string");
            }

            if (i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(item);
        }

        return builder.ToString();
    }

    /// <summary>The text as a CEL string literal in double quotes, with the usual escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        // A lone surrogate is not text; cel-go writes invalid UTF-8 as the replacement character.
                        builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The code points in reverse order.</summary>
    public static string Reverse(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var runes = text.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        var builder = new StringBuilder(text.Length);
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private static string MapAscii(string text, char from, char to, int shift)
    {
        var first = text.AsSpan().IndexOfAnyInRange(from, to);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, from, to, shift), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] >= state.from && span[i] <= state.to)
                {
                    span[i] = (char)(span[i] + state.shift);
                }
            }
        });
    }

    private static CelRuntimeError OutOfRange(long index) =>
        new(CelRuntimeError.InvalidArgument, "index out of range: " + index.ToString(CultureInfo.InvariantCulture));
}
