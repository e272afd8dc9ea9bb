using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// The member table against the plainest model of the same facts (a list of purchase amounts and interaction
/// kinds per person): any interleaving of appends, merges and compactions leaves every person's lists equal.
/// </summary>
public sealed class MemberTablePropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private enum OpKind
    {
        Buy,
        Interact,
        Merge,
        Compact,
    }

    private sealed record Op(OpKind Kind, int Who, int Other, int Value);

    private static Arbitrary<Op[]> Ops() =>
        Gen.Sized(size => Gen.ArrayOf(
            from kind in Gen.Frequency((12, Gen.Constant(OpKind.Buy)), (6, Gen.Constant(OpKind.Interact)), (2, Gen.Constant(OpKind.Merge)), (1, Gen.Constant(OpKind.Compact)))
            from who in Gen.Choose(0, 9)
            from other in Gen.Choose(0, 9)
            from value in Gen.Choose(-50, 5000)
            select new Op(kind, who, other, value),
            size * 4)).ToArbitrary();

    [Fact]
    public void Any_interleaving_of_appends_merges_and_compactions_keeps_each_persons_facts() =>
        Prop.ForAll(Ops(), ops =>
        {
            var resolver = new Files.RandomTables.MergingResolver();
            var table = new MemberTable(resolver);
            var purchases = new Dictionary<PersonId, List<decimal>>();
            var kinds = new Dictionary<PersonId, List<string>>();
            var identifiers = Enumerable.Range(0, 10).Select(i => Identifier.WebMember($"W{i}")).ToArray();
            var n = 0;
            foreach (var op in ops)
            {
                n++;
                switch (op.Kind)
                {
                    case OpKind.Buy:
                        var buyer = table.Append(new Purchase($"O{n}", identifiers[op.Who], T0.AddMinutes(n), op.Value, "JPY", PurchaseChannel.Web));
                        Add(purchases, buyer, op.Value);
                        break;
                    case OpKind.Interact:
                        var kind = InteractionKind.WellKnown[op.Value & 7];
                        var who = table.Append(new Interaction(identifiers[op.Who], T0.AddMinutes(n), kind));
                        Add(kinds, who, kind.Name);
                        break;
                    case OpKind.Merge:
                        var absorbed = resolver.Resolve(identifiers[op.Who]);
                        var surviving = resolver.Resolve(identifiers[op.Other]);
                        if (absorbed != surviving)
                        {
                            resolver.Merge(absorbed, surviving);
                            table.MergePersons(absorbed, surviving);
                            MergeModel(purchases, absorbed, surviving);
                            MergeModel(kinds, absorbed, surviving);
                        }

                        break;
                    default:
                        table.Compact();
                        break;
                }
            }

            var persons = purchases.Keys.Concat(kinds.Keys).Where(p => purchases.ContainsKey(p) || kinds.ContainsKey(p)).ToHashSet();
            Assert.Equal(persons.Order(), table.Persons.Order());
            foreach (var person in persons)
            {
                Assert.True(table.TryGetFacts(person, out var facts));
                Assert.Equal(purchases.GetValueOrDefault(person) ?? [], facts.Purchases.Select(p => p.Amount));
                Assert.Equal(kinds.GetValueOrDefault(person) ?? [], facts.Interactions.Select(i => i.Kind));
            }

            Assert.Equal(purchases.Values.Sum(l => l.Count), table.PurchaseCount);
        }).QuickCheckThrowOnFailure();

    private static void Add<T>(Dictionary<PersonId, List<T>> model, PersonId person, T value)
    {
        if (!model.TryGetValue(person, out var list))
        {
            model[person] = list = [];
        }

        list.Add(value);
    }

    private static void MergeModel<T>(Dictionary<PersonId, List<T>> model, PersonId absorbed, PersonId surviving)
    {
        if (model.Remove(absorbed, out var moved))
        {
            if (!model.TryGetValue(surviving, out var list))
            {
                model[surviving] = list = [];
            }

            list.AddRange(moved);
        }
    }
}
