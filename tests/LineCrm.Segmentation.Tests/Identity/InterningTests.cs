using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// The packed key tables behind the graph (hex ids as machine words, text as UTF-8 with open addressing and
/// backward-shift deletion), checked through the graph against a plain set.
/// </summary>
public sealed class InterningTests
{
    private static Identifier Value(int n) => (n % 4) switch
    {
        0 => Identifier.LineUser($"U{(uint)n * 2654435761u:x8}{n:x24}"),
        1 => new Identifier(IdentifierType.PhoneSha256, $"{n:x8}{new string('a', 56)}"),
        2 => Identifier.StoreCard($"カード-{n}"),
        _ => new Identifier(IdentifierType.FromName("member_no"), $"{n}"),
    };

    [Property(MaxTest = 100)]
    public Property Adds_and_removals_agree_with_a_set_and_values_come_back_intact() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(-400, 400)).ToArbitrary(), operations =>
        {
            var graph = new IdentityGraph(IdentityRules.None);
            var reference = new HashSet<Identifier>();
            foreach (var op in operations)
            {
                var id = Value(Math.Abs(op));
                if (op >= 0)
                {
                    graph.TryAddIdentifier(id, out _);
                    reference.Add(id);
                }
                else
                {
                    graph.RemoveIdentifier(id);
                    reference.Remove(id);
                }
            }

            var held = graph.GetPersons().SelectMany(graph.GetIdentifiers).ToHashSet();
            return (held.SetEquals(reference)
                    && Enumerable.Range(0, 401).All(n => graph.Contains(Value(n)) == reference.Contains(Value(n)))
                    && graph.IdentifierCount == reference.Count)
                .Label($"held {held.Count}, expected {reference.Count}");
        });

    [Fact]
    public void Hundreds_of_thousands_of_identifiers_resolve_after_growth_and_removals()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        const int Count = 200_000;
        graph.AddIdentifiers(Enumerable.Range(0, Count).Select(Value));
        for (var n = 0; n < Count; n += 3)
        {
            graph.RemoveIdentifier(Value(n));
        }

        for (var n = 0; n < Count; n++)
        {
            Assert.Equal(n % 3 != 0, graph.Contains(Value(n)));
        }

        Assert.Equal(Count - ((Count + 2) / 3), graph.IdentifierCount);
        Assert.Equal(Value(7), graph.GetIdentifiers(graph.Resolve(Value(7))).Single());
    }
}
