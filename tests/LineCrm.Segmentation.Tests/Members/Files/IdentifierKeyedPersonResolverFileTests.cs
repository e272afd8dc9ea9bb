using System.Buffers.Binary;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>The identifier-keyed resolver saved beside its table: identifiers keep their persons, new ones get new numbers.</summary>
public sealed class IdentifierKeyedPersonResolverFileTests
{
    private static readonly Identifier[] Identifiers =
    [
        Identifier.WebMember("hana"),
        Identifier.LineUser($"U{0x1234:x32}"),
        Identifier.StoreCard("C-9"),
        new(IdentifierType.FromName("crm_id"), "42"),
    ];

    [Fact]
    public void A_loaded_resolver_keeps_every_person_and_numbers_the_next_after_them()
    {
        var resolver = new IdentifierKeyedPersonResolver();
        var persons = Identifiers.Select(resolver.Resolve).ToArray();

        var loaded = RoundTrip(resolver);

        Assert.Equal(Identifiers.Length, loaded.Count);
        Assert.Equal(persons, Identifiers.Select(loaded.Resolve));
        Assert.Equal(new PersonId(Identifiers.Length + 1), loaded.Resolve(Identifier.WebMember("new")));
    }

    [Fact]
    public void A_damaged_file_is_refused()
    {
        var resolver = new IdentifierKeyedPersonResolver();
        foreach (var identifier in Identifiers)
        {
            resolver.Resolve(identifier);
        }

        using var bytes = new MemoryStream();
        resolver.Save(bytes);
        var file = bytes.ToArray();
        for (var length = 0; length < file.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => IdentifierKeyedPersonResolver.Load(new MemoryStream(file[..length])));
        }

        for (var at = 0; at < file.Length; at++)
        {
            var flipped = (byte[])file.Clone();
            flipped[at] ^= 0x04;
            Assert.Throws<InvalidDataException>(() => IdentifierKeyedPersonResolver.Load(new MemoryStream(flipped)));
        }

        // Whole in its frames, but two identifiers share a person, so the next number would be taken twice.
        var persons = FileSection.Of(file).Single(s => s.Kind == 4);
        var repeated = persons.Rewritten(file, payload => BinaryPrimitives.WriteInt64LittleEndian(payload[8..], BinaryPrimitives.ReadInt64LittleEndian(payload)));
        var error = Assert.Throws<InvalidDataException>(() => IdentifierKeyedPersonResolver.Load(new MemoryStream(repeated)));
        Assert.Contains("repeats or is outside", error.Message, StringComparison.Ordinal);
    }

    private static IdentifierKeyedPersonResolver RoundTrip(IdentifierKeyedPersonResolver resolver)
    {
        using var bytes = new MemoryStream();
        resolver.Save(bytes);
        bytes.Position = 0;
        return IdentifierKeyedPersonResolver.Load(bytes);
    }
}
