using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// Merging persons after their facts arrived answers every query as if the facts had arrived under the merged
/// person from the start: segments select the same persons, and each person holds the same purchases,
/// interactions and tags (in any order). Times are distinct, so "the latest friend-state event wins" has one
/// answer; attributes are left out, since on a conflict a merge keeps the survivor's value by design where
/// appending keeps the last one set.
/// </summary>
public sealed class MergeEquivalenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(400);

    private static readonly Segment[] Queries =
    [
        Segment.Compile("true"),
        Segment.Compile("blocked"),
        Segment.Compile("!blocked && lastClickAt > now - days(200)"),
        Segment.Compile("totalSpend >= 300.0"),
        Segment.Compile("purchases.filter(p, p.at > now - days(300)).size() >= 2"),
        Segment.Compile("purchases.exists(p, p.channel == 'store') && interactions.exists(i, i.kind == 'clicked')"),
        Segment.Compile("'vip' in tags && firstPurchaseAt < now - days(350)"),
        Segment.Compile("friendAddedAt > timestamp('2026-03-01T00:00:00Z') && lastPurchaseAt > friendAddedAt"),
    ];

    private sealed record Event(int Who, bool IsPurchase, int Value);

    private static Arbitrary<(Event[] Events, (int, int)[] Merges)> Histories() =>
        (from events in Gen.ArrayOf(
             from who in Gen.Choose(0, 9)
             from purchase in Gen.Elements(true, false)
             from value in Gen.Choose(1, 800)
             select new Event(who, purchase, value))
         from merges in Gen.ArrayOf(Gen.Choose(0, 9).Two().Select(p => (p.Item1, p.Item2)))
         select (events, merges)).ToArbitrary();

    [Fact]
    public void Merging_after_the_facts_answers_as_the_facts_arriving_merged() =>
        Prop.ForAll(Histories(), history =>
        {
            var identifiers = Enumerable.Range(0, 10).Select(i => Identifier.WebMember($"W{i}")).ToArray();

            // After the facts: every identifier its own person, then the merges.
            var later = new Files.RandomTables.MergingResolver();
            var mergedLater = new MemberTable(later);
            Append(mergedLater, identifiers, history.Events);
            foreach (var (a, b) in history.Merges)
            {
                var absorbed = later.Resolve(identifiers[a]);
                var surviving = later.Resolve(identifiers[b]);
                if (absorbed != surviving)
                {
                    later.Merge(absorbed, surviving);
                    mergedLater.MergePersons(absorbed, surviving);
                }
            }

            // From the start: each identifier resolves to the person it ends up in.
            var final = identifiers.ToDictionary(i => i, later.Resolve);
            var mergedFirst = new MemberTable(new FixedResolver(final));
            Append(mergedFirst, identifiers, history.Events);

            foreach (var query in Queries)
            {
                Assert.Equal(query.Evaluate(mergedFirst, Now).Members.ToPersonSet(), query.Evaluate(mergedLater, Now).Members.ToPersonSet());
            }

            Assert.Equal(mergedFirst.Persons.Order(), mergedLater.Persons.Order());
            foreach (var person in mergedFirst.Persons)
            {
                Assert.Equal(Facts(mergedFirst, person), Facts(mergedLater, person));
            }
        }).QuickCheckThrowOnFailure();

    private static void Append(MemberTable table, Identifier[] identifiers, Event[] events)
    {
        for (var n = 0; n < events.Length; n++)
        {
            var (who, isPurchase, value) = events[n];
            var at = T0.AddMinutes(n * 997 % 500_000 + n);   // distinct, not in append order
            if (isPurchase)
            {
                var person = table.Append(new Purchase($"O{n}", identifiers[who], at, value / 4m, "JPY", value % 3 == 0 ? PurchaseChannel.Store : PurchaseChannel.Web));
                if (value % 7 == 0)
                {
                    table.SetTag(person, "vip");
                }
            }
            else
            {
                var kinds = new[] { InteractionKind.Clicked, InteractionKind.FriendAdded, InteractionKind.Blocked, InteractionKind.Unblocked };
                table.Append(new Interaction(identifiers[who], at, kinds[value % kinds.Length]));
            }
        }
    }

    private static string Facts(MemberTable table, PersonId person)
    {
        Assert.True(table.TryGetFacts(person, out var f));
        return string.Join('\n', [
            $"blocked={f.Blocked} added={f.FriendAddedAt:O} click={f.LastClickAt:O} tags={string.Join(",", f.Tags.Order(StringComparer.Ordinal))}",
            .. f.Purchases.Select(p => $"buy {p.At:O} {p.Amount} {p.Channel}").Order(StringComparer.Ordinal),
            .. f.Interactions.Select(i => $"{i.Kind} {i.At:O}").Order(StringComparer.Ordinal),
        ]);
    }

    private sealed class FixedResolver(Dictionary<Identifier, PersonId> persons) : IPersonResolver
    {
        public PersonId Resolve(Identifier identifier) => persons[identifier];
    }
}
