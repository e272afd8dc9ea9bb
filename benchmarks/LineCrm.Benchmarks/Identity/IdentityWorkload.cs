using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// A deterministic population for the identity benchmarks: <c>identifiers</c> identifiers grouped into persons
/// (40% with one identifier, 30% with two, 20% with three, 10% with four to eight, and one person in ten
/// thousand a hub of 100 to 1,000: a shared "house" store card scanned with many LINE ids), linked by a random
/// spanning tree per person and topped up to <c>links</c> links with repeated observations and cycles, shuffled
/// and stamped one second apart. Node numbers (for DuckDB) are positions in <see cref="Identifiers"/>.
/// </summary>
internal sealed class IdentityWorkload
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IdentityWorkload(Identifier[] identifiers, IdentityLink[] links, (int A, int B)[] pairs, int persons, IdentityLink[] incremental)
    {
        Identifiers = identifiers;
        Links = links;
        Pairs = pairs;
        Persons = persons;
        Incremental = incremental;
    }

    public Identifier[] Identifiers { get; }

    public IdentityLink[] Links { get; }

    /// <summary>The links as positions in <see cref="Identifiers"/>.</summary>
    public (int A, int B)[] Pairs { get; }

    /// <summary>The persons the generator meant (connected components of <see cref="Links"/>).</summary>
    public int Persons { get; }

    /// <summary>100,000 links not in <see cref="Links"/>: new identifiers joining persons, and persons merging.</summary>
    public IdentityLink[] Incremental { get; }

    public static IdentityWorkload Create(int identifiers, int links, int seed = 42)
    {
        var random = new Random(seed);
        var ids = new Identifier[identifiers];
        var pairs = new List<(int, int)>(links);
        var persons = 0;
        var next = 0;
        while (next < identifiers)
        {
            var size = PersonSize(random);
            size = Math.Min(size, identifiers - next);
            var first = next;
            var hub = size >= 100;
            var firstIsLine = random.Next(10) < 7;
            for (var k = 0; k < size; k++)
            {
                ids[next] = MakeIdentifier(random, k, hub, firstIsLine, next);
                if (k > 0)
                {
                    // A hub's LINE ids all link to its card; other persons get a random tree.
                    pairs.Add((hub ? first : first + random.Next(k), next));
                }

                next++;
            }

            persons++;
        }

        // Top up with repeated observations (the same card shown again) and cycles inside persons.
        var spanning = pairs.Count;
        while (pairs.Count < links && spanning > 0)
        {
            var (a, b) = pairs[random.Next(spanning)];
            pairs.Add(random.Next(3) == 0 ? (b, a) : (a, b));
        }

        var pairArray = pairs.ToArray();
        random.Shuffle(pairArray);
        var sources = LinkSource.WellKnown;
        var linkArray = new IdentityLink[pairArray.Length];
        for (var i = 0; i < linkArray.Length; i++)
        {
            var (a, b) = pairArray[i];
            linkArray[i] = new IdentityLink(ids[a], ids[b], Start.AddSeconds(i), sources[(a ^ b) & 3]);
        }

        var incremental = new IdentityLink[100_000];
        for (var i = 0; i < incremental.Length; i++)
        {
            // Half bring a new store card to an existing identifier, half join two random identifiers.
            var existing = ids[random.Next(identifiers)];
            var other = i % 2 == 0 ? Identifier.StoreCard($"N{i:D9}") : ids[random.Next(identifiers)];
            incremental[i] = existing == other
                ? new IdentityLink(existing, Identifier.StoreCard($"S{i:D9}"), Start.AddDays(100).AddSeconds(i), LinkSource.PointOfSale)
                : new IdentityLink(existing, other, Start.AddDays(100).AddSeconds(i), LinkSource.PointOfSale);
        }

        return new IdentityWorkload(ids, linkArray, pairArray, persons, incremental);
    }

    private static int PersonSize(Random random)
    {
        if (random.Next(10_000) == 0)
        {
            return random.Next(100, 1001);
        }

        return random.Next(10) switch
        {
            < 4 => 1,
            < 7 => 2,
            < 9 => 3,
            _ => random.Next(4, 9),
        };
    }

    private static Identifier MakeIdentifier(Random random, int position, bool hub, bool firstIsLine, int serial)
    {
        if (hub)
        {
            return position == 0 ? Identifier.StoreCard($"HOUSE-{serial:D10}") : LineId(random);
        }

        return position switch
        {
            0 => firstIsLine ? LineId(random) : Identifier.WebMember($"M{serial:D10}"),
            1 => firstIsLine && random.Next(2) == 0 ? Identifier.WebMember($"W{serial:D10}") : Identifier.StoreCard($"C{serial:D10}"),
            3 or 5 or 7 => EmailHash(random),
            _ => Identifier.StoreCard($"C{serial:D10}"),
        };
    }

    private static Identifier LineId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Identifier.LineUser("U" + Convert.ToHexStringLower(bytes));
    }

    private static Identifier EmailHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new Identifier(IdentifierType.EmailSha256, Convert.ToHexStringLower(bytes));
    }
}
