using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;

namespace LineCrm.Abstractions.Tests;

public sealed class IdentifierPropertyTests
{
    [Property(MaxTest = 500)]
    public Property Parse_of_format_gives_back_the_same_identifier_for_every_type() =>
        Prop.ForAll(IdentifierGenerators.Identifiers, id =>
        {
            var text = id.ToString();
            var parsed = Identifier.Parse(text, null);
            return parsed == id && parsed.Type == id.Type && parsed.Value == id.Value && parsed.ToString() == text;
        });

    [Property(MaxTest = 300)]
    public Property Span_formatting_writes_the_same_text_as_ToString() =>
        Prop.ForAll(IdentifierGenerators.Identifiers, id =>
        {
            Span<char> buffer = stackalloc char[400];
            return id.TryFormat(buffer, out var written, default, null) && buffer[..written].SequenceEqual(id.ToString());
        });

    [Property(MaxTest = 300)]
    public Property Equal_identifiers_have_equal_hash_codes() =>
        Prop.ForAll(IdentifierGenerators.Identifiers, IdentifierGenerators.Identifiers, (a, b) =>
        {
            var copy = Identifier.Parse(a.ToString(), null);
            var equalityAgrees = (a == b) == (a.ToString() == b.ToString());
            return copy.Equals(a) && copy.GetHashCode() == a.GetHashCode() && equalityAgrees
                && (a != b || a.GetHashCode() == b.GetHashCode());
        });

    [Property(MaxTest = 200)]
    public Property Surrounding_white_space_is_normalised_away() =>
        Prop.ForAll(IdentifierGenerators.Identifiers, id =>
        {
            var padded = new Identifier(id.Type, "  " + id.Value + "\t");
            return padded == id;
        });

    [Property(MaxTest = 200)]
    public Property Uppercase_hashes_normalise_to_lowercase() =>
        Prop.ForAll(IdentifierGenerators.Hex(64, "0123456789abcdefABCDEF").ToArbitrary(), hex =>
        {
            var id = new Identifier(IdentifierType.EmailSha256, hex);
            return string.Equals(id.Value, hex, StringComparison.OrdinalIgnoreCase) && !id.Value.Any(char.IsAsciiLetterUpper);
        });

    [Property(MaxTest = 200)]
    public Property Person_ids_round_trip_through_text() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).Select(i => (long)i * 3).ToArbitrary(), value =>
        {
            var id = new PersonId(value);
            return PersonId.Parse(id.ToString(), null) == id && id.ToString() == "P" + value;
        });
}
