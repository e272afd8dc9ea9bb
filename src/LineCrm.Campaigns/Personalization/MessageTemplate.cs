using System.Text.Json;
using System.Text.Json.Nodes;
using LineCrm.Messaging.Messages;
using LineCrm.Segmentation.Members;

namespace LineCrm.Campaigns.Personalization;

/// <summary>
/// A variant's messages with placeholders filled from each person's facts: any text in any message type
/// (a text message's text, a flex bubble's texts, an alt text) may hold <c>{{name|お客様}}</c>,
/// <c>{{lastViewed|おすすめ}}</c> or <c>{{attribute.tier|member}}</c>. Each placeholder carries the fallback that a
/// person without the fact receives. Checked when made: a message that breaks a LINE limit, an unknown field or a
/// placeholder without a fallback fails before anything is sent.
/// </summary>
public sealed class MessageTemplate
{
    private readonly JsonArray _tree;
    private readonly Placeholder[] _placeholders;
    private readonly PersonalMessages _fallback;

    /// <summary>Reads the placeholders of <paramref name="messages"/> and checks them.</summary>
    /// <param name="messages">1 to 5 messages.</param>
    /// <exception cref="ArgumentException">A message breaks a LINE limit, or a placeholder names an unknown fact or has no fallback.</exception>
    public MessageTemplate(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        MessageJson.Validate(messages);
        Messages = messages;
        _tree = JsonNode.Parse(MessageJson.Serialize(messages))!.AsArray();
        var found = new List<Placeholder>();
        foreach (var (text, path) in Strings(_tree, "messages"))
        {
            foreach (System.Text.RegularExpressions.Match match in Placeholder.Pattern().Matches(text))
            {
                found.Add(Placeholder.Parse(match.Groups["body"].Value, path));
            }
        }

        _placeholders = [.. found];
        Fields = [.. found.Select(p => p.Field).Distinct(StringComparer.Ordinal)];
        // A fallback is part of the text it replaces a placeholder in, so the messages with every fallback are no
        // longer than the messages as given, which passed LINE's limits above.
        _fallback = _placeholders.Length == 0 ? new PersonalMessages(MessageJson.Serialize(messages), messages, false) : Fill(null, usedFallback: true);
    }

    /// <summary>The messages as given, placeholders and all.</summary>
    public IReadOnlyList<Message> Messages { get; }

    /// <summary>The member facts the placeholders read, each once (<c>name</c>, <c>lastViewed</c>, <c>attribute.KEY</c>).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Whether any placeholder is there; without one every person gets the same messages.</summary>
    public bool IsPersonal => _placeholders.Length > 0;

    /// <summary>
    /// The messages for one person. A person whose own values would break a LINE limit (a name so long the text
    /// passes 5,000 characters) gets the fallbacks instead, and the result says so.
    /// </summary>
    /// <param name="facts">The person's facts; null for a person the store does not hold (they get the fallbacks).</param>
    /// <returns>The messages and their JSON.</returns>
    public PersonalMessages Render(MemberFacts? facts)
    {
        if (!IsPersonal || facts is null)
        {
            return _fallback;
        }

        var personal = Fill(facts, usedFallback: false);
        try
        {
            MessageJson.Validate(personal.Messages);
            return personal;
        }
        catch (ArgumentException)
        {
            return _fallback with { UsedFallback = true };
        }
    }

    private PersonalMessages Fill(MemberFacts? facts, bool usedFallback)
    {
        var tree = _tree.DeepClone().AsArray();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var placeholder in _placeholders)
        {
            values.TryAdd(placeholder.Field + "|" + placeholder.Fallback, placeholder.ValueFor(facts));
        }

        Replace(tree, text => Placeholder.Pattern().Replace(text, match =>
        {
            var placeholder = Placeholder.Parse(match.Groups["body"].Value, "messages");
            return values[placeholder.Field + "|" + placeholder.Fallback];
        }));
        var json = tree.ToJsonString();
        return new PersonalMessages(json, MessageJson.Deserialize(json), usedFallback);
    }

    private static IEnumerable<(string Text, string Path)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in Strings(array[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var found in Strings(child, $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return (value.GetValue<string>(), path);
                break;
        }
    }

    private static void Replace(JsonNode node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = JsonValue.Create(rewrite(value.GetValue<string>()));
                    }
                    else if (array[i] is { } child)
                    {
                        Replace(child, rewrite);
                    }
                }

                break;
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    if (obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = JsonValue.Create(rewrite(value.GetValue<string>()));
                    }
                    else if (obj[key] is { } child)
                    {
                        Replace(child, rewrite);
                    }
                }

                break;
        }
    }
}
