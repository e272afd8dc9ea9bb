using System.Buffers.Binary;
using System.IO.Hashing;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>Person sets against plain sets of numbers; saved and loaded; followed through merges; taken from member sets.</summary>
public sealed class PersonSetTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static Arbitrary<long[]> Ids() => Gen.ArrayOf(Gen.Choose(1, 60).Select(i => (long)i)).ToArbitrary();

    [Fact]
    public void Contents_and_diff_match_plain_sets() =>
        Prop.ForAll(Ids(), Ids(), (today, yesterday) =>
        {
            var now = PersonSet.Create(today.Select(i => new PersonId(i)));
            var before = PersonSet.Create(yesterday.Select(i => new PersonId(i)));
            Assert.Equal(today.Distinct().Order(), now.Select(p => p.Value));
            Assert.Equal(today.Distinct().Count(), now.Count);
            Assert.All(Enumerable.Range(1, 60), i => Assert.Equal(today.Contains(i), now.Contains(new PersonId(i))));

            var diff = now.Diff(before);
            Assert.Equal(today.Except(yesterday).Order(), diff.Added.Select(p => p.Value));
            Assert.Equal(yesterday.Except(today).Order(), diff.Removed.Select(p => p.Value));
            Assert.Equal(today.ToHashSet().SetEquals(yesterday), diff.IsEmpty);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_saved_set_loads_equal_from_any_stream() =>
        Prop.ForAll(Ids(), ids =>
        {
            var set = PersonSet.Create(ids.Select(i => new PersonId(i)));
            using var bytes = new MemoryStream();
            set.Save(bytes);
            bytes.Position = 0;
            Assert.Equal(set, PersonSet.Load(bytes));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_damaged_set_file_is_refused()
    {
        using var bytes = new MemoryStream();
        PersonSet.Create([new PersonId(3), new PersonId(7)]).Save(bytes);
        var file = bytes.ToArray();
        for (var length = 0; length < file.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => PersonSet.Load(new MemoryStream(file[..length])));
        }

        for (var at = 0; at < file.Length; at++)
        {
            var flipped = (byte[])file.Clone();
            flipped[at] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => PersonSet.Load(new MemoryStream(flipped)));
        }

        // Whole in its frame and hash, but the ids are out of order: 7 then 3.
        var swapped = (byte[])file.Clone();
        BinaryPrimitives.WriteInt64LittleEndian(swapped.AsSpan(24), 7);
        BinaryPrimitives.WriteInt64LittleEndian(swapped.AsSpan(32), 3);
        BinaryPrimitives.WriteUInt64LittleEndian(swapped.AsSpan(40), XxHash3.HashToUInt64(swapped.AsSpan(24, 16)));
        var error = Assert.Throws<InvalidDataException>(() => PersonSet.Load(new MemoryStream(swapped)));
        Assert.Contains("greater than the one before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Following_merges_replaces_absorbed_persons_through_chains()
    {
        var set = PersonSet.Create([new PersonId(1), new PersonId(2), new PersonId(5)]);
        var link = new IdentityLink(Identifier.WebMember("a"), Identifier.WebMember("b"), Now, LinkSource.Import);
        PersonMerge[] merges = [new(new PersonId(2), new PersonId(3), link), new(new PersonId(3), new PersonId(4), link), new(new PersonId(5), new PersonId(1), link)];

        Assert.Equal([1L, 4L], set.FollowMerges(merges).Select(p => p.Value));
        Assert.Same(set, set.FollowMerges([]));
    }

    [Fact]
    public void Sets_from_two_tables_compare_by_person()
    {
        var mondayResolver = new IdentifierKeyedPersonResolver();
        var monday = new MemberTable(mondayResolver);
        var hana = monday.Append(new Purchase("O1", Identifier.WebMember("hana"), Now, 500m, "JPY", PurchaseChannel.Web));
        var ken = monday.Append(new Purchase("O2", Identifier.WebMember("ken"), Now, 50m, "JPY", PurchaseChannel.Web));
        var bigSpenders = Segment.Compile("totalSpend >= 100.0");
        var mondaySet = bigSpenders.Evaluate(monday, Now).Members.ToPersonSet();

        using var file = new MemoryStream();
        using var resolverFile = new MemoryStream();
        monday.Save(file, TestContext.Current.CancellationToken);
        mondayResolver.Save(resolverFile);
        file.Position = 0;
        resolverFile.Position = 0;
        var tuesday = MemberTable.Load(file, IdentifierKeyedPersonResolver.Load(resolverFile), TestContext.Current.CancellationToken);
        tuesday.Append(new Purchase("O3", Identifier.WebMember("ken"), Now.AddDays(1), 60m, "JPY", PurchaseChannel.Web));
        var tuesdaySet = bigSpenders.Evaluate(tuesday, Now.AddDays(1)).Members.ToPersonSet();

        Assert.Equal([hana], mondaySet);
        var diff = tuesdaySet.Diff(mondaySet);
        Assert.Equal([ken], diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Nobody_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PersonSet.Create([new PersonId(1), default]));
        Assert.Contains("persons[1]", error.Message, StringComparison.Ordinal);
    }
}
