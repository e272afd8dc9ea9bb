using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// Member tables built by random sequences of every kind of write (purchases with stores and categories,
/// interactions with campaigns and targets, links with LINE ids, tags, attributes, merges, forgetting,
/// compaction), for the file tests. The same operations replay on any table, so a loaded table can be checked
/// against the original by continuing both.
/// </summary>
internal static class RandomTables
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public enum OpKind
    {
        Buy,
        Interact,
        Link,
        Tag,
        Attribute,
        Merge,
        Forget,
        Compact,
    }

    public sealed record Op(OpKind Kind, int Who, int Other, int Value);

    public static Arbitrary<Op[]> Ops() =>
        Gen.Sized(size => Gen.ArrayOf(
            from kind in Gen.Frequency(
                (10, Gen.Constant(OpKind.Buy)), (6, Gen.Constant(OpKind.Interact)), (2, Gen.Constant(OpKind.Link)),
                (3, Gen.Constant(OpKind.Tag)), (3, Gen.Constant(OpKind.Attribute)), (2, Gen.Constant(OpKind.Merge)),
                (1, Gen.Constant(OpKind.Forget)), (1, Gen.Constant(OpKind.Compact)))
            from who in Gen.Choose(0, 11)
            from other in Gen.Choose(0, 11)
            from value in Gen.Choose(-50, 5000)
            select new Op(kind, who, other, value),
            size * 4)).ToArbitrary();

    /// <summary>A fixed sequence of <paramref name="count"/> operations of every kind, the same for the same seed.</summary>
    public static Op[] Sample(int seed, int count)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<OpKind>();
        return [.. Enumerable.Range(0, count).Select(_ => new Op(kinds[random.Next(kinds.Length)], random.Next(12), random.Next(12), random.Next(-50, 5001)))];
    }

    /// <summary>A table and the resolver that goes with it, both fed the same operations.</summary>
    public sealed class World
    {
        private readonly Identifier[] _identifiers = [.. Enumerable.Range(0, 12).Select(i => Identifier.WebMember($"W{i}"))];
        private int _n;

        public World(MemberTable? table = null, MergingResolver? resolver = null)
        {
            Resolver = resolver ?? new MergingResolver();
            Table = table ?? new MemberTable(Resolver);
        }

        public MergingResolver Resolver { get; }

        public MemberTable Table { get; }

        /// <summary>Counts an operation without applying it, for a world that continues another.</summary>
        public void Skip() => _n++;

        public void Apply(Op op)
        {
            _n++;
            var who = _identifiers[op.Who];
            var at = T0.AddMinutes(_n * 7 + op.Value);
            switch (op.Kind)
            {
                case OpKind.Buy:
                    // Some amounts use all 4 decimal places the table keeps (THB has 2 minor digits; the table does not check).
                    var amount = op.Value / 4m + (op.Value % 7 == 0 ? op.Value * 0.0001m : 0m);
                    var purchase = new Purchase($"O{_n}", who, at, amount, op.Value % 3 == 0 ? "JPY" : "THB", op.Value % 2 == 0 ? PurchaseChannel.Web : PurchaseChannel.Store)
                    {
                        StoreId = op.Value % 5 == 0 ? null : $"S{op.Value % 4}",
                        CampaignId = op.Value % 3 == 1 ? $"camp{op.Value % 5}" : null,
                        Items = [.. Enumerable.Range(0, Math.Abs(op.Value) % 4).Select(i => new LineItem($"K{i}", i == 2 ? null : $"c{(op.Value + i) % 6}", 1, 1m))],
                    };
                    Table.Append(purchase);
                    break;
                case OpKind.Interact:
                    Table.Append(new Interaction(who, at, InteractionKind.WellKnown[Math.Abs(op.Value) % InteractionKind.WellKnown.Count])
                    {
                        CampaignId = op.Value % 3 == 0 ? null : $"camp{op.Value % 5}",
                        Target = op.Value % 4 == 0 ? null : $"https://example.com/{op.Value % 7}",
                    });
                    break;
                case OpKind.Link:
                    var line = Identifier.LineUser("U" + (op.Value & 0xffff).ToString("x32", System.Globalization.CultureInfo.InvariantCulture));
                    Resolver.Alias(line, Resolver.Resolve(who));
                    Table.Append(new IdentityLink(who, line, at, LinkSource.AccountLink));
                    break;
                case OpKind.Tag:
                    Table.SetTag(Resolver.Resolve(who), $"tag{op.Value % 4}", op.Value % 5 != 0);
                    break;
                case OpKind.Attribute:
                    Table.SetAttribute(Resolver.Resolve(who), $"key{op.Value % 3}", op.Value % 6 == 0 ? null : $"value {op.Value}");
                    break;
                case OpKind.Merge:
                    var absorbed = Resolver.Resolve(who);
                    var surviving = Resolver.Resolve(_identifiers[op.Other]);
                    if (absorbed != surviving)
                    {
                        Resolver.Merge(absorbed, surviving);
                        Table.MergePersons(absorbed, surviving);
                    }

                    break;
                case OpKind.Forget:
                    var forgotten = Resolver.Resolve(who);
                    Table.Forget(forgotten);
                    Resolver.Forget(forgotten);
                    break;
                default:
                    Table.Compact();
                    break;
            }
        }
    }

    /// <summary>A stand-in for the identity graph: identifiers of merged persons resolve to the survivor.</summary>
    public sealed class MergingResolver : IPersonResolver
    {
        private readonly Dictionary<Identifier, PersonId> _persons = [];
        private long _next;

        public PersonId Resolve(Identifier identifier)
        {
            if (!_persons.TryGetValue(identifier, out var person))
            {
                _persons[identifier] = person = new PersonId(++_next);
            }

            return person;
        }

        public void Alias(Identifier identifier, PersonId person) => _persons[identifier] = person;

        public void Merge(PersonId absorbed, PersonId surviving)
        {
            foreach (var (identifier, person) in _persons.ToList())
            {
                if (person == absorbed)
                {
                    _persons[identifier] = surviving;
                }
            }
        }

        public void Forget(PersonId person)
        {
            foreach (var (identifier, owner) in _persons.ToList())
            {
                if (owner == person)
                {
                    _persons.Remove(identifier);
                }
            }
        }

        public MergingResolver Copy()
        {
            var copy = new MergingResolver { _next = _next };
            foreach (var (identifier, person) in _persons)
            {
                copy._persons[identifier] = person;
            }

            return copy;
        }
    }

    /// <summary>Everything a table says of its persons, as one comparable text.</summary>
    public static string Describe(MemberTable table)
    {
        var lines = new List<string> { $"count {table.Count} purchases {table.PurchaseCount} interactions {table.InteractionCount}" };
        lines.Add(DescribePersons(table, table.Persons));
        return string.Join('\n', lines);
    }

    /// <summary>What a table says of some of its persons, as one comparable text.</summary>
    public static string DescribePersons(MemberTable table, IEnumerable<PersonId> persons)
    {
        var lines = new List<string>();
        foreach (var person in persons)
        {
            Assert.True(table.TryGetFacts(person, out var f));
            lines.Add($"{f.Person} blocked={f.Blocked} added={f.FriendAddedAt:O} click={f.LastClickAt:O} linkedAt={f.LinkedAt:O} line={f.LineUser} " +
                $"linked=[{string.Join(",", f.LinkedTypes)}] tags=[{string.Join(",", f.Tags.Order(StringComparer.Ordinal))}] " +
                $"attributes=[{string.Join(",", f.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}]");
            lines.AddRange(f.Purchases.Select(p => $"  buy {p.At:O} {p.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {p.Currency} {p.Channel} {p.Store} {p.Campaign} [{string.Join(",", p.Categories)}]"));
            lines.AddRange(f.Interactions.Select(i => $"  {i.Kind} {i.At:O} {i.Campaign} {i.Target}"));
        }

        return string.Join('\n', lines);
    }
}
