using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// For random valid bodies with one value replaced by a value of another JSON kind: the body still parses, every
/// other event reads exactly as in the unchanged body, and only the changed event can be degraded.
/// </summary>
public sealed class WebhookDegradationPropertyTests
{
    private static readonly string[] Pool =
    [
        WebhookFixtures.Message(WebhookFixtures.TextContent), WebhookFixtures.Message(WebhookFixtures.ImageContent),
        WebhookFixtures.Message(WebhookFixtures.VideoContent), WebhookFixtures.Message(WebhookFixtures.StickerContent),
        WebhookFixtures.Message(WebhookFixtures.LocationContent), WebhookFixtures.Message(WebhookFixtures.FileContent),
        WebhookFixtures.Postback, WebhookFixtures.Follow, WebhookFixtures.Unfollow, WebhookFixtures.AccountLink,
        WebhookFixtures.MemberJoined, WebhookFixtures.Beacon, WebhookFixtures.MembershipJoined, WebhookFixtures.ModuleAttached,
        WebhookFixtures.Activated, WebhookFixtures.Delivery, WebhookFixtures.Unsend, WebhookFixtures.VideoPlayComplete,
        WebhookFixtures.MessageEdited, WebhookFixtures.UnknownEvent,
    ];

    /// <summary>The events (indexes into the pool), which of them changes, which of its values (as a fraction), and the new kind.</summary>
    private sealed record Case(int[] Events, int Target, double Where, int Kind);

    private static Arbitrary<Case> Cases() =>
        (from count in Gen.Choose(1, 6)
         from events in Gen.ArrayOf(Gen.Choose(0, Pool.Length - 1), count)
         from target in Gen.Choose(0, count - 1)
         from at in Gen.Choose(0, 999_999).Select(i => i / 1_000_000.0)
         from kind in Gen.Choose(0, 4)
         select new Case(events, target, at, kind)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 1500)]
    public Property One_wrong_kind_value_never_changes_another_event() =>
        Prop.ForAll(Cases(), c =>
        {
            var nodes = c.Events.Select(i => JsonNode.Parse(Pool[i])!).ToArray();
            var original = Parse(nodes);
            var (parent, key, index) = PickValue(nodes[c.Target], c.Where);
            var replacement = WrongKind(key is null ? parent[index!.Value] : parent[key], c.Kind);
            if (key is null)
            {
                parent[index!.Value] = replacement;
            }
            else
            {
                parent[key] = replacement;
            }

            var changed = Parse(nodes);

            return changed.Count == original.Count
                && Enumerable.Range(0, changed.Count).All(i => i == c.Target
                    ? changed[i].DegradedFields.All(d => d.Path.StartsWith($"$.events[{i}]", StringComparison.Ordinal))
                    : !changed[i].IsDegraded && EventDump.Of(changed[i]) == EventDump.Of(original[i]));
        });

    private static IReadOnlyList<WebhookEvent> Parse(JsonNode[] events) =>
        WebhookParser.Parse(Encoding.UTF8.GetBytes(
            $$"""{"destination":"{{WebhookFixtures.Destination}}","events":[{{string.Join(",", events.Select(e => e.ToJsonString()))}}]}""")).Events;

    /// <summary>Every value inside the event, with where it sits; the one at <paramref name="at"/> of the list.</summary>
    private static (JsonNode Parent, string? Key, int? Index) PickValue(JsonNode root, double at)
    {
        var all = new List<(JsonNode, string?, int?)>();
        Collect(root, all);
        return all[(int)(at * all.Count)];
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int?)> all)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    all.Add((obj, key, null));
                    if (value is not null)
                    {
                        Collect(value, all);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    all.Add((array, null, i));
                    if (array[i] is { } item)
                    {
                        Collect(item, all);
                    }
                }

                break;
        }
    }

    /// <summary>A value of another JSON kind than <paramref name="current"/>: one of five, skipping the current kind.</summary>
    private static JsonNode WrongKind(JsonNode? current, int choice)
    {
        JsonNode[] candidates = [JsonValue.Create(7.5), JsonValue.Create("odd"), new JsonObject { ["k"] = 1 }, new JsonArray(1, "x"), JsonValue.Create(true)];
        var kind = current?.GetValueKind();
        var others = candidates.Where(v => v.GetValueKind() != kind && !(kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False && v.GetValueKind() == System.Text.Json.JsonValueKind.True)).ToArray();
        return others[choice % others.Length];
    }
}
