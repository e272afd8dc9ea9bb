using System.Text.RegularExpressions;
using LineCrm.Segmentation.Members;

namespace LineCrm.Campaigns.Personalization;

/// <summary>
/// One <c>{{field|fallback}}</c> in a message's text, and the member fact it stands for: <c>name</c> (the
/// <c>name</c> attribute), <c>lastViewed</c> (the target of the person's latest <c>page_viewed</c> interaction: the
/// product they looked at last), or <c>attribute.KEY</c> (any attribute). The fallback is what a person without
/// the fact gets, so it is required.
/// </summary>
internal sealed partial record Placeholder(string Field, string Fallback)
{
    public const string Name = "name";
    public const string LastViewed = "lastViewed";
    public const string AttributePrefix = "attribute.";

    [GeneratedRegex(@"\{\{(?<body>.*?)\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    public static partial Regex Pattern();

    /// <summary>Reads a placeholder's body (between the braces), or says what is wrong with it.</summary>
    public static Placeholder Parse(string body, string where)
    {
        var bar = body.IndexOf('|', StringComparison.Ordinal);
        var field = (bar < 0 ? body : body[..bar]).Trim();
        var fallback = bar < 0 ? null : body[(bar + 1)..];
        var known = field is Name or LastViewed || (field.StartsWith(AttributePrefix, StringComparison.Ordinal) && field.Length > AttributePrefix.Length);
        if (!known)
        {
            throw new ArgumentException(
                $"{where}: '{{{{{body}}}}}' names no member fact; use {{{{name|...}}}}, {{{{lastViewed|...}}}} or {{{{attribute.KEY|...}}}}.");
        }

        if (fallback is null)
        {
            throw new ArgumentException(
                $"{where}: '{{{{{body}}}}}' has no fallback for persons without the fact; write it as {{{{{field}|text for them}}}}.");
        }

        return new Placeholder(field, fallback);
    }

    /// <summary>The person's value of the field, or the fallback when they have none (or are unknown).</summary>
    public string ValueFor(MemberFacts? facts)
    {
        if (facts is null)
        {
            return Fallback;
        }

        var value = Field switch
        {
            Name => Attribute(facts, Name),
            LastViewed => facts.Interactions.Where(i => i.Kind == "page_viewed" && !string.IsNullOrWhiteSpace(i.Target)).MaxBy(i => i.At)?.Target,
            _ => Attribute(facts, Field[AttributePrefix.Length..]),
        };
        return string.IsNullOrWhiteSpace(value) ? Fallback : value.Trim();
    }

    private static string? Attribute(MemberFacts facts, string key) => facts.Attributes.TryGetValue(key, out var value) ? value : null;
}
