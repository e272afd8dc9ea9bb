using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members;

public sealed class IdentityGraphPersonResolverPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Eight identifiers of custom types (no count limits under the default rules), so any link is accepted.
    private static Identifier Id(int n) => new(IdentifierType.FromName(n % 2 == 0 ? "crm" : "pos"), $"c{n}");

    // An event is a purchase (amount = its position, so each is recognisable) or a link between two identifiers.
    private sealed record Step(bool IsLink, int A, int B);

    private static readonly Arbitrary<List<Step>> Steps =
        Gen.ListOf(
            from isLink in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
            from a in Gen.Choose(0, 7)
            from b in Gen.Choose(0, 7)
            select new Step(isLink, a, b))
        .Select(s => s.Where(x => !x.IsLink || x.A != x.B).Take(40).ToList())
        .ToArbitrary();

    // Whatever order purchases and links arrive in, each person ends up with exactly the purchases of their
    // identifiers: the reference groups all purchases by the graph's final person of each buyer.
    [Property(MaxTest = 200)]
    public Property Every_person_holds_the_purchases_of_all_their_identifiers_whatever_the_arrival_order() =>
        Prop.ForAll(Steps, steps =>
        {
            var graph = new IdentityGraph();
            var resolver = new IdentityGraphPersonResolver(graph);
            var table = new MemberTable(resolver);
            var buyers = new List<(Identifier Who, decimal Amount)>();
            for (var i = 0; i < steps.Count; i++)
            {
                var s = steps[i];
                if (s.IsLink)
                {
                    if (i % 3 == 0)
                    {
                        resolver.Link(new IdentityLink(Id(s.A), Id(s.B), T0.AddMinutes(i), LinkSource.Import), table);
                    }
                    else
                    {
                        resolver.AddLinks([new IdentityLink(Id(s.A), Id(s.B), T0.AddMinutes(i), LinkSource.Import)], table);
                    }
                }
                else
                {
                    table.Append(new Purchase($"O{i}", Id(s.A), T0.AddMinutes(i), i, "JPY", PurchaseChannel.Web));
                    buyers.Add((Id(s.A), i));
                }
            }

            var expected = buyers.GroupBy(b => graph.Resolve(b.Who)).ToDictionary(g => g.Key, g => g.Select(b => b.Amount).Order().ToList());
            var actual = expected.Keys.ToDictionary(p => p, p => table.TryGetFacts(p, out var f) ? f.Purchases.Select(x => x.Amount).Order().ToList() : []);
            var everyTablePersonExists = table.Persons.All(graph.Exists);
            return (expected.All(e => e.Value.SequenceEqual(actual[e.Key])) && everyTablePersonExists)
                .Label($"expected {string.Join("; ", expected.Select(e => $"{e.Key}: {string.Join(",", e.Value)}"))}, actual {string.Join("; ", actual.Select(e => $"{e.Key}: {string.Join(",", e.Value)}"))}");
        });
}
